#include <catch2/catch.hpp>

#include "server/search/most_frequent.h"

namespace ayc::search {
namespace {

TEST_CASE("most_frequent keeps the highest counts, highest first, ties alphabetically") {
  std::vector<std::pair<Xapian::doccount, std::string>> counted = {
      {3, "oil"}, {9, "tablet"}, {3, "churna"}, {1, "ghee"}, {9, "capsule"}};
  CHECK(most_frequent(counted, 3) == std::vector<std::string>{"capsule", "tablet", "churna"});
  CHECK(most_frequent(counted, 10) == std::vector<std::string>{"capsule", "tablet", "churna", "oil", "ghee"});
  CHECK(most_frequent(counted, 0).empty());
  CHECK(most_frequent({}, 5).empty());
}

}  // namespace
}  // namespace ayc::search
