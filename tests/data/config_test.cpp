#include "data/datagen/config.h"

#include <catch2/catch.hpp>

#include "data/datagen/calendar.h"

namespace ayc::datagen {
namespace {

TEST_CASE("sizes scale with --products unless given") {
  Config c;
  c.pg = "postgresql://localhost/db";
  c.products = 1000;
  REQUIRE(finalize(c, days_from_civil(2025, 6, 1)).ok());
  CHECK(c.customers == 500);
  CHECK(c.orders == 3500);
  CHECK(c.reviews == 1000);
  CHECK(c.search_logs == 500);
  CHECK(c.end_day == days_from_civil(2025, 6, 1));

  Config given;
  given.pg = "host=/tmp";
  given.products = 10;
  given.customers = 3;
  given.orders = 7;
  given.end_date = "2024-12-31";
  REQUIRE(finalize(given, 0).ok());
  CHECK(given.customers == 3);
  CHECK(given.orders == 7);
  CHECK(given.end_day == days_from_civil(2024, 12, 31));
}

TEST_CASE("flags and the environment fill the config, and every problem is reported at once") {
  Config c;
  FlagSet flags("ayurvedacart-datagen", "test");
  register_flags(flags, c);
  const char* argv[] = {"x", "--products", "250", "--seed=9", "--reset", "--end-date", "2025-02-30"};
  REQUIRE(flags.parse(7, argv).ok());
  CHECK(c.products == 250);
  CHECK(c.seed == 9);
  CHECK(c.reset);
  Status s = finalize(c, 0);
  REQUIRE_FALSE(s.ok());
  CHECK_THAT(s.message(), Catch::Contains("--pg is required"));
  CHECK_THAT(s.message(), Catch::Contains("--end-date must be a date"));

  Config bad;
  FlagSet strict("ayurvedacart-datagen", "test");
  register_flags(strict, bad);
  const char* too_many[] = {"x", "--products", "5000001"};
  CHECK_FALSE(strict.parse(3, too_many).ok());
}

}  // namespace
}  // namespace ayc::datagen
