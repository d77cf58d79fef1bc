// The search ranking function, in one place, as pure code.
//
// A hit's final score is
//
//     score = bm25 + prior_weight * prior + exact_match_boost
//
// where bm25 is the BM25 of bm25.h over the weighted fields (see
// index/index_schema.h for field weights; each concept the product's name
// holds adds bm25.h's name_bonus), `prior` in [0, 1] is the
// product's business prior computed at index time from its signals, and the
// exact-match boost lifts products whose name or brand the shopper typed
// ("kottakkal", "mahanarayan oil"). Filters never enter the score.
//
//     prior = w_pop * pop / (pop + pop_half)                 saturating popularity
//           + w_rating * (bayes_rating - 1) / 4              rating shrunk to a prior mean
//           + w_stock * in_stock
//     bayes_rating = (rating * n + prior_mean * prior_n) / (n + prior_n)
//
// Thread-safety: pure functions over values.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ayc::ranking {

struct BusinessSignals {
  double popularity = 0;   // time-decayed units sold
  double rating = 0;       // average approved rating, 0..5
  int review_count = 0;
  bool in_stock = false;
};

struct PriorParams {
  double popularity_weight = 0.45;
  double rating_weight = 0.35;
  double stock_weight = 0.20;
  double popularity_half = 10.0;  // decayed units at which the popularity term is half its weight
  double rating_prior_mean = 3.5;
  double rating_prior_count = 5.0;
};

// In [0, 1].
double business_prior(const BusinessSignals& s, const PriorParams& p = {});

struct BlendParams {
  double prior_weight = 1.5;        // BM25 units one full prior is worth
  double exact_name_boost = 6.0;    // the query is the product name, or its start
  double name_contains_boost = 2.0; // every query word is in the name
  double brand_boost = 3.0;         // the query names the product's brand
};

// The exact-match boost of one query, for the many products a search
// reranks: the query is split once and each product checked without
// allocating. Inputs are ayc::text::normalize()d strings (single spaces).
class ExactMatch {
 public:
  explicit ExactMatch(std::string_view query, const BlendParams& p = {});
  ExactMatch(const ExactMatch&) = delete;  // words_ point into query_
  ExactMatch& operator=(const ExactMatch&) = delete;
  double boost(std::string_view name, std::string_view brand) const;

 private:
  bool is_word(std::string_view token) const;                // one of the query's words
  bool name_has_every_word(std::string_view name) const;     // every query word is a word of `name`

  std::string query_;
  std::vector<std::string_view> words_;  // into query_
  BlendParams p_;
};

inline double exact_match_boost(std::string_view query, std::string_view name, std::string_view brand,
                                const BlendParams& p = {}) {
  return ExactMatch(query, p).boost(name, brand);
}

// Inline: a search computes it for every match.
inline double final_score(double bm25, double prior, double exact_boost, const BlendParams& p = {}) {
  return bm25 + p.prior_weight * prior + exact_boost;
}

}  // namespace ayc::ranking
