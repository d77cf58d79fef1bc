#include "common/json_text.h"

#include <charconv>
#include <cstdint>
#include <cstring>

#include "common/text.h"

namespace ayc::text {

namespace {

// Length of the valid UTF-8 sequence starting at in[i], or 0 when invalid.
std::size_t valid_sequence_length(std::string_view in, std::size_t i) {
  unsigned char c = static_cast<unsigned char>(in[i]);
  std::size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
  if (len == 0 || i + len > in.size()) return 0;
  return text::is_valid_utf8(in.substr(i, len)) ? len : 0;
}

}  // namespace

std::string to_valid_utf8(std::string_view in) {
  if (text::is_valid_utf8(in) && in.find('\0') == std::string_view::npos) return std::string(in);
  std::string out;
  out.reserve(in.size() + 8);
  for (std::size_t i = 0; i < in.size();) {
    std::size_t len = valid_sequence_length(in, i);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    if (!(len == 1 && in[i] == '\0')) out.append(in.substr(i, len));
    i += len;
  }
  return out;
}

namespace {

// Whether any of the 8 bytes at `p` is a control character, '"', '\\' or
// DEL (bit tricks: a byte below n, a byte equal to n; may say yes wrongly,
// never no wrongly, and a yes is then checked byte by byte).
bool needs_escape_in(const char* p) {
  std::uint64_t x;
  std::memcpy(&x, p, 8);
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  auto zero_byte = [&](std::uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  const std::uint64_t below_space = (x - kOnes * 0x20) & ~x & kHigh;
  return (below_space | zero_byte(x ^ (kOnes * '"')) | zero_byte(x ^ (kOnes * '\\')) | zero_byte(x ^ (kOnes * 0x7F))) != 0;
}

}  // namespace

void append_json_quoted(std::string& out, std::string_view raw) {
  std::string repaired;
  std::string_view valid = raw;
  if (!text::is_valid_utf8(raw) || raw.find('\0') != std::string_view::npos) {
    repaired = to_valid_utf8(raw);
    valid = repaired;
  }
  out.push_back('"');
  // Runs of bytes that need no escaping are appended whole.
  std::size_t run = 0;
  for (std::size_t i = 0; i < valid.size(); ++i) {
    // Eight bytes at a time while none needs escaping.
    while (i + 8 <= valid.size() && !needs_escape_in(valid.data() + i)) i += 8;
    if (i >= valid.size()) break;
    const unsigned char c = static_cast<unsigned char>(valid[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7F) continue;
    out.append(valid.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        static const char kHex[] = "0123456789abcdef";
        out += "\\u00";
        out.push_back(kHex[(c >> 4) & 0xF]);
        out.push_back(kHex[c & 0xF]);
      }
    }
  }
  out.append(valid.data() + run, valid.size() - run);
  out.push_back('"');
}

std::string json_quote(std::string_view raw) {
  std::string out;
  append_json_quoted(out, raw);
  return out;
}

std::string_view truncate_utf8(std::string_view in, std::size_t max_chars) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < in.size(); ++i) {
    if ((static_cast<unsigned char>(in[i]) & 0xC0) != 0x80) {
      if (chars == max_chars) return in.substr(0, i);
      ++chars;
    }
  }
  return in;
}

std::string_view truncate_utf8_bytes(std::string_view in, std::size_t max_bytes) {
  if (in.size() <= max_bytes) return in;
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(in[cut]) & 0xC0) == 0x80) --cut;  // in[cut] starts the next one
  return in.substr(0, cut);
}

std::size_t utf8_length(std::string_view in) {
  std::size_t chars = 0;
  for (char c : in)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++chars;
  return chars;
}

void append_json_number(std::string& out, double v) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 2);
  if (ec != std::errc()) {
    out += '0';
    return;
  }
  std::string_view s(buf, static_cast<std::size_t>(end - buf));
  if (s.find('.') != std::string_view::npos) {
    while (s.back() == '0') s.remove_suffix(1);
    if (s.back() == '.') s.remove_suffix(1);
  }
  if (s == "-0") s = "0";
  out += s;
}

}  // namespace ayc::text
