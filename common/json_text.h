// Writing JSON strings by hand, safely.
//
// The server emits small JSON documents (errors, health, spool lines) without
// a DOM. json_quote() escapes quotes, backslashes and control characters and
// replaces invalid UTF-8 with U+FFFD, so even a message that echoes hostile
// input is a valid JSON string.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace ayc::text {

// `in` as a quoted JSON string literal: hello "x" -> "hello \"x\"".
std::string json_quote(std::string_view in);
// The same, appended to `out` (for documents built piece by piece).
void append_json_quoted(std::string& out, std::string_view in);

// `v` as a JSON number with at most two decimals, trailing zeros dropped
// (12.5, 3, 0.99; -0 as 0): prices, ratings, milliseconds.
void append_json_number(std::string& out, double v);

// `in` with every invalid UTF-8 sequence replaced by U+FFFD and NUL bytes
// removed: text PostgreSQL will always accept.
std::string to_valid_utf8(std::string_view in);

// The first `max_chars` code points of valid UTF-8 `in`.
std::string_view truncate_utf8(std::string_view in, std::size_t max_chars);

// At most `max_bytes` of `in`, cut before a code point that would not fit
// (never inside a UTF-8 sequence).
std::string_view truncate_utf8_bytes(std::string_view in, std::size_t max_bytes);

// Number of code points in valid UTF-8 `in`.
std::size_t utf8_length(std::string_view in);

}  // namespace ayc::text
