#include "recsys/related.h"

#include <catch2/catch.hpp>

#include "tests/recsys/synthetic_data.h"

namespace ayc::recsys {
namespace {

using testing::contains;
using testing::items_of;

TEST_CASE("related puts a product that is both bought with and similar to the source first") {
  std::vector<ItemContent> items(6);
  const ScoredLists bt({{{1, 0.5f}, {2, 0.4f}}, {}, {}, {}, {}, {}});
  const ScoredLists sim({{{3, 0.9f}, {2, 0.6f}, {0, 0.5f}}, {}, {}, {}, {}, {}});
  const ScoredLists cats;
  const ScoredLists lists = related(items, {bt, sim, cats}, {}, RunOptions{10, 1});
  const auto r = lists[0];
  // 2: 0.6/3 + 0.4/3 (ranks 1 and 1) > 1: 0.6/2 > 3: 0.4/2.
  CHECK(items_of(r) == std::vector<std::uint32_t>{2, 1, 3});
  for (const auto& s : r) CHECK((s.score > 0 && s.score < 1));
  CHECK_FALSE(contains(r, 0));
}

TEST_CASE("related interleaves complements and substitutes by rank, not by raw score") {
  std::vector<ItemContent> items(12);
  // Bought-together scores fall off fast; similar ones are flat near 1.
  const ScoredLists bt({{{1, 0.3f}, {2, 0.02f}, {3, 0.01f}}});
  const ScoredLists sim({{{7, 0.99f}, {8, 0.99f}, {9, 0.98f}}});
  RelatedOptions even;
  even.bought_together_weight = 0.5f;
  even.similar_weight = 0.5f;
  const ScoredLists lists = related(items, {bt, sim, ScoredLists{}}, even, RunOptions{6, 1});
  CHECK(items_of(lists[0]) == std::vector<std::uint32_t>{1, 7, 2, 8, 3, 9});
  // By default complements lead: 0.6/(1+r+1) against 0.4/(1+r+1).
  const ScoredLists def = related(items, {bt, sim, ScoredLists{}}, {}, RunOptions{6, 1});
  CHECK(def[0][0].item == 1);
  CHECK(testing::rank_of(def[0], 3) < testing::rank_of(def[0], 9));
}

TEST_CASE("related tops a short list up with the category's best-sellers") {
  std::vector<ItemContent> items(6);
  items[0].categories = {1};
  items[5].active = false;
  const ScoredLists bt(std::vector<std::vector<Scored>>(6));
  const ScoredLists sim({{{3, 0.9f}}, {}, {}, {}, {}, {}});
  const ScoredLists cats({{}, {{0, 0.9f}, {4, 0.8f}, {3, 0.7f}, {2, 0.5f}}});
  const ScoredLists lists = related(items, {bt, sim, cats}, {}, RunOptions{3, 1});
  const auto r = lists[0];
  CHECK(items_of(r) == std::vector<std::uint32_t>{3, 4, 2});
  CHECK(r[0].score > r[1].score);
  CHECK(r[1].score > r[2].score);
  RelatedOptions off;
  off.fill_with_category_best_sellers = false;
  CHECK(related(items, {bt, sim, cats}, off, RunOptions{3, 1})[0].size() == 1);
}

}  // namespace
}  // namespace ayc::recsys
