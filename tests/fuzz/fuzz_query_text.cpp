// Fuzz target: the text pipeline a shopper's query (and the catalogue's
// copy) goes through: common/query_text.h (Devanagari romanized, quantities
// split, text::normalize), common/text.h, common/devanagari.h,
// common/latin_fold.h, common/phonetic.h, common/markup.h,
// common/json_text.h, and the engine's reading of a query into words
// (search::parse_query, the words spelling correction and the phonetic
// lookup are given, and their stems).
//
// The input is the typed text itself (any bytes). Invariants, from the headers:
//   - parse_query drops function words only, and every word only when all
//     are function words (only_function_words says so);
//   - nothing crashes, for any bytes (the query parameter is checked as
//     UTF-8 by the handlers, but the indexer runs the same code on catalogue
//     text);
//   - valid UTF-8 in, valid UTF-8 out: normalize, query_text,
//     split_quantities, devanagari_to_latin, markup_to_text, slugify, every
//     word, the truncations;
//   - normalize and query_text give lower-case words of [a-z0-9] and other
//     scripts' letters, one space apart, trimmed (no ASCII punctuation or
//     control characters);
//   - devanagari_to_latin returns text without Devanagari unchanged, and a
//     romanization adds no control characters; split_quantities only
//     inserts spaces; markup_to_text returns text without '<' or '&'
//     unchanged;
//   - slugify gives [a-z0-9]+ joined by single '-' and is idempotent;
//   - phonetic_key is empty or at least 3 lower-case letters, and empty for
//     anything but 4+ lower-case ASCII letters;
//   - to_valid_utf8 gives valid UTF-8 without NUL and keeps valid text
//     without NUL as it is; json_quote parses back (simdjson) to exactly
//     to_valid_utf8(input);
//   - truncate_utf8 / truncate_utf8_bytes give a prefix within the limit,
//     never cutting a character of valid text;
//   - ascii_for_latin gives lower-case ASCII letters (checked once for
//     every code point at start-up).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <simdjson.h>

#include "common/devanagari.h"
#include "common/json_text.h"
#include "common/latin_fold.h"
#include "common/markup.h"
#include "common/phonetic.h"
#include "common/query_text.h"
#include "common/text.h"
#include "index/index_schema.h"
#include "index/query_words.h"
#include "server/search/query_builder.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

using ayc::fuzz::escaped;
namespace text = ayc::text;

bool has_devanagari(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const text::CharInfo c = text::char_at(s, i);
    if (c.code_point >= 0x0900 && c.code_point <= 0x097F) return true;
    i += c.length;
  }
  return false;
}

bool is_lower_ascii_word_byte(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// Words of [a-z0-9] or non-ASCII bytes, one space apart, trimmed.
void check_normalized(const std::string& out, std::string_view in, const char* what) {
  AYC_FUZZ_CHECK(out.empty() || (out.front() != ' ' && out.back() != ' '),
                 std::string(what) + " is not trimmed: '" + escaped(out) + "' from '" + escaped(in) + "'");
  AYC_FUZZ_CHECK(out.find("  ") == std::string::npos,
                 std::string(what) + " has two spaces in a row: '" + escaped(out) + "' from '" + escaped(in) + "'");
  for (unsigned char c : out) {
    AYC_FUZZ_CHECK(c >= 0x80 || c == ' ' || is_lower_ascii_word_byte(c),
                   std::string(what) + " kept ASCII byte " + escaped(std::string(1, static_cast<char>(c))) +
                       ": '" + escaped(out) + "' from '" + escaped(in) + "'");
  }
}

void check_valid(const std::string& out, std::string_view in, const char* what) {
  AYC_FUZZ_CHECK(text::is_valid_utf8(out),
                 std::string(what) + " made valid UTF-8 invalid: '" + escaped(out) + "' from '" + escaped(in) + "'");
}

// `out` is `in` with spaces inserted.
bool only_spaces_inserted(std::string_view in, std::string_view out) {
  std::size_t i = 0;
  for (char c : out) {
    if (i < in.size() && c == in[i]) {
      ++i;
    } else if (c != ' ') {
      return false;
    }
  }
  return i == in.size();
}

bool is_slug(std::string_view s) {
  if (s.empty()) return true;
  if (s.front() == '-' || s.back() == '-' || s.find("--") != std::string_view::npos) return false;
  for (unsigned char c : s)
    if (!is_lower_ascii_word_byte(c) && c != '-') return false;
  return true;
}

void check_json_quote(std::string_view in) {
  thread_local simdjson::dom::parser parser;
  const std::string quoted = text::json_quote(in);
  std::string_view back;
  const auto err = parser.parse(quoted.data(), quoted.size(), true).get_string().get(back);
  AYC_FUZZ_CHECK(err == simdjson::SUCCESS, "json_quote output does not parse (" +
                                               std::string(simdjson::error_message(err)) + "): " + escaped(quoted));
  AYC_FUZZ_CHECK(back == text::to_valid_utf8(in), "json_quote does not decode to to_valid_utf8(input): '" +
                                                      escaped(back) + "' from '" + escaped(in) + "'");
}

void check_truncations(std::string_view in, bool valid) {
  for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{7}, std::size_t{100}, in.size() / 2}) {
    const std::string_view chars = text::truncate_utf8(in, n);
    AYC_FUZZ_CHECK(in.substr(0, chars.size()) == chars && chars.data() == in.data(), "truncate_utf8 is no prefix");
    if (valid) {
      AYC_FUZZ_CHECK(text::is_valid_utf8(chars) && text::utf8_length(chars) == std::min(n, text::utf8_length(in)),
                     "truncate_utf8(" + std::to_string(n) + ") gave '" + escaped(chars) + "' from '" + escaped(in) +
                         "'");
    }
    const std::string_view bytes = text::truncate_utf8_bytes(in, n);
    AYC_FUZZ_CHECK(bytes.size() <= n || (n >= in.size() && bytes.size() == in.size()),
                   "truncate_utf8_bytes went over its limit");
    AYC_FUZZ_CHECK(in.substr(0, bytes.size()) == bytes && bytes.data() == in.data(), "truncate_utf8_bytes is no prefix");
    if (valid) {
      AYC_FUZZ_CHECK(text::is_valid_utf8(bytes), "truncate_utf8_bytes(" + std::to_string(n) +
                                                     ") cut a character: '" + escaped(bytes) + "'");
      // Only what does not fit is left out: the next character would not fit.
      if (bytes.size() < in.size()) {
        const std::size_t next = text::char_at(in, bytes.size()).length;
        AYC_FUZZ_CHECK(bytes.size() + next > n, "truncate_utf8_bytes cut more than it had to");
      }
    }
  }
}

void check_phonetic(const std::string& word) {
  const std::string key = text::phonetic_key(word);
  bool lower_ascii = word.size() >= 4;
  for (char c : word) lower_ascii = lower_ascii && c >= 'a' && c <= 'z';
  if (!lower_ascii) {
    AYC_FUZZ_CHECK(key.empty(), "phonetic_key of '" + escaped(word) + "' is '" + escaped(key) + "'");
    return;
  }
  AYC_FUZZ_CHECK(key.empty() || key.size() >= 3, "phonetic_key shorter than 3: '" + escaped(key) + "'");
  for (char c : key) AYC_FUZZ_CHECK(c >= 'a' && c <= 'z', "phonetic_key has '" + escaped(key) + "'");
}

const ayc::index::QueryWords& query_words() {
  static const ayc::index::QueryWords words = [] {
    ayc::index::QueryWords w;
    (void)w.add("online", "noise");
    (void)w.add("buy", "noise");
    (void)w.add("maha", "grade");
    (void)w.add("ke", "function");
    (void)w.add("liye", "function");
    (void)w.add("oil", "generic");
    return w;
  }();
  return words;
}

// Every code point ascii_for_latin folds becomes lower-case ASCII letters.
bool check_latin_fold_once() {
  for (std::uint32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    const char* folded = text::ascii_for_latin(cp);
    if (folded == nullptr) continue;
    AYC_FUZZ_CHECK(*folded != '\0', "ascii_for_latin gave an empty spelling");
    for (const char* p = folded; *p != '\0'; ++p) {
      AYC_FUZZ_CHECK(*p >= 'a' && *p <= 'z', "ascii_for_latin(U+" + std::to_string(cp) + ") is not lower-case ASCII");
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const bool latin_fold_checked = check_latin_fold_once();
  (void)latin_fold_checked;
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  const bool valid = text::is_valid_utf8(in);
  const bool has_nul = in.find('\0') != std::string_view::npos;

  // The characters as word splitting sees them.
  for (std::size_t i = 0; i < in.size();) {
    const text::CharInfo c = text::char_at(in, i);
    AYC_FUZZ_CHECK(c.length >= 1 && i + c.length <= in.size(), "char_at gave a bad length");
    i += c.length;
  }

  // The pipeline, piece by piece and whole.
  const std::string latin = text::devanagari_to_latin(in);
  if (!has_devanagari(in) && valid) {
    AYC_FUZZ_CHECK(latin == in, "devanagari_to_latin changed text without Devanagari: '" + escaped(in) + "'");
  }
  if (valid) {
    check_valid(latin, in, "devanagari_to_latin");
    AYC_FUZZ_CHECK(!text::has_control_chars(latin) || text::has_control_chars(in),
                   "devanagari_to_latin wrote a control character: '" + escaped(latin) + "' from '" + escaped(in) +
                       "'");
  }
  const std::string quantities = text::split_quantities(in);
  AYC_FUZZ_CHECK(only_spaces_inserted(in, quantities),
                 "split_quantities did more than insert spaces: '" + escaped(quantities) + "'");
  if (valid) check_valid(quantities, in, "split_quantities");

  const std::string normalized = text::normalize(in);
  check_normalized(normalized, in, "normalize");
  if (valid) check_valid(normalized, in, "normalize");

  const std::string query = text::query_text(in);
  check_normalized(query, in, "query_text");
  if (valid) check_valid(query, in, "query_text");
  AYC_FUZZ_CHECK(query == text::normalize(text::split_quantities(latin)), "query_text is not its documented pipeline");

  // What the engine does with it: words, the spelling table's and the
  // phonetic lookup's view of each, stems for highlighting.
  const std::vector<std::string> words = text::split_words(query);
  for (const auto& w : words) {
    AYC_FUZZ_CHECK(!w.empty() && w.find_first_of(" \t\r\n") == std::string::npos, "split_words gave '" + escaped(w) + "'");
    if (valid) check_valid(w, in, "a query word");
    check_phonetic(w);
    if (ayc::index::is_spelling_word(w)) {
      AYC_FUZZ_CHECK(w.size() >= 3 && w.size() <= 40, "is_spelling_word accepts '" + escaped(w) + "'");
    }
  }
  const ayc::search::ParsedQuery parsed = ayc::search::parse_query(std::string(in), query_words());
  AYC_FUZZ_CHECK(parsed.words.size() <= words.size(), "parse_query found more words than the query has");
  // Only function words ("ke liye") may leave nothing, and then say so.
  bool all_function = !words.empty();
  for (const auto& w : words) all_function = all_function && query_words().is_function(w);
  AYC_FUZZ_CHECK(parsed.empty() == (words.empty() || all_function),
                 "parse_query dropped every word of a query that has some besides function words");
  AYC_FUZZ_CHECK(parsed.only_function_words == all_function, "parse_query misreports a query of function words");
  for (const auto& w : parsed.words) AYC_FUZZ_CHECK(!query_words().is_function(w), "parse_query kept a function word");
  AYC_FUZZ_CHECK(words.empty() || !ayc::search::phrase_as_query(std::string(in), query_words()).empty(),
                 "phrase_as_query left nothing of a phrase with words");
  for (const auto& w : parsed.words) check_phonetic(w);
  (void)ayc::search::highlight_stems(parsed);

  const std::string slug = text::slugify(in);
  AYC_FUZZ_CHECK(is_slug(slug), "slugify gave '" + escaped(slug) + "'");
  AYC_FUZZ_CHECK(text::slugify(slug) == slug, "slugify is not idempotent: '" + escaped(slug) + "'");

  const std::string plain = text::markup_to_text(in);
  if (in.find_first_of("<&") == std::string_view::npos) {
    AYC_FUZZ_CHECK(plain == in, "markup_to_text changed text without '<' or '&'");
  }
  if (valid) check_valid(plain, in, "markup_to_text");

  // JSON strings, PostgreSQL text, truncations.
  const std::string repaired = text::to_valid_utf8(in);
  AYC_FUZZ_CHECK(text::is_valid_utf8(repaired) && repaired.find('\0') == std::string::npos,
                 "to_valid_utf8 gave '" + escaped(repaired) + "'");
  if (valid && !has_nul) AYC_FUZZ_CHECK(repaired == in, "to_valid_utf8 changed valid text");
  check_json_quote(in);
  check_truncations(in, valid);
  const std::string html = text::html_escape(in);
  AYC_FUZZ_CHECK(html.find_first_of("<>\"'") == std::string::npos, "html_escape left a special character");
  return 0;
}
