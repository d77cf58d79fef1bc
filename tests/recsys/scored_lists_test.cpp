#include "recsys/scored_lists.h"

#include <catch2/catch.hpp>

namespace ayc::recsys {
namespace {

TEST_CASE("keep_top_k keeps the best, ties by item") {
  std::vector<Scored> v = {{4, 0.5f}, {1, 0.9f}, {3, 0.5f}, {2, 0.1f}, {0, 0.5f}};
  keep_top_k(v, 3);
  CHECK(v == std::vector<Scored>{{1, 0.9f}, {0, 0.5f}, {3, 0.5f}});
}

TEST_CASE("scale_to_unit keeps the order and lands in (0, 1)") {
  std::vector<Scored> v = {{1, 8.0f}, {2, 2.0f}, {3, 0.0f}, {4, -1.0f}};
  scale_to_unit(v);
  REQUIRE(v.size() == 2);
  CHECK(v[0].score < 1.0f);
  CHECK(v[0].score > 0.999f);
  CHECK(v[1].score == Approx(0.25f).epsilon(1e-3));
}

TEST_CASE("ScoredLists stores rows in order") {
  ScoredLists a({{{1, 0.5f}}, {}, {{2, 0.3f}, {3, 0.2f}}});
  CHECK(a.size() == 3);
  CHECK(a[1].empty());
  CHECK(a[2].size() == 2);
  ScoredLists b;
  b.append_row(std::vector<Scored>{{9, 0.1f}});
  a.append_rows(b);
  CHECK(a.size() == 4);
  CHECK(a[3][0].item == 9);
  CHECK(a.total_entries() == 4);
}

TEST_CASE("build_scored_lists gives the same rows whatever the thread count") {
  auto make = [] {
    return [](std::size_t row, std::vector<Scored>& out) {
      for (std::uint32_t i = 0; i < row % 7; ++i) out.push_back({i, float(row)});
    };
  };
  const ScoredLists one = build_scored_lists(5000, 1, make);
  const ScoredLists three = build_scored_lists(5000, 3, make);
  REQUIRE(one.size() == 5000);
  REQUIRE(three.size() == 5000);
  for (std::size_t r = 0; r < 5000; ++r)
    CHECK(std::equal(one[r].begin(), one[r].end(), three[r].begin(), three[r].end()));
}

}  // namespace
}  // namespace ayc::recsys
