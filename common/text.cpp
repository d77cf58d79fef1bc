#include "common/text.h"

#include <cstring>

namespace ayc::text {

namespace {
bool is_alnum_ascii(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
char lower(unsigned char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : char(c); }
}  // namespace

std::string normalize(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  bool pending_space = false;
  for (unsigned char c : in) {
    bool keep = is_alnum_ascii(c) || c >= 0x80;
    if (!keep) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) {
      out.push_back(' ');
      pending_space = false;
    }
    out.push_back(lower(c));
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
      out.push_back(lower(c));
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
