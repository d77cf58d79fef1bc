#include "recsys/id_index.h"

#include <catch2/catch.hpp>

#include "tests/recsys/synthetic_data.h"

namespace ayc::recsys {
namespace {

using testing::uuid;

TEST_CASE("UUID text parses to its 128 bits, other text does not") {
  auto k = parse_uuid("00000000-0000-4000-8000-00000000000A");
  REQUIRE(k);
  CHECK(k->first == 0x0000000000004000ull);
  CHECK(k->second == 0x800000000000000aull);
  CHECK(parse_uuid("00000000-0000-4000-8000-00000000000a") == k);  // either case
  CHECK_FALSE(parse_uuid("00000000-0000-4000-8000-00000000000"));   // 35 characters
  CHECK_FALSE(parse_uuid("00000000x0000-4000-8000-00000000000a"));  // no dash
  CHECK_FALSE(parse_uuid("g0000000-0000-4000-8000-00000000000a"));  // not hex
  CHECK_FALSE(parse_uuid("p1"));
}

TEST_CASE("an id index numbers ids in the order first seen, through growth") {
  std::vector<std::string> names;
  IdIndex index(&names);
  for (std::uint32_t n = 0; n < 5000; ++n) CHECK(index.add(uuid(n)) == n);
  for (std::uint32_t n = 0; n < 5000; n += 7) CHECK(index.add(uuid(n)) == n);  // seen: the same index
  CHECK(index.size() == 5000);
  REQUIRE(names.size() == 5000);
  CHECK(names[1234] == uuid(1234));
  CHECK(index.find(uuid(4999)) == 4999u);
  CHECK_FALSE(index.find(uuid(5000)));
}

TEST_CASE("ids that are not UUIDs share the numbering") {
  IdIndex index;
  CHECK_FALSE(index.find("p1"));
  CHECK_FALSE(index.find(uuid(1)));  // an empty table
  CHECK(index.add("p1") == 0);
  CHECK(index.add(uuid(1)) == 1);
  CHECK(index.add("p2") == 2);
  CHECK(index.add("p1") == 0);
  CHECK(index.find("p2") == 2u);
  CHECK(index.size() == 3);
}

}  // namespace
}  // namespace ayc::recsys
