#include "recsys/catalogue.h"

#include <catch2/catch.hpp>

#include "recsys/types.h"

namespace ayc::recsys {
namespace {

TEST_CASE("category_ancestors walks up, nearest first, without repeats") {
  // 0 <- 1 <- 2, 0 <- 3; 4 and 5 form a cycle.
  const std::vector<std::uint32_t> parent = {kNone, 0, 1, 0, 5, 4};
  CHECK(category_ancestors(std::vector<std::uint32_t>{2}, parent) == std::vector<std::uint32_t>{1, 0});
  CHECK(category_ancestors(std::vector<std::uint32_t>{2, 3}, parent) == std::vector<std::uint32_t>{1, 0});
  CHECK(category_ancestors(std::vector<std::uint32_t>{2, 1}, parent) == std::vector<std::uint32_t>{0});
  CHECK(category_ancestors(std::vector<std::uint32_t>{0}, parent).empty());
  CHECK(category_ancestors(std::vector<std::uint32_t>{4}, parent) == std::vector<std::uint32_t>{5});
}

TEST_CASE("day_of rounds down, also before 1970") {
  CHECK(day_of(0) == 0);
  CHECK(day_of(86399) == 0);
  CHECK(day_of(86400) == 1);
  CHECK(day_of(-1) == -1);
  CHECK(day_of(-86400) == -1);
  CHECK(day_of(-86401) == -2);
}

}  // namespace
}  // namespace ayc::recsys
