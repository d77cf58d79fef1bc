#include "recsys/planted_regimens.h"

#include <catch2/catch.hpp>

#include "recsys/training_data.h"

namespace ayc::recsys {
namespace {

const RegimenScore& row(const std::vector<RegimenScore>& rows, const std::string& model) {
  for (const auto& r : rows)
    if (r.model == model) return r;
  FAIL("no row for " << model);
  return rows.front();
}

TEST_CASE("the planted shop: partial customers never bought their regimen's missing product") {
  const PlantedRegimens shop = plant_regimens({});
  REQUIRE(shop.cases.size() > 300);
  const Histories h = build_histories(shop.data.lines, {shop.data.customer_count, 0, 0});
  for (const auto& c : shop.cases) {
    const auto row = h.of(c.customer);
    const auto partners = std::count_if(row.begin(), row.end(), [&](const HistoryEntry& e) {
      return e.item / 3 == c.missing / 3 && e.item < 3 * PlantedRegimenOptions{}.regimens;
    });
    CHECK(partners == 2);  // the two others, never the missing one
  }
  CHECK(plant_regimens({}).data.lines.size() == shop.data.lines.size());  // deterministic
}

TEST_CASE("customers with two of a regimen's three products see the third in for_you's top 10") {
  for (std::uint64_t seed : {1, 2}) {
    PlantedRegimenOptions po;
    po.seed = seed;
    RecsysOptions o;
    o.run.threads = 2;
    const auto rows = check_planted_regimens(plant_regimens(po), o, 10);
    INFO("seed " << seed);
    CHECK(row(rows, "for_you").hit_rate >= 0.95);
    CHECK(row(rows, "ease").hit_rate >= 0.95);  // the baseline learns them too
    CHECK(row(rows, "popularity").hit_rate < 0.5);  // and the shop is not trivial
  }
}

TEST_CASE("regimen_hit_rate counts the missing product only within the cutoff") {
  const ScoredLists lists(std::vector<std::vector<Scored>>{{{7, 0.9f}, {3, 0.5f}}, {{1, 0.9f}}});
  const std::vector<RegimenCase> cases = {{0, 3}, {1, 3}};
  CHECK(regimen_hit_rate(lists, cases, 2) == 0.5);
  CHECK(regimen_hit_rate(lists, cases, 1) == 0.0);
  CHECK(regimen_hit_rate(lists, {}, 10) == 0.0);
}

}  // namespace
}  // namespace ayc::recsys
