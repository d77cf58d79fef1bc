#include "recsys/similar.h"

#include <algorithm>
#include <cmath>
#include <random>

#include <catch2/catch.hpp>

#include "recsys/formulation.h"
#include "recsys/ingredient_kb.h"
#include "tests/recsys/synthetic_data.h"

namespace ayc::recsys {
namespace {

using testing::contains;
using testing::items_of;
using testing::rank_of;

ItemContent product(std::vector<std::uint32_t> ingredients, std::string form = "tablet",
                    std::vector<std::string> indications = {}) {
  ItemContent it;
  it.ingredients = std::move(ingredients);
  it.form = std::move(form);
  it.indications = std::move(indications);
  return it;
}

ScoredLists run(const std::vector<ItemContent>& items, const SimilarOptions& o = {}, std::size_t k = 10) {
  return similar(items, {}, o, RunOptions{k, 1});
}

TEST_CASE("similar finds products sharing ingredients for a product nobody bought") {
  std::vector<ItemContent> items = {
      product({1, 2}),          // 0: the new product
      product({1, 2, 3}),       // 1: shares both ingredients
      product({1, 7}),          // 2: shares one
      product({8, 9}),          // 3: shares only the form
      product({1, 2}, "oil"),   // 4: the same formulation as an oil
      product({10}, "powder"),  // 5: nothing in common
  };
  const std::vector<float> popularity = {0, 4, 4, 4, 4, 4};  // everything sold but the new product
  const ScoredLists lists = similar(items, popularity, {}, RunOptions{10, 1});
  const auto s = lists[0];
  CHECK(items_of(s) == std::vector<std::uint32_t>{1, 2, 3, 4});  // its own formulation last
  for (const auto& e : s) CHECK((e.score > 0 && e.score < 1));

  SimilarOptions keep;
  keep.one_per_formulation = false;
  const ScoredLists raw_lists = run(items, keep);
  const auto raw = raw_lists[0];
  REQUIRE(raw.size() == 4);
  CHECK(raw[0].item == 4);  // by cosine alone, exactly its ingredients
  CHECK(raw[1].item == 1);
}

TEST_CASE("similar sees an ingredient named by a synonym once it is canonicalised") {
  const std::vector<KbIngredient> kb = {
      {"Ashwagandha", {"Asgandh", "Withania somnifera", "Indian ginseng"}},
      {"Brahmi", {"Bacopa monnieri", "Jalabrahmi"}},
  };
  IngredientResolver resolver(kb);
  auto content = [&](std::vector<std::string> names) {
    ItemContent it;
    for (const auto& n : names) it.ingredients.push_back(*resolver.resolve(n));
    return it;
  };
  const std::vector<ItemContent> items = {
      content({"Withania somnifera (root)"}),  // botanical name with a part
      content({"ASHWAGANDHA"}),
      content({"Bacopa monnieri"}),
      content({"Asgandh", "Jalabrahmi"}),
  };
  SimilarOptions keep;
  keep.one_per_formulation = false;
  const ScoredLists lists = run(items, keep);
  REQUIRE_FALSE(lists[0].empty());
  CHECK(lists[0][0].item == 1);
  CHECK(lists[0][0].score == Approx(0.9999f));  // identical content after canonicalisation
  CHECK(contains(lists[2], 3));
  CHECK_FALSE(contains(lists[0], 2));
}

TEST_CASE("similar matches normalised indications and weighs brand low") {
  std::vector<ItemContent> items(4);
  items[0].indications = {"Joint pain", "Stress"};
  items[1].indications = {"joint-pain"};
  items[2].brand = 7;
  items[0].brand = 7;
  items[3].indications = {"Stress"};
  items[3].brand = 7;
  const ScoredLists lists = run(items);
  const auto s = lists[0];
  REQUIRE(s.size() == 3);
  CHECK(s[0].item == 3);  // an indication and the brand
  CHECK(rank_of(s, 1) < rank_of(s, 2));  // an indication beats the brand alone
}

TEST_CASE("similar never recommends inactive products") {
  std::vector<ItemContent> items = {product({1}), product({1}), product({1})};
  items[1].active = false;
  const ScoredLists lists = run(items);
  CHECK(contains(lists[0], 2));
  CHECK_FALSE(contains(lists[0], 1));
  CHECK(lists[1].empty());
}

// Brute-force cosine top-k from the same vectors.
std::vector<Scored> exact_top(const Eigen::SparseMatrix<float, Eigen::RowMajor>& a, std::uint32_t row,
                              std::size_t k) {
  std::vector<Scored> out;
  const Eigen::SparseVector<float> x = a.row(row);
  for (std::uint32_t j = 0; j < a.rows(); ++j) {
    if (j == row) continue;
    const Eigen::SparseVector<float> y = a.row(j);
    const float s = x.dot(y);
    if (s > 0) out.push_back({j, std::min(s, kMaxScore)});
  }
  keep_top_k(out, k);
  return out;
}

std::vector<float> random_popularity(std::size_t n, std::uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<float> pop(n);
  for (auto& p : pop) p = rng() % 3 == 0 ? 0.0f : static_cast<float>(rng() % 1000) / 10.0f;
  return pop;
}

std::vector<ItemContent> random_catalogue(std::size_t n, std::uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<ItemContent> items(n);
  const char* forms[] = {"tablet", "powder", "oil", "syrup"};
  for (auto& it : items) {
    const int ings = 1 + static_cast<int>(rng() % 4);
    for (int i = 0; i < ings; ++i) it.ingredients.push_back(rng() % 40);
    std::sort(it.ingredients.begin(), it.ingredients.end());
    it.ingredients.erase(std::unique(it.ingredients.begin(), it.ingredients.end()), it.ingredients.end());
    it.form = forms[rng() % 4];
    it.categories.push_back(rng() % 6);
    it.brand = rng() % 5;
  }
  return items;
}

TEST_CASE("similar equals brute force when the budget covers every posting list") {
  const auto items = random_catalogue(300, 7);
  SimilarOptions o;
  o.candidate_budget = 1000000;
  o.one_per_formulation = false;
  const ScoredLists lists = run(items, o, 8);
  const auto a = content_vectors(items, o);
  for (std::uint32_t row = 0; row < items.size(); row += 17) {
    const auto want = exact_top(a, row, 8);
    const auto got = lists[row];
    REQUIRE(got.size() == want.size());
    for (std::size_t r = 0; r < got.size(); ++r) CHECK(got[r].score == Approx(want[r].score).epsilon(1e-4));
  }
}

TEST_CASE("similar with a small budget still returns exact scores for every product") {
  const auto items = random_catalogue(300, 11);
  const auto popularity = random_popularity(items.size(), 5);
  SimilarOptions o;
  o.candidate_budget = 40;  // smaller than the form and brand posting lists
  o.one_per_formulation = false;
  const ScoredLists lists = similar(items, popularity, o, RunOptions{8, 1});
  const auto a = content_vectors(items, o);
  const auto prior = popularity_prior(popularity, items.size(), o.popularity_weight);
  for (std::uint32_t row = 0; row < items.size(); ++row) {
    const auto got = lists[row];
    REQUIRE(got.size() == 8);
    const Eigen::SparseVector<float> x = a.row(row);
    for (const auto& s : got) {
      const Eigen::SparseVector<float> y = a.row(s.item);
      CHECK(s.score == Approx(std::min(x.dot(y) * prior[s.item], kMaxScore)).epsilon(1e-4));
    }
  }
}

TEST_CASE("similar gives the same lists on one thread and on several") {
  const auto items = random_catalogue(2000, 3);
  const auto popularity = random_popularity(items.size(), 9);
  SimilarOptions o;
  o.candidate_budget = 200;
  const ScoredLists one = similar(items, popularity, o, RunOptions{10, 1});
  const ScoredLists four = similar(items, popularity, o, RunOptions{10, 4});
  REQUIRE(one.size() == four.size());
  for (std::size_t i = 0; i < one.size(); ++i)
    CHECK(std::equal(one[i].begin(), one[i].end(), four[i].begin(), four[i].end()));
}

TEST_CASE("similar shows each formulation once and the query's own formulation only last") {
  std::vector<ItemContent> items = {
      product({1, 2}, "tablet", {"joint pain"}),  // 0: the query, brand 0
      product({1, 2}, "tablet", {"joint pain"}),  // 1: the same formulation, a best-seller of another brand
      product({2, 1, 2}, "oil", {"joint pain"}),  // 2: the same ingredients in another form and order
      product({1, 3}, "oil", {"joint pain"}),     // 3-5: formulation B from three brands
      product({1, 3}, "oil", {"joint pain"}),
      product({1, 3}, "oil", {"joint pain"}),
      product({2, 4}, "powder", {"joint pain"}),  // 6: formulation C
  };
  for (std::uint32_t n = 0; n < items.size(); ++n) items[n].brand = n;
  const std::vector<float> popularity = {3, 50, 1, 2, 9, 4, 1};
  const ScoredLists lists = similar(items, popularity, {}, RunOptions{10, 1});
  const auto s = lists[0];
  REQUIRE(s.size() == 6);
  // B by its best-selling listing, C, then everything demoted, by score.
  const std::vector<std::uint32_t> head = {s[0].item, s[1].item};
  CHECK(std::is_permutation(head.begin(), head.end(), std::vector<std::uint32_t>{4, 6}.begin()));
  for (std::size_t r = 2; r < s.size(); ++r) CHECK((s[r].item != 4 && s[r].item != 6));
  CHECK(s[1].score > s[2].score);
  for (std::size_t r = 1; r < s.size(); ++r) CHECK(s[r - 1].score >= s[r].score);

  // A short list is topped up with the demoted products rather than left short.
  const ScoredLists short_lists = similar(items, popularity, {}, RunOptions{2, 1});
  const auto two = short_lists[0];
  CHECK(items_of(two) == head);
}

TEST_CASE("the best-seller prior orders equally close products and stays mild") {
  std::vector<ItemContent> items = {
      product({1, 9}, "tablet", {"joint pain"}),  // 0: the query
      product({2}, "oil", {"joint pain"}),        // 1: never sold
      product({3}, "oil", {"joint pain"}),        // 2: a best-seller, otherwise just like 1
      product({1, 9}, "syrup", {"joint pain"}),   // 3: far closer, never sold (its own formulation)
      product({1, 9, 5}, "syrup", {"joint pain"}),  // 4: far closer, never sold
      product({6}, "tablet"),                     // 5: only the form, the top best-seller
  };
  const std::vector<float> popularity = {0, 0, 100, 0, 0, 1000};
  const ScoredLists lists = similar(items, popularity, {}, RunOptions{10, 1});
  const auto s = lists[0];
  CHECK(rank_of(s, 2) < rank_of(s, 1));
  CHECK(rank_of(s, 4) == 0);
  CHECK(rank_of(s, 1) < rank_of(s, 5));  // an indication in common beats best-selling alone

  const auto a = content_vectors(items, {});
  const Eigen::SparseVector<float> x = a.row(0);
  const Eigen::SparseVector<float> y = a.row(1);
  CHECK(s[rank_of(s, 1)].score == Approx(x.dot(y) / 2));  // nobody bought it: half its cosine

  const auto prior = popularity_prior(popularity, items.size(), 1.0f);
  CHECK(prior[5] == Approx(1.0f));
  CHECK(prior[0] == Approx(0.5f));
  CHECK((prior[2] > 0.5f && prior[2] < 1.0f));
  CHECK(popularity_prior({}, 3, 1.0f) == std::vector<float>(3, 1.0f));
  CHECK(popularity_prior(popularity, items.size(), 0.0f) == std::vector<float>(items.size(), 1.0f));
}

// Brute force with the same rules: exact cosine times the prior, each
// formulation once, the query's formulation and repeats after the rest.
std::vector<std::uint32_t> exact_diversified(const std::vector<ItemContent>& items, std::span<const float> popularity,
                                             std::uint32_t row, std::size_t k) {
  const SimilarOptions o;
  const auto a = content_vectors(items, o);
  const auto prior = popularity_prior(popularity, items.size(), o.popularity_weight);
  const auto group = formulation_groups(items);
  std::vector<Scored> all;
  const Eigen::SparseVector<float> x = a.row(row);
  for (std::uint32_t j = 0; j < items.size(); ++j) {
    const Eigen::SparseVector<float> y = a.row(j);
    const float s = x.dot(y) * prior[j];
    if (j != row && items[j].active && s > 0) all.push_back({j, s});
  }
  std::sort(all.begin(), all.end(), better);
  std::vector<std::uint32_t> head, tail, seen = {group[row]};
  for (const auto& s : all) {
    const bool repeat = std::find(seen.begin(), seen.end(), group[s.item]) != seen.end();
    (repeat ? tail : head).push_back(s.item);
    seen.push_back(group[s.item]);
  }
  head.insert(head.end(), tail.begin(), tail.end());
  if (head.size() > k) head.resize(k);
  return head;
}

TEST_CASE("similar lists equal brute force with formulations and the prior") {
  const auto items = random_catalogue(300, 5);
  const auto popularity = random_popularity(items.size(), 6);
  SimilarOptions o;
  o.candidate_budget = 1000000;
  const ScoredLists lists = similar(items, popularity, o, RunOptions{12, 1});
  for (std::uint32_t row = 0; row < items.size(); row += 7) CHECK(items_of(lists[row]) == exact_diversified(items, popularity, row, 12));
}

TEST_CASE("similar with a small budget still puts distinct formulations first") {
  const auto items = random_catalogue(400, 13);
  const auto group = formulation_groups(items);
  const ScoredLists lists = similar(items, random_popularity(items.size(), 14), {}, RunOptions{20, 1});
  for (std::uint32_t row = 0; row < items.size(); ++row) {
    std::vector<std::uint32_t> seen = {group[row]};
    bool in_tail = false;
    for (const auto& s : lists[row]) {
      const bool repeat = std::find(seen.begin(), seen.end(), group[s.item]) != seen.end();
      CHECK((repeat || !in_tail));  // no new formulation after the first repeat
      in_tail = in_tail || repeat;
      seen.push_back(group[s.item]);
    }
  }
}

}  // namespace
}  // namespace ayc::recsys
