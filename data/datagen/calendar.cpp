#include "data/datagen/calendar.h"

#include <charconv>

namespace ayc::datagen {

namespace {
void append_padded(std::string& out, std::int64_t value, int width) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  (void)ec;
  for (auto n = end - buf; n < width; ++n) out.push_back('0');
  out.append(buf, end);
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}
}  // namespace

// Howard Hinnant's days_from_civil / civil_from_days.
std::int64_t days_from_civil(int year, int month, int day) {
  const std::int64_t y = year - (month <= 2 ? 1 : 0);
  const std::int64_t era = floor_div(y, 400);
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (month + 9) % 12;
  const std::int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(std::int64_t days) {
  const std::int64_t z = days + 719468;
  const std::int64_t era = floor_div(z, 146097);
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return {year, month, day};
}

std::optional<std::int64_t> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto number = [&](std::size_t pos, std::size_t len) -> std::optional<int> {
    int v = 0;
    auto [ptr, ec] = std::from_chars(text.data() + pos, text.data() + pos + len, v);
    if (ec != std::errc() || ptr != text.data() + pos + len) return std::nullopt;
    return v;
  };
  auto y = number(0, 4), m = number(5, 2), d = number(8, 2);
  if (!y || !m || !d || *y < 1971 || *y > 9999 || *m < 1 || *m > 12 || *d < 1) return std::nullopt;
  const std::int64_t days = days_from_civil(*y, *m, *d);
  const CivilDate back = civil_from_days(days);
  if (back.month != *m || back.day != *d) return std::nullopt;  // e.g. 2023-02-30
  return days;
}

void append_date(std::string& out, std::int64_t days) {
  const CivilDate c = civil_from_days(days);
  append_padded(out, c.year, 4);
  out.push_back('-');
  append_padded(out, c.month, 2);
  out.push_back('-');
  append_padded(out, c.day, 2);
}

void append_timestamp(std::string& out, std::int64_t unix_seconds) {
  const std::int64_t days = floor_div(unix_seconds, kSecondsPerDay);
  const std::int64_t secs = unix_seconds - days * kSecondsPerDay;
  append_date(out, days);
  out.push_back(' ');
  append_padded(out, secs / 3600, 2);
  out.push_back(':');
  append_padded(out, (secs / 60) % 60, 2);
  out.push_back(':');
  append_padded(out, secs % 60, 2);
  out.append("+00");
}

std::string format_date(std::int64_t days) {
  std::string s;
  append_date(s, days);
  return s;
}

}  // namespace ayc::datagen
