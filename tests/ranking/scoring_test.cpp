#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "ranking/scoring.h"

namespace ayc::ranking {
namespace {

TEST_CASE("the business prior rises with popularity, rating and stock, within [0, 1]") {
  BusinessSignals base{0, 0, 0, false};
  double none = business_prior(base);
  CHECK(none >= 0);
  BusinessSignals popular = base;
  popular.popularity = 50;
  CHECK(business_prior(popular) > none);
  BusinessSignals stocked = base;
  stocked.in_stock = true;
  CHECK(business_prior(stocked) > none);
  BusinessSignals best{1e9, 5, 100000, true};
  CHECK(business_prior(best) <= 1.0);
  CHECK(business_prior(best) > 0.95);
}

TEST_CASE("a rating from few reviews counts for less than the same rating from many") {
  BusinessSignals one_review{0, 5, 1, true};
  BusinessSignals many_reviews{0, 5, 200, true};
  BusinessSignals bad_many{0, 1.5, 200, true};
  CHECK(business_prior(many_reviews) > business_prior(one_review));
  CHECK(business_prior(bad_many) < business_prior(one_review));
}

TEST_CASE("exact name and brand matches are boosted") {
  CHECK(exact_match_boost("mahanarayan oil", "mahanarayan oil 200 ml", "kottakkal arya vaidya sala") > 0);
  CHECK(exact_match_boost("oil mahanarayan", "mahanarayan oil 200 ml", "") > 0);
  CHECK(exact_match_boost("mahanarayan oil", "mahanarayan oil 200 ml", "") >
        exact_match_boost("oil mahanarayan", "mahanarayan oil 200 ml", ""));
  CHECK(exact_match_boost("kottakkal", "dhanwantharam thailam", "kottakkal arya vaidya sala") > 0);
  CHECK(exact_match_boost("dabur", "dhanwantharam thailam", "kottakkal arya vaidya sala") == 0);
  CHECK(exact_match_boost("", "anything", "any") == 0);
  CHECK(exact_match_boost("mahanarayan", "mahanarayanoil", "") == 0);  // word boundaries only
}

TEST_CASE("one ExactMatch scores many products as the one-off function does") {
  const ExactMatch exact("kottakkal mahanarayan oil");
  CHECK(exact.boost("mahanarayan oil 200 ml", "kottakkal arya vaidya sala") ==
        exact_match_boost("kottakkal mahanarayan oil", "mahanarayan oil 200 ml", "kottakkal arya vaidya sala"));
  BlendParams p;
  // Every word in the name (not its start) plus the brand's distinctive first word.
  CHECK(exact.boost("kottakkal mahanarayan oil", "") == Approx(p.exact_name_boost));
  CHECK(exact.boost("oil of mahanarayan by kottakkal", "kottakkal arya vaidya sala") ==
        Approx(p.name_contains_boost + p.brand_boost));
  CHECK(exact.boost("mahanarayan oil", "dabur") == 0);  // "kottakkal" is not in the name
  CHECK(ExactMatch("himalaya neem").boost("neem face wash", "himalaya") == Approx(p.brand_boost));
  CHECK(ExactMatch("sri sri tattva").boost("brahmi vati", "sri sri tattva") == Approx(p.brand_boost));
  CHECK(ExactMatch("sri").boost("brahmi vati", "sri sri tattva") == 0);  // first word too short to name it
  CHECK(ExactMatch("oil").boost("oils", "") == 0);
  CHECK(ExactMatch("").boost("anything", "any") == 0);
}

// The boost's definition, written plainly (substring searches).
double plain_boost(const std::string& query, const std::string& name, const std::string& brand) {
  BlendParams p;
  auto has = [](const std::string& text, const std::string& phrase) {
    if (phrase.empty()) return false;
    for (auto pos = text.find(phrase); pos != std::string::npos; pos = text.find(phrase, pos + 1)) {
      auto end = pos + phrase.size();
      if ((pos == 0 || text[pos - 1] == ' ') && (end == text.size() || text[end] == ' ')) return true;
    }
    return false;
  };
  if (query.empty()) return 0;
  double boost = 0;
  std::vector<std::string> words;
  for (std::size_t i = 0; i < query.size();) {
    auto end = query.find(' ', i);
    if (end == std::string::npos) end = query.size();
    if (end > i) words.push_back(query.substr(i, end - i));
    i = end + 1;
  }
  const bool starts = name.size() >= query.size() && name.compare(0, query.size(), query) == 0 &&
                      (name.size() == query.size() || name[query.size()] == ' ');
  if (starts) {
    boost += p.exact_name_boost;
  } else if (!words.empty() && std::all_of(words.begin(), words.end(), [&](const std::string& w) { return has(name, w); })) {
    boost += p.name_contains_boost;
  }
  if (!brand.empty()) {
    std::string first = brand.substr(0, brand.find(' '));
    if (has(query, brand) || (first.size() >= 4 && has(query, first))) boost += p.brand_boost;
  }
  return boost;
}

TEST_CASE("ExactMatch agrees with the plain definition on every pairing") {
  const std::vector<std::string> queries = {"", "oil", "mahanarayan oil", "oil mahanarayan", "sri", "sri sri tattva",
                                            "kottakkal", "himalaya neem", "neem neem", "tattva sri", "a b c d",
                                            "mahanarayan oil 200 ml extra", "oils", "dabur chyawanprash"};
  const std::vector<std::string> names = {"", "oil", "oils", "mahanarayan oil 200 ml", "mahanarayanoil",
                                          "oil of mahanarayan by kottakkal", "neem face wash", "brahmi vati",
                                          "a b c d", "d c b a e", "dabur chyawanprash 1 kg", "sri sri tattva neem"};
  const std::vector<std::string> brands = {"", "dabur", "himalaya", "sri sri tattva", "kottakkal arya vaidya sala",
                                           "sri", "oil", "himalaya wellness"};
  for (const auto& q : queries) {
    const ExactMatch exact(q);
    for (const auto& n : names) {
      for (const auto& b : brands) {
        INFO("query '" << q << "', name '" << n << "', brand '" << b << "'");
        CHECK(exact.boost(n, b) == plain_boost(q, n, b));
      }
    }
  }
}

TEST_CASE("final score adds the weighted prior and the boost to BM25") {
  BlendParams p;
  CHECK(final_score(10, 0.5, 2, p) == Approx(10 + p.prior_weight * 0.5 + 2));
}

}  // namespace
}  // namespace ayc::ranking
