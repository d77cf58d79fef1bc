#include "ranking/scoring.h"

#include <algorithm>
#include <string>
#include <vector>

namespace ayc::ranking {

namespace {
std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t start = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

bool starts_with_words(std::string_view text, std::string_view prefix) {
  if (prefix.empty() || text.size() < prefix.size()) return false;
  if (text.compare(0, prefix.size(), prefix) != 0) return false;
  return text.size() == prefix.size() || text[prefix.size()] == ' ';
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

double exact_match_boost(std::string_view query, std::string_view name, std::string_view brand,
                         const BlendParams& p) {
  if (query.empty()) return 0;
  double boost = 0;
  if (starts_with_words(name, query)) {
    boost += p.exact_name_boost;
  } else {
    auto qw = words(query);
    auto nw = words(name);
    bool all = !qw.empty();
    for (auto w : qw) all = all && std::find(nw.begin(), nw.end(), w) != nw.end();
    if (all) boost += p.name_contains_boost;
  }
  if (!brand.empty()) {
    std::string padded = " " + std::string(query) + " ";
    if (padded.find(" " + std::string(brand) + " ") != std::string::npos) {
      boost += p.brand_boost;
    } else {
      auto bw = words(brand);  // "kottakkal" names "Kottakkal Arya Vaidya Sala"
      if (!bw.empty() && bw[0].size() >= 4 && padded.find(" " + std::string(bw[0]) + " ") != std::string::npos) {
        boost += p.brand_boost;
      }
    }
  }
  return boost;
}

double final_score(double bm25, double prior, double exact_boost, const BlendParams& p) {
  return bm25 + p.prior_weight * prior + exact_boost;
}

}  // namespace ayc::ranking
