#include "data/datagen/orders.h"

#include <catch2/catch.hpp>

#include "data/datagen/reviews.h"
#include "tests/data/test_reference.h"

namespace ayc::datagen {
namespace {

using testing::test_reference;
using testing::test_window;

struct World {
  ReferenceData ref = test_reference();
  Catalog catalog = build_catalog(ref, 21, 1500, test_window());
  Customers customers = build_customers(catalog, 600, 2500);
  OrderPlanner planner{catalog, customers};
};

TEST_CASE("orders are shared out exactly, with some customers never ordering") {
  World w;
  std::uint64_t total = 0, none = 0, many = 0;
  for (const auto& s : w.customers.specs) {
    REQUIRE(s.first_order == total);
    total += s.orders;
    none += s.orders == 0 ? 1 : 0;
    many += s.orders >= 10 ? 1 : 0;
  }
  CHECK(total == 2500);
  CHECK(w.customers.total_orders == 2500);
  CHECK(none > 30);
  CHECK(many > 10);
}

TEST_CASE("planned orders are consistent, in the window and only for orderable products") {
  World w;
  std::vector<PlannedOrder> orders;
  const std::int64_t start = w.catalog.window.start_seconds(), end = w.catalog.window.end_seconds();
  for (std::uint32_t i = 0; i < w.customers.specs.size(); ++i) {
    w.planner.plan(i, orders);
    REQUIRE(orders.size() == w.customers.specs[i].orders);
    for (std::size_t k = 0; k < orders.size(); ++k) {
      const PlannedOrder& o = orders[k];
      REQUIRE(o.index == w.customers.specs[i].first_order + k);
      REQUIRE(o.ordered_at >= start);
      REQUIRE(o.ordered_at < end);
      REQUIRE(o.updated_at < end);
      REQUIRE(o.delivered_at < end);
      REQUIRE(!o.items.empty());
      REQUIRE(o.items.size() <= 10);
      std::int64_t subtotal = 0;
      for (const auto& it : o.items) {
        REQUIRE(it.total_cents == it.unit_cents * it.quantity);
        const std::int64_t day = (o.ordered_at - start) / kSecondsPerDay;  // UTC; planned in local time
        REQUIRE((w.catalog.orderable(it.product, day) || w.catalog.orderable(it.product, day + 1)));
        subtotal += it.total_cents;
      }
      REQUIRE(o.subtotal == subtotal);
      REQUIRE(o.total == o.subtotal + o.tax + o.shipping - o.discount);
      REQUIRE(o.discount <= o.subtotal);
      if (o.currency != "INR") REQUIRE(o.tax == 0);
      if (o.status == OrderStatus::kDelivered) REQUIRE(o.delivered_at > o.shipped_at);
      if (k > 0) REQUIRE(o.ordered_at >= orders[k - 1].ordered_at - kSecondsPerDay);
    }
  }
}

TEST_CASE("planning is a pure function of the customer") {
  World w;
  std::vector<PlannedOrder> a, b;
  for (std::uint32_t i = 0; i < 50; ++i) {
    w.planner.plan(i, a);
    w.planner.plan(i, b);
    REQUIRE(a.size() == b.size());
    for (std::size_t k = 0; k < a.size(); ++k) {
      REQUIRE(a[k].total == b[k].total);
      REQUIRE(a[k].items.size() == b[k].items.size());
      REQUIRE(a[k].ordered_at == b[k].ordered_at);
    }
  }
}

TEST_CASE("the tally counts every line and every delivered first purchase once") {
  World w;
  std::uint64_t seen = 0;
  OrderTally t = tally_orders(w.planner, [&](const PurchasedLine&) { ++seen; });
  CHECK(t.orders == 2500);
  CHECK(t.lines > 2500);
  CHECK(t.review_candidates == seen);
  std::int64_t sold = 0;
  for (auto q : t.sold) sold += q;
  CHECK(sold >= static_cast<std::int64_t>(t.lines));
}

TEST_CASE("ReviewPicker keeps exactly the wanted number, in order, deterministically") {
  auto pick = [](std::uint64_t wanted, std::uint64_t offered) {
    ReviewPicker picker(4, wanted);
    for (std::uint64_t i = 0; i < offered; ++i) picker.offer(PurchasedLine{i, 0, 0, 0, 0});
    return picker.take();
  };
  auto a = pick(100, 1000), b = pick(100, 1000);
  REQUIRE(a.size() == 100);
  for (std::size_t i = 0; i < a.size(); ++i) {
    REQUIRE(a[i].order == b[i].order);
    if (i > 0) REQUIRE(a[i].order > a[i - 1].order);
  }
  CHECK(a.back().order > 500);  // not just the first ones offered
  CHECK(pick(100, 40).size() == 40);
  CHECK(pick(0, 40).empty());
}

}  // namespace
}  // namespace ayc::datagen
