// A Xapian stemmer that remembers its answers. A catalogue repeats the same
// few tens of thousands of words in every description, and Snowball's English
// stemmer took 5% of a full run's CPU recomputing them.
//
// Thread-safety: none; one stemmer per thread (each DocumentBuilder makes
// its own).
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>

#include <xapian.h>

namespace ayc::indexer {

class StemCache : public Xapian::StemImplementation {
 public:
  // Forgets everything once it holds `max_words` words, so a catalogue of
  // unusual words cannot grow it without bound.
  explicit StemCache(const std::string& language, std::size_t max_words = 1u << 18);
  std::string operator()(const std::string& word) override;
  std::string get_description() const override;
  std::size_t size() const { return stems_.size(); }

 private:
  Xapian::Stem stem_;
  std::size_t max_words_;
  std::unordered_map<std::string, std::string> stems_;
};

// A Xapian::Stem for `language` backed by a new StemCache.
Xapian::Stem cached_stemmer(const std::string& language, std::size_t max_words = 1u << 18);

}  // namespace ayc::indexer
