#include "recsys/similar.h"

#include <cmath>
#include <random>

#include <catch2/catch.hpp>

#include "recsys/ingredient_kb.h"
#include "tests/recsys/synthetic_data.h"

namespace ayc::recsys {
namespace {

using testing::contains;
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
      product({1, 2}, "oil"),   // 4: same ingredients, other form
      product({10}, "powder"),  // 5: nothing in common
  };
  const ScoredLists lists = run(items);
  const auto s = lists[0];
  REQUIRE(s.size() >= 3);
  CHECK(s[0].item == 4);  // exactly its ingredients
  CHECK(s[1].item == 1);
  CHECK(rank_of(s, 2) < rank_of(s, 3));
  CHECK_FALSE(contains(s, 0));
  CHECK_FALSE(contains(s, 5));
  for (const auto& e : s) CHECK((e.score > 0 && e.score < 1));
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
  const ScoredLists lists = run(items);
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
  const ScoredLists lists = run(items, o, 8);
  const auto a = content_vectors(items, o);
  for (std::uint32_t row = 0; row < items.size(); row += 17) {
    const auto want = exact_top(a, row, 8);
    const auto got = lists[row];
    REQUIRE(got.size() == want.size());
    for (std::size_t r = 0; r < got.size(); ++r) CHECK(got[r].score == Approx(want[r].score).epsilon(1e-4));
  }
}

TEST_CASE("similar with a small budget still returns exact cosines for every product") {
  const auto items = random_catalogue(300, 11);
  SimilarOptions o;
  o.candidate_budget = 40;  // smaller than the form and brand posting lists
  const ScoredLists lists = run(items, o, 8);
  const auto a = content_vectors(items, o);
  for (std::uint32_t row = 0; row < items.size(); ++row) {
    const auto got = lists[row];
    REQUIRE(got.size() == 8);
    const Eigen::SparseVector<float> x = a.row(row);
    for (const auto& s : got) {
      const Eigen::SparseVector<float> y = a.row(s.item);
      CHECK(s.score == Approx(std::min(x.dot(y), kMaxScore)).epsilon(1e-4));
    }
  }
}

TEST_CASE("similar gives the same lists on one thread and on several") {
  const auto items = random_catalogue(2000, 3);
  SimilarOptions o;
  o.candidate_budget = 200;
  const ScoredLists one = similar(items, {}, o, RunOptions{10, 1});
  const ScoredLists four = similar(items, {}, o, RunOptions{10, 4});
  REQUIRE(one.size() == four.size());
  for (std::size_t i = 0; i < one.size(); ++i)
    CHECK(std::equal(one[i].begin(), one[i].end(), four[i].begin(), four[i].end()));
}

}  // namespace
}  // namespace ayc::recsys
