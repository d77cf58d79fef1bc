#include "recsys/row_digests.h"

#include <cstdio>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "tests/recsys/synthetic_data.h"

namespace ayc::recsys {
namespace {

using testing::uuid;

ListDigest digest_of(const std::vector<std::pair<std::string, int>>& rows) {
  ListDigest d;
  for (const auto& [id, score] : rows) d.add(id, score);
  return d;
}

std::set<std::pair<std::string, ListFamily>> unmatched(const TableDigests& t) {
  std::set<std::pair<std::string, ListFamily>> out;
  t.for_each_unmatched([&](const std::string& s, ListFamily f) { out.emplace(s, f); });
  return out;
}

TEST_CASE("a DECIMAL(5,4) as PostgreSQL writes it reads as ten-thousandths") {
  CHECK(score_ten_thousandths("0.1234") == 1234);
  CHECK(score_ten_thousandths("0.9999") == 9999);
  CHECK(score_ten_thousandths("0.0001") == 1);
  CHECK(score_ten_thousandths("0.5") == 5000);
  CHECK(score_ten_thousandths("1") == 10000);
  CHECK(score_ten_thousandths("0.00001") == -1);  // finer than the column
  CHECK(score_ten_thousandths("") == -1);
  CHECK(score_ten_thousandths("\\N") == -1);
  CHECK(score_ten_thousandths("-0.1") == -1);
  CHECK(score_ten_thousandths("0.1.2") == -1);
}

TEST_CASE("a list's digest depends on its rows, not their order") {
  const auto a = digest_of({{uuid(1), 1234}, {uuid(2), 5000}, {uuid(3), 1}});
  CHECK(a == digest_of({{uuid(3), 1}, {uuid(1), 1234}, {uuid(2), 5000}}));
  CHECK_FALSE(a == digest_of({{uuid(1), 1234}, {uuid(2), 5001}, {uuid(3), 1}}));  // one score
  CHECK_FALSE(a == digest_of({{uuid(1), 1234}, {uuid(2), 5000}, {uuid(4), 1}}));  // one product
  CHECK_FALSE(a == digest_of({{uuid(1), 1234}, {uuid(2), 5000}}));               // one row fewer
  // Swapping two products' scores is another list.
  CHECK_FALSE(a == digest_of({{uuid(1), 5000}, {uuid(2), 1234}, {uuid(3), 1}}));
  CHECK(ListDigest{} == digest_of({}));
}

TEST_CASE("the table's lists match the same lists and nothing else, and the rest are listed for deletion") {
  TableDigests table;
  // Source 1 holds a similar list of two rows and a related list of one.
  REQUIRE(table.add_row(uuid(1), ListFamily::kSimilar, uuid(2), 4000));
  REQUIRE(table.add_row(uuid(1), ListFamily::kRelated, uuid(3), 100));
  REQUIRE(table.add_row(uuid(1), ListFamily::kSimilar, uuid(3), 2500));
  // Source 2: bought together; source 3: similar.
  REQUIRE(table.add_row(uuid(2), ListFamily::kBoughtTogether, uuid(1), 9999));
  REQUIRE(table.add_row(uuid(3), ListFamily::kSimilar, uuid(1), 10));
  CHECK(table.lists() == 4);
  CHECK_FALSE(table.add_row("not-a-uuid", ListFamily::kSimilar, uuid(1), 10));

  CHECK(table.matches(uuid(1), ListFamily::kSimilar, digest_of({{uuid(3), 2500}, {uuid(2), 4000}})));
  CHECK_FALSE(table.matches(uuid(1), ListFamily::kRelated, digest_of({{uuid(3), 101}})));  // score moved
  CHECK_FALSE(table.matches(uuid(1), ListFamily::kBoughtTogether, digest_of({{uuid(2), 1}})));  // new list
  CHECK(table.matches(uuid(1), ListFamily::kBoughtTogether, ListDigest{}));  // empty and absent alike
  CHECK(table.matches(uuid(9), ListFamily::kSimilar, ListDigest{}));        // unknown source, no list
  CHECK_FALSE(table.matches(uuid(9), ListFamily::kSimilar, digest_of({{uuid(1), 1}})));
  CHECK(table.matches(uuid(2), ListFamily::kBoughtTogether, digest_of({{uuid(1), 9999}})));
  // Upper-case text names the same source.
  std::string upper = uuid(2);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  CHECK(table.matches(upper, ListFamily::kBoughtTogether, digest_of({{uuid(1), 9999}})));

  // Source 1's related list changed and source 3's similar list was never
  // given: both may hold rows to delete. Matched lists are not listed.
  const std::set<std::pair<std::string, ListFamily>> expected = {{uuid(1), ListFamily::kRelated},
                                                                  {uuid(3), ListFamily::kSimilar}};
  CHECK(unmatched(table) == expected);
}

TEST_CASE("sources are listed back as the UUID text PostgreSQL writes") {
  TableDigests table;
  const std::string id = "0123abcd-4567-89ef-0a1b-2c3d4e5f6a7b";
  REQUIRE(table.add_row("0123ABCD-4567-89EF-0A1B-2C3D4E5F6A7B", ListFamily::kRelated, uuid(1), 1));
  const std::set<std::pair<std::string, ListFamily>> expected = {{id, ListFamily::kRelated}};
  CHECK(unmatched(table) == expected);
}

}  // namespace
}  // namespace ayc::recsys
