// Small text helpers shared by the generator, the indexer and the server.
//
// All functions are pure and thread-safe. Text is UTF-8; case folding is
// ASCII-only on purpose (product data is Latin-script; other bytes pass through
// unchanged so nothing is lost).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ayc::text {

// Lower-cases ASCII letters, turns punctuation into spaces, collapses runs of
// whitespace and trims: "  Ashwagandha-Churna (100g) " -> "ashwagandha churna 100g".
std::string normalize(std::string_view in);

// URL slug: "Mahanarayan Oil 200 ml" -> "mahanarayan-oil-200-ml".
std::string slugify(std::string_view in);

// Splits on ASCII whitespace, dropping empty pieces.
std::vector<std::string> split_words(std::string_view in);

// True when `in` is well-formed UTF-8 (no overlongs, no surrogates).
bool is_valid_utf8(std::string_view in);

// True when `in` contains ASCII control characters other than tab/newline/CR.
bool has_control_chars(std::string_view in);

// Escapes &, <, >, " and ' for HTML text and attribute values.
std::string html_escape(std::string_view in);
// The same, appended to `out`.
void append_html_escaped(std::string& out, std::string_view in);

// Appends `in` as one field of PostgreSQL's COPY text format (backslash,
// tab, newline and carriage return escaped; NULL is written as \N by the caller).
void append_copy_field(std::string& out, std::string_view in);

}  // namespace ayc::text
