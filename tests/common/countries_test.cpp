#include "common/countries.h"

#include <catch2/catch.hpp>

namespace ayc {
namespace {

TEST_CASE("country names and codes normalise to ISO 3166 alpha-2") {
  CHECK(*country_code("India") == "IN");
  CHECK(*country_code("in") == "IN");
  CHECK(*country_code("United States") == "US");
  CHECK(*country_code("UK") == "GB");
  CHECK(*country_code("uae") == "AE");
  CHECK_FALSE(country_code("ZZ"));   // two letters, but no country
  CHECK_FALSE(country_code("Narnia"));
  CHECK_FALSE(country_code(""));
}

}  // namespace
}  // namespace ayc
