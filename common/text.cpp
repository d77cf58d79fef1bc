#include "common/text.h"

#include "common/latin_fold.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace ayc::text {

namespace {
bool is_alnum_ascii(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
}  // namespace

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

int hex_digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string ascii_lower(std::string_view in) {
  std::string out(in);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

namespace {
// Non-ASCII characters that are not letters of a word: Latin-1 punctuation
// and symbols (except the micro sign of "µg"), the multiplication and
// division signs, the blocks from General Punctuation to Miscellaneous
// Symbols and Arrows (dashes, quotes, bullets, currency signs, TM, number
// forms, arrows, maths, shapes, dingbats), the Devanagari dandas, CJK and
// full-width punctuation, and emoji.
bool is_separator(std::uint32_t cp) {
  return (cp >= 0xA0 && cp <= 0xBF && cp != 0xB5) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x2BFF) ||
         cp == 0x964 || cp == 0x965 || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
         (cp >= 0x1F000 && cp <= 0x1FAFF);
}
bool is_invisible(std::uint32_t cp) {
  return cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF || cp == 0xFE0F;
}
}  // namespace

CharInfo char_at(std::string_view in, std::size_t i) {
  const unsigned char c = static_cast<unsigned char>(in[i]);
  if (c < 0x80) return {is_alnum_ascii(c) ? CharRole::kWord : CharRole::kSeparator, 1, c};
  std::size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
  if (len == 0 || i + len > in.size()) return {CharRole::kWord, 1};
  std::uint32_t cp = c & (0x7F >> len);
  for (std::size_t k = 1; k < len; ++k) {
    const unsigned char cc = static_cast<unsigned char>(in[i + k]);
    if ((cc & 0xC0) != 0x80) return {CharRole::kWord, 1};
    cp = (cp << 6) | (cc & 0x3F);
  }
  if (is_invisible(cp)) return {CharRole::kInvisible, len, cp};
  return {is_separator(cp) ? CharRole::kSeparator : CharRole::kWord, len, cp};
}

namespace {
// Length of the possessive "'s" (or "’s") at in[i] after a word: "women's"
// is the word "women", as Xapian's term generator and English stemming
// read it, rather than "women" and a stray "s". 0 if there is none.
std::size_t possessive_at(std::string_view in, std::size_t i, bool after_word) {
  if (!after_word) return 0;
  std::size_t apostrophe = 0;
  if (in[i] == '\'') apostrophe = 1;
  if (in.compare(i, 3, "\u2019") == 0) apostrophe = 3;
  const std::size_t s = i + apostrophe;
  if (apostrophe == 0 || s >= in.size() || (in[s] | 0x20) != 's') return 0;
  const bool word_ends = s + 1 == in.size() || char_at(in, s + 1).role == CharRole::kSeparator;
  return word_ends ? apostrophe + 1 : 0;
}
}  // namespace

std::string normalize(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  bool pending_space = false;
  std::size_t i = 0;
  while (i < in.size()) {
    const unsigned char c = static_cast<unsigned char>(in[i]);
    if (c < 0x80) {
      if (!is_alnum_ascii(c)) {
        i += c == '\'' ? std::max<std::size_t>(possessive_at(in, i, !out.empty() && !pending_space), 1) : 1;
        pending_space = !out.empty();
        continue;
      }
      ++i;
      if (pending_space) out.push_back(' ');
      pending_space = false;
      out.push_back(ascii_lower(static_cast<char>(c)));
      continue;
    }
    const CharInfo ch = char_at(in, i);
    if (ch.role == CharRole::kSeparator) {
      const bool after_word = !out.empty() && !pending_space;
      pending_space = !out.empty();
      i += ch.code_point == 0x2019 ? std::max(possessive_at(in, i, after_word), ch.length) : ch.length;
      continue;
    }
    if (ch.role == CharRole::kWord) {
      if (pending_space) out.push_back(' ');
      pending_space = false;
      const char* folded = ascii_for_latin(ch.code_point);
      if (folded != nullptr) {
        out += folded;
      } else {
        out.append(in.data() + i, ch.length);
      }
    }
    i += ch.length;
  }
  return out;
}

std::string url_encode(std::string_view text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                            c == '_' || c == '.' || c == '~';
    if (unreserved) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

std::string slugify(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  bool dash = false;
  for (unsigned char c : in) {
    if (is_alnum_ascii(c)) {
      if (dash && !out.empty()) out.push_back('-');
      dash = false;
      out.push_back(ascii_lower(static_cast<char>(c)));
    } else {
      dash = true;
    }
  }
  return out;
}

std::vector<std::string> split_words(std::string_view in) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < in.size()) {
    while (i < in.size() && (in[i] == ' ' || in[i] == '\t' || in[i] == '\n' || in[i] == '\r')) ++i;
    std::size_t start = i;
    while (i < in.size() && !(in[i] == ' ' || in[i] == '\t' || in[i] == '\n' || in[i] == '\r')) ++i;
    if (i > start) out.emplace_back(in.substr(start, i - start));
  }
  return out;
}

bool is_valid_utf8(std::string_view in) {
  std::size_t i = 0;
  const std::size_t n = in.size();
  while (i < n) {
    // Eight ASCII bytes at a time (most text is ASCII).
    while (i + 8 <= n) {
      std::uint64_t word;
      std::memcpy(&word, in.data() + i, 8);
      if ((word & 0x8080808080808080ull) != 0) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = static_cast<unsigned char>(in[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len = 0;
    std::uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + static_cast<std::size_t>(len) > n) return false;
    for (int k = 1; k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(in[i + static_cast<std::size_t>(k)]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000)) return false;
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += static_cast<std::size_t>(len);
  }
  return true;
}

bool has_control_chars(std::string_view in) {
  for (unsigned char c : in) {
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return true;
  }
  return false;
}

std::string html_escape(std::string_view in) {
  std::string out;
  out.reserve(in.size() + 16);
  append_html_escaped(out, in);
  return out;
}

void append_html_escaped(std::string& out, std::string_view in) {
  for (char c : in) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
}

namespace {
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_unit(std::string_view letters) {
  static const char* const kUnits[] = {"g",   "gm",   "gms",  "gram",   "grams",   "kg",     "kgs",      "mg",
                                       "mcg", "ml",   "l",    "lt",     "ltr",     "litre",  "litres",   "liter",
                                       "liters", "oz", "cap", "caps",   "capsule", "capsules", "tab",    "tabs",
                                       "tablet", "tablets", "pc", "pcs", nullptr};
  if (letters.size() > 8) return false;
  char lower[8];
  for (std::size_t i = 0; i < letters.size(); ++i) lower[i] = static_cast<char>(letters[i] | 0x20);
  const std::string_view folded(lower, letters.size());
  for (const char* const* u = kUnits; *u != nullptr; ++u)
    if (folded == *u) return true;
  return false;
}
}  // namespace

std::string split_quantities(std::string_view in) {
  std::string out;
  out.reserve(in.size() + 4);
  std::size_t i = 0;
  while (i < in.size()) {
    const bool word_start = i == 0 || !(is_ascii_letter(in[i - 1]) || is_ascii_digit(in[i - 1]) || in[i - 1] == '.');
    if (!word_start || !is_ascii_digit(in[i])) {
      out += in[i++];
      continue;
    }
    std::size_t number_end = i;
    while (number_end < in.size() && is_ascii_digit(in[number_end])) ++number_end;
    if (number_end + 1 < in.size() && (in[number_end] == '.' || in[number_end] == ',') &&
        is_ascii_digit(in[number_end + 1])) {
      ++number_end;
      while (number_end < in.size() && is_ascii_digit(in[number_end])) ++number_end;
    }
    std::size_t letters_end = number_end;
    while (letters_end < in.size() && is_ascii_letter(in[letters_end])) ++letters_end;
    const bool word_end = letters_end == in.size() || !is_ascii_digit(in[letters_end]);
    out.append(in.substr(i, number_end - i));
    if (letters_end > number_end && word_end && is_unit(in.substr(number_end, letters_end - number_end))) out += ' ';
    out.append(in.substr(number_end, letters_end - number_end));
    i = letters_end;
  }
  return out;
}

void append_copy_field(std::string& out, std::string_view in) {
  std::size_t plain_from = 0;  // bytes from here on are appended in one piece
  for (std::size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    const char* escaped = c == '\\' ? "\\\\" : c == '\t' ? "\\t" : c == '\n' ? "\\n" : c == '\r' ? "\\r" : nullptr;
    if (escaped == nullptr) continue;
    out.append(in.data() + plain_from, i - plain_from);
    out.append(escaped, 2);
    plain_from = i + 1;
  }
  out.append(in.data() + plain_from, in.size() - plain_from);
}

}  // namespace ayc::text
