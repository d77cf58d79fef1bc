// A decoder for PostgreSQL's COPY text format (the default FORMAT text, tab
// delimiter, NULL '\N'), written from PostgreSQL's documentation ("COPY",
// section "Text Format") and copy.c's CopyReadAttributesText, to read back
// what the search-log writer sends.
//
// A line is split on raw tabs; a field that is exactly \N is NULL; in any
// other field a backslash starts an escape: \b \f \n \r \t \v, \ followed by
// one to three octal digits, \x followed by one or two hex digits, and a
// backslash before any other character stands for that character. A lone
// backslash at the end of the line is an error ("unterminated escape").
// PostgreSQL then checks that the decoded bytes are valid in the database
// encoding (UTF-8; a NUL byte is never valid); copy_text_acceptable() is that
// check.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/text.h"

namespace ayc::fuzz {

using CopyField = std::optional<std::string>;  // nullopt: NULL

inline int copy_octal(char c) { return c >= '0' && c <= '7' ? c - '0' : -1; }
inline int copy_hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// One field's raw text (between tabs); nullopt inside when it is malformed.
inline std::optional<CopyField> decode_copy_field(std::string_view raw) {
  if (raw == "\\N") return CopyField();
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c != '\\') {
      out += c;
      continue;
    }
    if (++i == raw.size()) return std::nullopt;  // unterminated escape
    const char e = raw[i];
    if (copy_octal(e) >= 0) {
      int v = copy_octal(e);
      for (int k = 0; k < 2 && i + 1 < raw.size() && copy_octal(raw[i + 1]) >= 0; ++k) v = v * 8 + copy_octal(raw[++i]);
      out += static_cast<char>(v & 0xFF);
      continue;
    }
    if (e == 'x' && i + 1 < raw.size() && copy_hex(raw[i + 1]) >= 0) {
      int v = copy_hex(raw[++i]);
      if (i + 1 < raw.size() && copy_hex(raw[i + 1]) >= 0) v = v * 16 + copy_hex(raw[++i]);
      out += static_cast<char>(v);
      continue;
    }
    switch (e) {
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      default: out += e;  // "\\" is a backslash, "\N" inside a field is "N", ...
    }
  }
  return CopyField(std::move(out));
}

// A whole line without its newline; nullopt when a field is malformed or the
// line holds a raw carriage return or newline (PostgreSQL would end the row there).
inline std::optional<std::vector<CopyField>> decode_copy_line(std::string_view line) {
  if (line.find_first_of("\r\n") != std::string_view::npos) return std::nullopt;
  if (line == "\\.") return std::nullopt;  // the end-of-data marker, not a row
  std::vector<CopyField> fields;
  while (true) {
    const std::size_t tab = line.find('\t');
    auto field = decode_copy_field(line.substr(0, tab));
    if (!field) return std::nullopt;
    fields.push_back(std::move(*field));
    if (tab == std::string_view::npos) return fields;
    line.remove_prefix(tab + 1);
  }
}

// Whether PostgreSQL (UTF-8 database) stores these bytes as text.
inline bool copy_text_acceptable(std::string_view value) {
  return text::is_valid_utf8(value) && value.find('\0') == std::string_view::npos;
}

}  // namespace ayc::fuzz
