#include "ranking/scoring.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace ayc::ranking {

namespace {
bool starts_with_words(std::string_view text, std::string_view prefix) {
  if (prefix.empty() || text.size() < prefix.size()) return false;
  if (text.compare(0, prefix.size(), prefix) != 0) return false;
  return text.size() == prefix.size() || text[prefix.size()] == ' ';
}

// Whether `phrase` occurs in `text` as whole words.
bool has_words(std::string_view text, std::string_view phrase) {
  if (phrase.empty()) return false;
  for (std::size_t pos = text.find(phrase); pos != std::string_view::npos; pos = text.find(phrase, pos + 1)) {
    std::size_t end = pos + phrase.size();
    if ((pos == 0 || text[pos - 1] == ' ') && (end == text.size() || text[end] == ' ')) return true;
  }
  return false;
}
}  // namespace

double business_prior(const BusinessSignals& s, const PriorParams& p) {
  double pop = std::max(s.popularity, 0.0);
  double pop_term = pop / (pop + std::max(p.popularity_half, 1e-9));
  double n = std::max(s.review_count, 0);
  double rating = std::clamp(s.rating, 0.0, 5.0);
  double bayes = (rating * n + p.rating_prior_mean * p.rating_prior_count) / (n + p.rating_prior_count);
  double rating_term = std::clamp((bayes - 1.0) / 4.0, 0.0, 1.0);
  double prior = p.popularity_weight * pop_term + p.rating_weight * rating_term +
                 p.stock_weight * (s.in_stock ? 1.0 : 0.0);
  double total_weight = p.popularity_weight + p.rating_weight + p.stock_weight;
  return total_weight > 0 ? std::clamp(prior / total_weight, 0.0, 1.0) : 0.0;
}

ExactMatch::ExactMatch(std::string_view query, const BlendParams& p) : query_(query), p_(p) {
  std::string_view q = query_;
  std::size_t i = 0;
  while (i < q.size()) {
    while (i < q.size() && q[i] == ' ') ++i;
    std::size_t start = i;
    while (i < q.size() && q[i] != ' ') ++i;
    if (i > start) words_.push_back(q.substr(start, i - start));
  }
}

bool ExactMatch::is_word(std::string_view token) const {
  for (std::string_view w : words_)
    if (w.size() == token.size() && std::memcmp(w.data(), token.data(), w.size()) == 0) return true;
  return false;
}

bool ExactMatch::name_has_every_word(std::string_view name) const {
  if (words_.empty()) return false;
  if (words_.size() >= 64) {  // one bit a word below
    return std::all_of(words_.begin(), words_.end(), [&](std::string_view w) { return has_words(name, w); });
  }
  // Each query word must be one of the name's words: the name is split once
  // and its words compared by length first, instead of a substring search
  // per query word (a search boosts its best 30-200 hits).
  const std::uint64_t all = (std::uint64_t{1} << words_.size()) - 1;
  std::uint64_t seen = 0;
  std::size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && name[i] == ' ') ++i;
    const std::size_t start = i;
    while (i < name.size() && name[i] != ' ') ++i;
    const std::size_t len = i - start;
    if (len == 0) break;
    for (std::size_t k = 0; k < words_.size(); ++k) {
      if (words_[k].size() == len && std::memcmp(words_[k].data(), name.data() + start, len) == 0) seen |= std::uint64_t{1} << k;
    }
    if (seen == all) return true;
  }
  return false;
}

double ExactMatch::boost(std::string_view name, std::string_view brand) const {
  if (query_.empty()) return 0;
  double boost = 0;
  if (starts_with_words(name, query_)) {
    boost += p_.exact_name_boost;
  } else if (name_has_every_word(name)) {
    boost += p_.name_contains_boost;
  }
  if (!brand.empty()) {
    // The whole brand, or its first word when that is distinctive
    // ("kottakkal" names "Kottakkal Arya Vaidya Sala"). Either way the
    // brand's first word is a query word: most products are ruled out there.
    std::string_view first = brand.substr(0, brand.find(' '));
    if (is_word(first) && (first.size() >= 4 || first.size() == brand.size() || has_words(query_, brand))) {
      boost += p_.brand_boost;
    }
  }
  return boost;
}

}  // namespace ayc::ranking
