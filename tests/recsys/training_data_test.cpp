#include "recsys/training_data.h"

#include <catch2/catch.hpp>

#include "tests/recsys/synthetic_data.h"

namespace ayc::recsys {
namespace {

using testing::DatasetBuilder;

TEST_CASE("decay halves every half-life") {
  CHECK(decay_weight(0, 90) == 1.0f);
  CHECK(decay_weight(90, 90) == Approx(0.5f));
  CHECK(decay_weight(180, 90) == Approx(0.25f));
  CHECK(decay_weight(-5, 90) == 1.0f);
  CHECK(decay_weight(1000, 0) == 1.0f);
}

TEST_CASE("baskets hold each order's distinct products") {
  DatasetBuilder b(5, 100);
  b.order(0, 90, {3, 1, 3});
  b.order(kNone, 95, {2});
  const Baskets baskets = build_baskets(b.data().lines);
  REQUIRE(baskets.size() == 2);
  CHECK(std::vector<std::uint32_t>(baskets.items_of(0).begin(), baskets.items_of(0).end()) ==
        std::vector<std::uint32_t>{1, 3});
  CHECK(baskets.customer[1] == kNone);
  CHECK(baskets.day[1] == 95);
}

TEST_CASE("histories sum decayed purchases per product and keep the last day") {
  DatasetBuilder b(5, 100);
  b.order(0, 10, {2});
  b.order(0, 100, {2, 4});
  b.order(kNone, 100, {1});
  const Histories h = build_histories(b.data().lines, {1, 100, 90});
  const auto mine = h.of(0);
  REQUIRE(mine.size() == 2);
  CHECK(mine[0].item == 2);
  CHECK(mine[0].weight == Approx(1.0f + 0.5f));
  CHECK(mine[0].last_day == 100);
  CHECK(mine[1].item == 4);
}

TEST_CASE("decay is anchored at the newest purchase when now is later") {
  DatasetBuilder b(2, 5000);
  b.order(0, 1000, {0});
  b.order(0, 1200, {1});
  CHECK(prepare_training_data(b.data()).anchor_day == 1200);
  b.data().now_day = 1100;
  CHECK(prepare_training_data(b.data()).anchor_day == 1100);
}

}  // namespace
}  // namespace ayc::recsys
