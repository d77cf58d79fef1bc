#include "recsys/popularity.h"

#include <catch2/catch.hpp>

#include "tests/recsys/synthetic_data.h"

namespace ayc::recsys {
namespace {

using testing::DatasetBuilder;
using testing::contains;

constexpr std::int64_t kToday = 20000;

TEST_CASE("trending finds a recent spike and ignores one lucky sale") {
  DatasetBuilder b(4, kToday);
  const auto c = b.new_customer();
  // 0: one sale a month for a while, then 12 this week.
  for (int d = 8; d < 35; d += 7) b.order(c, kToday - d, {0});
  for (int n = 0; n < 12; ++n) b.order(c, kToday - n % 7, {0});
  // 1: a steady seller, 1 a day.
  for (int d = 0; d < 35; ++d) b.order(c, kToday - d, {1});
  // 2: a single sale this week, never before.
  b.order(c, kToday - 1, {2});
  // 3: a spike long ago is not a trend now.
  for (int n = 0; n < 20; ++n) b.order(c, kToday - 60, {3});
  const TrainingData t = prepare_training_data(b.data());
  const auto list = trending(t, {}, 10);
  REQUIRE(list.size() == 1);
  CHECK(list[0].item == 0);
  CHECK((list[0].score > 0 && list[0].score < 1));
}

TEST_CASE("trending caps a bulk order's units") {
  DatasetBuilder b(2, kToday);
  const auto c = b.new_customer();
  b.order(c, kToday - 1, {0}, 100.0f);  // one order of 100 units
  const TrainingData t = prepare_training_data(b.data());
  PopularityOptions o;
  o.min_recent_units = 6;  // above the 5-unit cap of one line
  CHECK(trending(t, o, 10).empty());
}

TEST_CASE("trending ignores orders after now and inactive products") {
  DatasetBuilder b(2, kToday);
  const auto c = b.new_customer();
  for (int n = 0; n < 10; ++n) b.order(c, kToday + 3, {0});
  for (int n = 0; n < 10; ++n) b.order(c, kToday, {1});
  b.item(1).active = false;
  const TrainingData t = prepare_training_data(b.data());
  CHECK(trending(t, {}, 10).empty());
}

TEST_CASE("best-sellers rank active products by decayed units, overall and per category") {
  DatasetBuilder b(5, kToday);
  const auto c = b.new_customer();
  for (int n = 0; n < 10; ++n) b.order(c, kToday - 1, {0});
  for (int n = 0; n < 10; ++n) b.order(c, kToday - 500, {1});  // sold as much, long ago
  for (int n = 0; n < 5; ++n) b.order(c, kToday - 1, {2});
  for (int n = 0; n < 50; ++n) b.order(c, kToday - 1, {3});
  b.item(3).active = false;
  b.data().category_count = 3;
  b.item(0).categories = {2};
  b.item(0).ancestor_categories = {0};
  b.item(2).categories = {0};
  const TrainingData t = prepare_training_data(b.data());
  const auto pop = item_popularity(t, {});
  const auto best = best_sellers(pop, b.data().items, 10);
  REQUIRE(best.size() == 3);
  CHECK(testing::items_of(best) == std::vector<std::uint32_t>{0, 2, 1});
  CHECK(best[0].score < 1);
  const ScoredLists cats = category_best_sellers(pop, b.data().items, 3, 10);
  REQUIRE(cats.size() == 3);
  CHECK(testing::items_of(cats[0]) == std::vector<std::uint32_t>{0, 2});  // 0 via its subcategory
  CHECK(cats[1].empty());
  CHECK(testing::items_of(cats[2]) == std::vector<std::uint32_t>{0});
}

TEST_CASE("trending per category lists the category's trending products, a sub-category's included") {
  DatasetBuilder b(4, kToday);
  const auto c = b.new_customer();
  for (int n = 0; n < 12; ++n) b.order(c, kToday - n % 7, {0});   // a spike this week
  for (int n = 0; n < 20; ++n) b.order(c, kToday - n % 7, {1});   // a bigger one
  for (int d = 0; d < 35; ++d) b.order(c, kToday - d, {2});       // steady: not trending
  b.data().category_count = 3;
  b.item(0).categories = {1};
  b.item(0).ancestor_categories = {0};
  b.item(1).categories = {2};
  b.item(2).categories = {1};
  const TrainingData t = prepare_training_data(b.data());
  const auto trends = trend_scores(t, {});
  REQUIRE(trends.size() == 4);
  CHECK(trends[1] > trends[0]);
  CHECK(trends[2] == 0);
  CHECK(trends[3] == 0);  // never sold
  CHECK(testing::items_of(trending(t, {}, 10)) == std::vector<std::uint32_t>{1, 0});
  const ScoredLists cats = category_best_sellers(trends, b.data().items, 3, 10);
  CHECK(testing::items_of(cats[0]) == std::vector<std::uint32_t>{0});  // through its sub-category
  CHECK(testing::items_of(cats[1]) == std::vector<std::uint32_t>{0});  // 2 sells, steadily
  CHECK(testing::items_of(cats[2]) == std::vector<std::uint32_t>{1});
}

}  // namespace
}  // namespace ayc::recsys
