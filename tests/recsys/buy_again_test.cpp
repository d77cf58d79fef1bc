#include "recsys/buy_again.h"

#include <catch2/catch.hpp>

#include "tests/recsys/synthetic_data.h"

namespace ayc::recsys {
namespace {

using testing::DatasetBuilder;
using testing::contains;
using testing::items_of;

constexpr std::int64_t kToday = 20000;

ScoredLists run(const Dataset& d, const BuyAgainOptions& o = {}) {
  return buy_again(prepare_training_data(d), o, {50, 1});
}

TEST_CASE("repurchase data: a customer's own interval and a product's typical one are median gaps") {
  DatasetBuilder b(3, kToday);
  const auto a = b.new_customer();
  for (int day : {0, 10, 40, 50}) b.order(a, kToday - 100 + day, {0});  // gaps 10, 30, 10
  b.order(a, kToday - 100, {0});  // the same day twice counts once
  const auto c = b.new_customer();
  b.order(c, kToday - 90, {0, 1});
  b.order(c, kToday - 30, {0});  // gap 60
  const RepurchaseData r = build_repurchase_data(b.data().lines, b.data().customer_count, 3);
  REQUIRE(r.histories.of(a).size() == 1);
  CHECK(r.histories.of(a)[0].days == 4);
  CHECK(r.histories.of(a)[0].last_day == kToday - 50);
  CHECK(r.histories.of(a)[0].own_interval_days == 10.0f);
  REQUIRE(r.histories.of(c).size() == 2);
  CHECK(r.histories.of(c)[1].days == 1);
  CHECK(r.histories.of(c)[1].own_interval_days == 0.0f);
  CHECK(r.products[0].typical_interval_days == 20.0f);  // gaps 10, 10, 30, 60
  CHECK(r.products[0].customers == 2);
  CHECK(r.products[0].repeat_customers == 2);
  CHECK(r.products[1].typical_interval_days == 0.0f);
  CHECK(r.products[2].customers == 0);
}

TEST_CASE("buy_again lists products bought twice, and once only when people repurchase them") {
  DatasetBuilder b(4, kToday);
  // Product 0 is a staple: four customers refill it every 30 days.
  for (int n = 0; n < 4; ++n) {
    const auto c = b.new_customer();
    b.order(c, kToday - 70, {0});
    b.order(c, kToday - 40, {0});
  }
  const auto u = b.new_customer();
  b.order(u, kToday - 25, {0, 1, 2});  // 0 once (a staple), 1 once (nobody repurchases it)
  b.order(u, kToday - 10, {2});        // 2 twice
  b.order(u, kToday - 400, {3});       // 3 once, long ago
  const ScoredLists lists = run(b.data());
  const auto mine = lists[u];
  CHECK(contains(mine, 0));
  CHECK(contains(mine, 2));
  CHECK_FALSE(contains(mine, 1));
  CHECK_FALSE(contains(mine, 3));
  BuyAgainOptions strict;
  strict.min_repeat_customers = 5;  // four repeat customers are not enough now
  CHECK_FALSE(contains(run(b.data(), strict)[u], 0));
}

TEST_CASE("buy_again ranks by how due a product is against the customer's own rhythm") {
  DatasetBuilder b(5, kToday);
  const auto u = b.new_customer();
  // Item 0 every 30 days, last 30 days ago: due today.
  for (int d : {90, 60, 30}) b.order(u, kToday - d, {0});
  // Item 1 every 30 days, last 10 days ago: a third of the way.
  for (int d : {70, 40, 10}) b.order(u, kToday - d, {1});
  // Item 2 every 60 days, last 50 days ago: nearly due.
  for (int d : {170, 110, 50}) b.order(u, kToday - d, {2});
  // Item 3 every 30 days, last 75 days ago: overdue by 1.5 intervals, fading.
  for (int d : {135, 105, 75}) b.order(u, kToday - d, {3});
  // Item 4 every 20 days, last 200 days ago: given up (10 intervals).
  for (int d : {240, 220, 200}) b.order(u, kToday - d, {4});
  const ScoredLists lists = run(b.data());
  const auto mine = lists[u];
  CHECK(items_of(mine) == std::vector<std::uint32_t>{0, 2, 3, 1});
  for (const auto& s : mine) CHECK((s.score > 0 && s.score < 1));
  BuyAgainOptions patient;
  patient.max_overdue = 20;
  CHECK(contains(run(b.data(), patient)[u], 4));
}

TEST_CASE("buy_again: the customer's own rhythm outranks another customer's guess at the same dueness") {
  DatasetBuilder b(2, kToday);
  for (int n = 0; n < 3; ++n) {  // product 1: others refill it every 40 days
    const auto c = b.new_customer();
    b.order(c, kToday - 300, {1});
    b.order(c, kToday - 260, {1});
  }
  const auto u = b.new_customer();
  for (int d : {80, 40}) b.order(u, kToday - d, {0});  // own interval 40, due
  b.order(u, kToday - 40, {1});                         // once, typical interval 40, due
  const ScoredLists lists = run(b.data());
  const auto mine = lists[u];
  CHECK(items_of(mine) == std::vector<std::uint32_t>{0, 1});
  CHECK(mine[0].score > mine[1].score);
}

TEST_CASE("buy_again is capped, skips inactive products and is empty without purchases") {
  DatasetBuilder b(30, kToday);
  const auto u = b.new_customer();
  for (std::uint32_t i = 0; i < 30; ++i) {
    b.order(u, kToday - 60 - i, {i});
    b.order(u, kToday - 30 - i, {i});
  }
  b.item(7).active = false;
  const auto silent = b.new_customer();
  const ScoredLists lists = run(b.data());
  CHECK(lists.size() == b.data().customer_count);
  CHECK(lists[u].size() == BuyAgainOptions{}.max_items);
  CHECK_FALSE(contains(lists[u], 7));
  CHECK(lists[silent].empty());
  BuyAgainOptions five;
  five.max_items = 5;
  // The five most due: the ones bought longest ago (29, 28, ... all on a 30-day rhythm).
  CHECK(items_of(run(b.data(), five)[u]) == std::vector<std::uint32_t>{0, 1, 2, 3, 4});
}

}  // namespace
}  // namespace ayc::recsys
