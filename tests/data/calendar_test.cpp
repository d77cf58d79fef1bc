#include "data/datagen/calendar.h"

#include <catch2/catch.hpp>

namespace ayc::datagen {
namespace {

TEST_CASE("civil dates round-trip through day numbers") {
  CHECK(days_from_civil(1970, 1, 1) == 0);
  CHECK(days_from_civil(2000, 3, 1) == 11017);
  CHECK(days_from_civil(1969, 12, 31) == -1);
  for (std::int64_t d = days_from_civil(2023, 1, 1); d < days_from_civil(2026, 1, 1); ++d) {
    CivilDate c = civil_from_days(d);
    REQUIRE(days_from_civil(c.year, c.month, c.day) == d);
  }
  CivilDate leap = civil_from_days(days_from_civil(2024, 2, 29));
  CHECK(leap.month == 2);
  CHECK(leap.day == 29);
}

TEST_CASE("parse_date accepts real dates only") {
  CHECK(parse_date("2025-06-01") == days_from_civil(2025, 6, 1));
  CHECK(parse_date("2024-02-29").has_value());
  CHECK_FALSE(parse_date("2023-02-29").has_value());
  CHECK_FALSE(parse_date("2025-13-01").has_value());
  CHECK_FALSE(parse_date("2025-6-1").has_value());
  CHECK_FALSE(parse_date("yesterday").has_value());
  CHECK_FALSE(parse_date("").has_value());
}

TEST_CASE("timestamps and dates render as PostgreSQL reads them") {
  std::string s;
  append_timestamp(s, days_from_civil(2025, 3, 14) * kSecondsPerDay + 10 * 3600 + 22 * 60 + 31);
  CHECK(s == "2025-03-14 10:22:31+00");
  CHECK(format_date(days_from_civil(2024, 12, 5)) == "2024-12-05");
}

TEST_CASE("a window is the 365 days before its end") {
  TimeWindow w{days_from_civil(2024, 6, 1), days_from_civil(2025, 6, 1)};
  CHECK(w.days() == 365);
  CHECK(w.month_at(0) == 6);
  CHECK(w.month_at(200) == 12);
  CHECK(w.end_seconds() - w.start_seconds() == 365 * kSecondsPerDay);
}

}  // namespace
}  // namespace ayc::datagen
