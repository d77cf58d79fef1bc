#include "recsys/bought_together.h"

#include <algorithm>
#include <cmath>
#include <random>

#include <catch2/catch.hpp>

#include "tests/recsys/synthetic_data.h"

namespace ayc::recsys {
namespace {

using testing::DatasetBuilder;
using testing::contains;
using testing::rank_of;

constexpr std::int64_t kToday = 20000;
constexpr std::uint32_t kA = 0, kB = 1, kC = 2, kBestSeller = 3;

// A regimen A+B+C always bought together; the best-seller shares even more
// orders with A than B does, but is in everyone's basket.
Dataset planted_regimen() {
  DatasetBuilder b(20, kToday);
  for (int n = 0; n < 20; ++n) {
    if (n < 15) {
      b.order(b.new_customer(), kToday - n, {kA, kB, kC, kBestSeller});
    } else {
      b.order(b.new_customer(), kToday - n, {kA, kB, kC});
    }
  }
  for (int n = 0; n < 10; ++n) b.order(b.new_customer(), kToday - n, {kA, kBestSeller});
  for (int n = 0; n < 270; ++n) {
    const std::uint32_t other = 4 + static_cast<std::uint32_t>(n % 16);
    b.order(b.new_customer(), kToday - n % 60, {kBestSeller, other});
  }
  return b.data();
}

ScoredLists run(const Dataset& d, const BoughtTogetherOptions& o = {}, std::size_t k = 10) {
  const TrainingData t = prepare_training_data(d);
  return bought_together(t, o, RunOptions{k, 1});
}

TEST_CASE("bought_together ranks a planted regimen's partners ahead of a best-seller") {
  const Dataset d = planted_regimen();
  const ScoredLists lists = run(d);
  const auto a = lists[kA];
  REQUIRE(a.size() >= 3);
  CHECK(a[0].item == kB);
  CHECK(a[1].item == kC);
  CHECK(rank_of(a, kBestSeller) == 2);
  CHECK_FALSE(contains(a, kA));
  for (const auto& s : a) {
    CHECK(s.score > 0);
    CHECK(s.score < 1);
  }
  // The co-purchase count alone would have put the best-seller first.
  const TrainingData t = prepare_training_data(d);
  const auto co = co_purchase_matrix(t, {});
  CHECK(co.coeff(kA, kBestSeller) > co.coeff(kA, kB));
}

TEST_CASE("bought_together never lists the product itself or inactive products") {
  Dataset d = planted_regimen();
  d.items[kC].active = false;
  const ScoredLists lists = run(d);
  for (std::size_t i = 0; i < lists.size(); ++i) {
    CHECK_FALSE(contains(lists[i], static_cast<std::uint32_t>(i)));
    CHECK_FALSE(contains(lists[i], kC));
  }
  CHECK(lists[kC].empty());  // an inactive product has no page to fill
}

TEST_CASE("bought_together weighs recent orders above old ones") {
  DatasetBuilder b(3, kToday);
  for (int n = 0; n < 5; ++n) b.order(b.new_customer(), kToday - 400, {0, 1});
  for (int n = 0; n < 5; ++n) b.order(b.new_customer(), kToday - 2, {0, 2});
  const ScoredLists lists = run(b.data());
  REQUIRE(lists[0].size() == 2);
  CHECK(lists[0][0].item == 2);
}

TEST_CASE("bought_together skips very long baskets") {
  DatasetBuilder b(60, kToday);
  std::vector<std::uint32_t> bulk;
  for (std::uint32_t i = 0; i < 40; ++i) bulk.push_back(i);
  b.order(b.new_customer(), kToday, bulk);
  BoughtTogetherOptions o;
  o.max_basket_items = 30;
  CHECK(run(b.data(), o)[0].empty());
  o.max_basket_items = 40;
  CHECK(run(b.data(), o)[0].size() == 10);
}

TEST_CASE("bought_together links a customer's orders a few days apart, not months apart") {
  DatasetBuilder b(4, kToday);
  const auto c = b.new_customer();
  b.order(c, kToday - 20, {0});
  b.order(c, kToday - 10, {1});
  b.order(c, kToday - 200, {2});
  b.order(c, kToday - 300, {3});
  const ScoredLists lists = run(b.data());
  CHECK(contains(lists[0], 1));
  CHECK(contains(lists[1], 0));
  CHECK_FALSE(contains(lists[2], 3));
  CHECK_FALSE(contains(lists[0], 2));
  BoughtTogetherOptions off;
  off.customer_window_days = 0;
  CHECK(run(b.data(), off)[0].empty());
}

// The lists as co_purchase_matrix() defines them, read off the whole matrix.
std::vector<std::vector<Scored>> lists_from_matrix(const TrainingData& t, const BoughtTogetherOptions& o,
                                                   std::size_t k) {
  const auto co = co_purchase_matrix(t, o);
  std::vector<std::vector<Scored>> out(t.items.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    const float ni = co.coeff(static_cast<int>(i), static_cast<int>(i));
    if (ni <= 0 || !t.items[i].active) continue;
    for (std::size_t j = 0; j < out.size(); ++j) {
      const float v = co.coeff(static_cast<int>(i), static_cast<int>(j));
      const float nj = co.coeff(static_cast<int>(j), static_cast<int>(j));
      if (j == i || !t.items[j].active || v <= 0) continue;
      out[i].push_back({static_cast<std::uint32_t>(j),
                        std::min(v / (std::sqrt(ni * nj) + static_cast<float>(o.shrinkage)), kMaxScore)});
    }
    keep_top_k(out[i], k);
  }
  return out;
}

TEST_CASE("bought_together's row-by-row sums are the co-purchase matrix's") {
  // Customers with several orders days apart (the window pairs), guests,
  // long baskets, equal days and inactive products.
  std::mt19937 rng(7);
  DatasetBuilder b(40, kToday);
  for (int c = 0; c < 60; ++c) {
    const auto customer = c % 10 == 9 ? kNone : b.new_customer();
    const int orders = 1 + static_cast<int>(rng() % 6);
    for (int n = 0; n < orders; ++n) {
      std::vector<std::uint32_t> basket;
      const std::size_t size = rng() % 9 == 0 ? 12 : 1 + rng() % 4;
      for (std::size_t i = 0; i < size; ++i) basket.push_back(static_cast<std::uint32_t>(rng() % 40));
      std::sort(basket.begin(), basket.end());
      basket.erase(std::unique(basket.begin(), basket.end()), basket.end());
      b.order(customer, kToday - static_cast<std::int64_t>(rng() % 50), basket);
    }
  }
  Dataset d = b.data();
  d.items[3].active = false;
  const TrainingData t = prepare_training_data(d);
  BoughtTogetherOptions o;
  o.max_basket_items = 10;
  o.max_window_orders = 2;
  const ScoredLists rows = bought_together(t, o, RunOptions{8, 2});
  const auto expected = lists_from_matrix(t, o, 8);
  REQUIRE(rows.size() == expected.size());
  std::size_t compared = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    REQUIRE(rows[i].size() == expected[i].size());
    for (std::size_t r = 0; r < rows[i].size(); ++r) {
      CHECK(rows[i][r].score == Approx(expected[i][r].score).epsilon(1e-4));
      // The same product in each place, unless its score ties a neighbour's (sums in another order).
      const bool tied = (r > 0 && expected[i][r - 1].score == Approx(expected[i][r].score).epsilon(1e-4)) ||
                        (r + 1 < rows[i].size() &&
                         expected[i][r + 1].score == Approx(expected[i][r].score).epsilon(1e-4));
      if (!tied) CHECK(rows[i][r].item == expected[i][r].item);
      ++compared;
    }
  }
  CHECK(compared > 100);
}

}  // namespace
}  // namespace ayc::recsys
