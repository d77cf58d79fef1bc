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

// How word splitting sees the character that starts at in[i] (i < size):
// ASCII letters and digits and the letters of other scripts are part of a
// word; ASCII punctuation and the Unicode punctuation, symbols and spaces
// that real copy and phone keyboards are full of (curly quotes, en and em
// dashes, no-break spaces, bullets, (R), TM, the rupee sign, emoji) separate
// words; soft hyphens, zero-width characters and byte order marks are
// invisible (dropped, joining what is around them). A byte that does not
// start valid UTF-8 is one word byte, so nothing is lost.
enum class CharRole { kWord, kSeparator, kInvisible };
struct CharInfo {
  CharRole role;
  std::size_t length;            // bytes
  std::uint32_t code_point = 0;  // 0 for a byte that does not start valid UTF-8
};
CharInfo char_at(std::string_view in, std::size_t i);

// ASCII letters lower-cased, every other byte as it is (header names, hex
// digits, tags: text whose case is ASCII by definition).
char ascii_lower(char c);
std::string ascii_lower(std::string_view in);

// The value of a hexadecimal digit (either case), or -1 for any other byte.
int hex_digit_value(char c);

// The words of a text as the index holds them and queries are matched:
// lower-cases ASCII letters, spells Latin letters with diacritics in ASCII
// (latin_fold.h: "\u0101" -> "a", "\u015B" -> "sh"), drops a possessive "'s"
// ("women's" -> "women"), turns punctuation (ASCII or Unicode, see char_at)
// into spaces, drops invisible characters, collapses runs of whitespace and
// trims:
// "  A\u015Bvagandha\u2013Churna (100g) " -> "ashvagandha churna 100g".
std::string normalize(std::string_view in);

// URL slug: "Mahanarayan Oil 200 ml" -> "mahanarayan-oil-200-ml".
std::string slugify(std::string_view in);

// Percent-encodes everything but unreserved characters (RFC 3986), for a
// query-string value: "pet dard" -> "pet%20dard".
std::string url_encode(std::string_view text);

// Puts a space between a quantity and the unit written against it, so
// "Chyawanprash 500g" and a shopper's "500ml" have the words of "500 g" and
// "500 ml": "1.5kg" -> "1.5 kg", "60Caps" -> "60 Caps". Only known units
// (g, gm, kg, mg, mcg, ml, l, ltr, litre, oz, cap(s), capsule(s), tab(s),
// tablet(s), pc(s)) after a number that starts a word; other mixes of letters
// and digits ("a2", "b12", "liv52", "500mgx") are left alone.
std::string split_quantities(std::string_view in);

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
