#include "recsys/evaluation.h"

#include <cmath>

#include <catch2/catch.hpp>

#include "tests/recsys/synthetic_data.h"

namespace ayc::recsys {
namespace {

using testing::DatasetBuilder;

const ModelScore& row(const EvaluationReport& report, const std::string& task, const std::string& model) {
  for (const auto& r : report.rows)
    if (r.task == task && r.model == model) return r;
  FAIL("no row " << task << "/" << model);
  return report.rows.front();
}

TEST_CASE("HitRate and NDCG on a hand-computed case") {
  const std::vector<std::uint32_t> ranked = {5, 3, 9, 1};
  const std::vector<std::uint32_t> targets = {1, 3};
  // Hits at ranks 2 and 4: DCG = 1/log2(3) + 1/log2(5); ideal = 1 + 1/log2(3).
  const double dcg = 1 / std::log2(3.0) + 1 / std::log2(5.0);
  const double ideal = 1 + 1 / std::log2(3.0);
  CHECK(hit_rate_at(ranked, targets, 10) == 1.0);
  CHECK(ndcg_at(ranked, targets, 10) == Approx(dcg / ideal));
  CHECK(ndcg_at(ranked, targets, 10) == Approx(0.6509).epsilon(1e-3));
  // Cut at 2: only the hit at rank 2 counts.
  CHECK(ndcg_at(ranked, targets, 2) == Approx((1 / std::log2(3.0)) / ideal));
  CHECK(hit_rate_at(ranked, targets, 1) == 0.0);
  CHECK(ndcg_at(ranked, {}, 10) == 0.0);
  const std::vector<std::uint32_t> perfect = {3, 1, 7};
  CHECK(ndcg_at(perfect, targets, 10) == Approx(1.0));
}

TEST_CASE("the split holds out each sampled customer's last order") {
  DatasetBuilder b(6, 1000);
  const auto c = b.new_customer();
  b.order(c, 900, {0, 1});
  b.order(c, 950, {2});
  b.order(c, 990, {3, 0, 4});  // last: 0 was bought before
  const auto once = b.new_customer();
  b.order(once, 990, {5});  // one order: nothing to learn from
  b.item(4).active = false;
  const HoldoutSplit split = leave_last_order_out(b.data(), {});
  CHECK(split.train.lines.size() == 4);
  REQUIRE(split.customer_cases.size() == 1);
  CHECK(split.customer_cases[0].customer == c);
  CHECK(split.customer_cases[0].targets == std::vector<std::uint32_t>{3});  // not 0 (bought), not 4 (inactive)
  CHECK(split.customer_cases[0].day == 990);
  REQUIRE(split.rebuy_cases.size() == 1);
  CHECK(split.rebuy_cases[0].targets == std::vector<std::uint32_t>{0});  // bought before
  CHECK(split.rebuy_cases[0].day == 990);
  REQUIRE(split.item_cases.size() == 1);
  CHECK(split.item_cases[0].query_item == 3);  // the first line of the order
  CHECK(split.item_cases[0].targets == std::vector<std::uint32_t>{0});
}

TEST_CASE("the split samples at most max_customers, the same ones every time") {
  DatasetBuilder b(4, 1000);
  for (int n = 0; n < 50; ++n) {
    const auto c = b.new_customer();
    b.order(c, 900, {0});
    b.order(c, 950, {1, 2});
  }
  EvaluationOptions o;
  o.max_customers = 10;
  const HoldoutSplit one = leave_last_order_out(b.data(), o);
  const HoldoutSplit two = leave_last_order_out(b.data(), o);
  REQUIRE(one.item_cases.size() == 10);
  for (std::size_t n = 0; n < 10; ++n) CHECK(one.item_cases[n].customer == two.item_cases[n].customer);
  CHECK(one.train.lines.size() == 50 + 40 * 2);
}

TEST_CASE("evaluation: bought_together beats popularity on planted kits") {
  // 30 kits of three products; everyone also buys product 99.
  DatasetBuilder b(100, 2000);
  for (std::uint32_t n = 0; n < 300; ++n) {
    const auto c = b.new_customer();
    const std::uint32_t kit = 3 * (n % 30);
    b.order(c, 1800 + n % 100, {kit, kit + 1, kit + 2});
    b.order(c, 1900 + n % 40, {kit, 99});
    b.order(c, 1950 + n % 40, {kit + 1, kit, 90 + n % 9});
  }
  RecsysOptions o;
  o.run.threads = 1;
  const auto report = evaluate(b.data(), o, {});
  REQUIRE(report.ok());
  REQUIRE(report->rows.size() == 10);
  CHECK(report->rows[0].model == "popularity");  // baselines first
  const auto& pop = row(*report, "product", "popularity");
  const auto& bt = row(*report, "product", "bought_together");
  CHECK(bt.cases == 300);
  CHECK(bt.hit_rate > pop.hit_rate);
  CHECK(bt.hit_rate > 0.9);
  // Every held-out order repeats the kit's first product: a rebuy case each.
  CHECK(row(*report, "rebuy", "buy_again").cases == 300);
  CHECK(row(*report, "rebuy", "most_frequent").hit_rate == 1.0);
  for (const auto& r : report->rows) {
    CHECK((r.coverage >= 0 && r.coverage <= 1));
    CHECK((r.ndcg >= 0 && r.ndcg <= r.hit_rate + 1e-9));
  }
  const std::string table = format_report(*report, 10);
  CHECK(table.find("HitRate@10") != std::string::npos);
  CHECK(table.find("bought_together") != std::string::npos);
}

}  // namespace
}  // namespace ayc::recsys

namespace ayc::recsys {
namespace {

TEST_CASE("plain EASE completes a kit and never lists what the customer bought") {
  DatasetBuilder b(10, 2000);
  for (std::uint32_t n = 0; n < 90; ++n) {
    const auto c = b.new_customer();
    const std::uint32_t kit = 3 * (n % 3);
    b.order(c, 1900, {kit, kit + 1, kit + 2, 9});
  }
  const auto u = b.new_customer();
  b.order(u, 1990, {3, 4});
  EaseFit fit;
  fit.lambda = 10;
  const ScoredLists lists = plain_ease(b.data(), fit, 5, 1);
  REQUIRE(lists.size() == b.data().customer_count);
  REQUIRE_FALSE(lists[u].empty());
  CHECK(lists[u][0].item == 5);
  for (const auto& s : lists[u]) CHECK((s.item != 3 && s.item != 4));
  for (const auto& s : lists[0]) CHECK((s.item > 2 && s.item != 9));  // customer 0 bought 0, 1, 2 and 9
}

}  // namespace
}  // namespace ayc::recsys
