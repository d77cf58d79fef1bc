// Civil dates and UTC timestamps as plain integers, for the generated rows.
//
// Days count from 1970-01-01 and seconds from 1970-01-01T00:00:00Z; the
// generator never reads the clock itself (the caller passes "today" in), so
// a given --end-date always yields the same timestamps.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ayc::datagen {

inline constexpr std::int64_t kSecondsPerDay = 86400;

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};

std::int64_t days_from_civil(int year, int month, int day);
CivilDate civil_from_days(std::int64_t days);

// "2025-03-14" -> days since the epoch; nullopt unless a real calendar date.
std::optional<std::int64_t> parse_date(std::string_view text);

// Appends "2025-03-14".
void append_date(std::string& out, std::int64_t days);
// Appends "2025-03-14 10:22:31+00".
void append_timestamp(std::string& out, std::int64_t unix_seconds);
std::string format_date(std::int64_t days);

// The year of data the generator writes: every timestamp t satisfies
// start_day * 86400 <= t < end_day * 86400, and end_day - start_day == 365.
struct TimeWindow {
  std::int64_t start_day = 0;
  std::int64_t end_day = 0;  // exclusive: the --end-date
  std::int64_t start_seconds() const { return start_day * kSecondsPerDay; }
  std::int64_t end_seconds() const { return end_day * kSecondsPerDay; }
  std::int64_t days() const { return end_day - start_day; }
  // Month (1..12) of the day at `offset` days after start_day.
  int month_at(std::int64_t offset) const { return civil_from_days(start_day + offset).month; }
};

}  // namespace ayc::datagen
