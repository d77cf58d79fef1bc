#include "recsys/for_you.h"

#include <catch2/catch.hpp>

#include "recsys/bought_together.h"
#include "recsys/popularity.h"
#include "tests/recsys/synthetic_data.h"

namespace ayc::recsys {
namespace {

using testing::DatasetBuilder;
using testing::contains;

constexpr std::int64_t kToday = 20000;

// 200 customers: kits {0,1,2}, {3,4,5}, {6,7,8} bought together; item 9 by everyone.
DatasetBuilder kits() {
  DatasetBuilder b(12, kToday);
  for (std::uint32_t c = 0; c < 200; ++c) {
    const std::uint32_t kit = 3 * (c % 3);
    b.order(c, kToday - 100 - c % 50, {kit, kit + 1, kit + 2, 9});
  }
  return b;
}

ScoredLists run(const Dataset& d, const ForYouOptions& o, std::size_t k = 5) {
  const TrainingData t = prepare_training_data(d);
  const RunOptions run{k, 1};
  const ScoredLists bt = bought_together(t, {}, run);
  const auto popularity = item_popularity(t, {});
  const auto best = best_sellers(popularity, d.items, 2 * k);  // as compute_models passes them
  return for_you(t, {&bt, best, popularity}, o, run);
}

TEST_CASE("for_you with EASE recommends the rest of a customer's kit") {
  DatasetBuilder b = kits();
  const auto u = b.new_customer();
  b.order(u, kToday - 90, {3});
  ForYouOptions o;
  o.method = ForYouMethod::kEase;
  o.ease.lambda = 10;
  const ScoredLists lists = run(b.data(), o);
  const auto mine = lists[u];
  REQUIRE(mine.size() >= 2);
  CHECK(((mine[0].item == 4 && mine[1].item == 5) || (mine[0].item == 5 && mine[1].item == 4)));
  for (const auto& s : mine) CHECK((s.score > 0 && s.score < 1));
}

TEST_CASE("for_you's popularity prior lifts best-sellers") {
  DatasetBuilder b = kits();
  const auto u = b.new_customer();
  b.order(u, kToday - 90, {3});
  ForYouOptions o;
  o.method = ForYouMethod::kEase;
  o.ease.lambda = 10;
  o.popularity_weight = 10;
  const ScoredLists lists = run(b.data(), o);
  REQUIRE_FALSE(lists[u].empty());
  CHECK(lists[u][0].item == 9);
}

TEST_CASE("for_you never recommends what the customer bought, however long ago") {
  DatasetBuilder b = kits();
  const auto u = b.new_customer();
  b.order(u, kToday - 5, {3, 4});
  b.order(u, kToday - 300, {9});  // a refill is buy_again's business
  for (ForYouMethod m : {ForYouMethod::kEase, ForYouMethod::kItemKnn}) {
    ForYouOptions o;
    o.method = m;
    const ScoredLists lists = run(b.data(), o, 8);
    const auto mine = lists[u];
    REQUIRE(mine.size() == 7);  // topped up with every other product sold, not with them
    CHECK(mine[0].item == 5);
    CHECK_FALSE(contains(mine, 3));
    CHECK_FALSE(contains(mine, 4));
    CHECK_FALSE(contains(mine, 9));
  }
}

TEST_CASE("for_you is empty for a customer without purchases and filled for everyone else") {
  DatasetBuilder b = kits();
  const auto silent = b.new_customer();
  const ScoredLists lists = run(b.data(), ForYouOptions{});
  CHECK(lists.size() == b.data().customer_count);
  CHECK(lists[silent].empty());
  CHECK(lists[0].size() == 5);  // topped up to k with item k-NN and best-sellers
}

TEST_CASE("for_you falls back to item k-NN when there is too little data for EASE") {
  DatasetBuilder b(6, kToday);
  for (std::uint32_t c = 0; c < 4; ++c) b.order(c, kToday - 30, {0, 1});
  b.order(4, kToday - 30, {2, 3});
  const auto u = b.new_customer();
  b.order(u, kToday - 100, {0});
  ForYouOptions o;  // kAuto: 6 customers, 4 products are below the EASE minimums
  const ScoredLists lists = run(b.data(), o);
  const auto mine = lists[u];
  REQUIRE_FALSE(mine.empty());
  CHECK(mine[0].item == 1);
}

TEST_CASE("for_you never recommends inactive products") {
  DatasetBuilder b = kits();
  b.item(4).active = false;
  const auto u = b.new_customer();
  b.order(u, kToday - 90, {3});
  const ScoredLists lists = run(b.data(), ForYouOptions{}, 10);
  for (std::size_t c = 0; c < lists.size(); ++c) CHECK_FALSE(contains(lists[c], 4));
}

}  // namespace
}  // namespace ayc::recsys
