#include "data/datagen/row.h"

#include <charconv>

#include "common/text.h"
#include "data/datagen/calendar.h"

namespace ayc::datagen {

void append_fixed(std::string& out, std::int64_t scaled, int decimals) {
  if (scaled < 0) {
    out.push_back('-');
    scaled = -scaled;
  }
  std::int64_t unit = 1;
  for (int i = 0; i < decimals; ++i) unit *= 10;
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, scaled / unit);
  (void)ec;
  out.append(buf, end);
  if (decimals == 0) return;
  out.push_back('.');
  std::int64_t frac = scaled % unit;
  for (std::int64_t u = unit / 10; u > 0; u /= 10) {
    out.push_back(static_cast<char>('0' + (frac / u) % 10));
  }
}

void Row::separate() {
  if (fields_++ > 0) line_.push_back('\t');
}

Row& Row::text(std::string_view value) {
  separate();
  ayc::text::append_copy_field(line_, value);
  return *this;
}

Row& Row::text_or_null(std::string_view value) { return value.empty() ? null() : text(value); }

Row& Row::null() {
  separate();
  line_.append("\\N");
  return *this;
}

Row& Row::integer(std::int64_t value) {
  separate();
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  (void)ec;
  line_.append(buf, end);
  return *this;
}

Row& Row::fixed(std::int64_t scaled, int decimals) {
  separate();
  append_fixed(line_, scaled, decimals);
  return *this;
}

Row& Row::boolean(bool value) {
  separate();
  line_.push_back(value ? 't' : 'f');
  return *this;
}

Row& Row::uuid(const Uuid& id) {
  separate();
  id.append_to(line_);
  return *this;
}

Row& Row::timestamp(std::int64_t unix_seconds) {
  separate();
  append_timestamp(line_, unix_seconds);
  return *this;
}

Row& Row::date(std::int64_t days) {
  separate();
  append_date(line_, days);
  return *this;
}

}  // namespace ayc::datagen
