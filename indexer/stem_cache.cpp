#include "indexer/stem_cache.h"

namespace ayc::indexer {

StemCache::StemCache(const std::string& language, std::size_t max_words)
    : stem_(language), max_words_(max_words == 0 ? 1 : max_words) {}

std::string StemCache::operator()(const std::string& word) {
  if (auto it = stems_.find(word); it != stems_.end()) return it->second;
  if (stems_.size() >= max_words_) stems_.clear();
  return stems_.emplace(word, stem_(word)).first->second;
}

std::string StemCache::get_description() const { return "cached " + stem_.get_description(); }

Xapian::Stem cached_stemmer(const std::string& language, std::size_t max_words) {
  return Xapian::Stem(new StemCache(language, max_words));
}

}  // namespace ayc::indexer
