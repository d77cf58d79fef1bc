#include "common/text.h"

#include <catch2/catch.hpp>

namespace ayc::text {
namespace {

TEST_CASE("normalize folds case and punctuation") {
  CHECK(normalize("  Ashwagandha-Churna (100g) ") == "ashwagandha churna 100g");
  CHECK(normalize("Chyawanprash") == "chyawanprash");
  CHECK(normalize("") == "");
  CHECK(normalize("...") == "");
}

TEST_CASE("slugify makes URL slugs") {
  CHECK(slugify("Mahanarayan Oil 200 ml") == "mahanarayan-oil-200-ml");
  CHECK(slugify("  Dhanwantharam Thailam (Kottakkal)!") == "dhanwantharam-thailam-kottakkal");
}

TEST_CASE("split_words drops empty pieces") {
  auto w = split_words("  tulsi   drops\tfor  cough ");
  REQUIRE(w.size() == 4);
  CHECK(w[0] == "tulsi");
  CHECK(w[3] == "cough");
}

TEST_CASE("UTF-8 validation") {
  CHECK(is_valid_utf8("Amalaki ₹ आमलकी"));
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
  CHECK_FALSE(is_valid_utf8("abc\xE2\x82"));       // truncated
  CHECK_FALSE(is_valid_utf8("\xFF"));
  // The bad byte anywhere in a long ASCII text (read eight bytes at a time).
  for (std::size_t at = 0; at < 30; ++at) {
    std::string text(30, 'x');
    CHECK(is_valid_utf8(text));
    text[at] = '\xFF';
    CHECK_FALSE(is_valid_utf8(text));
    text[at] = 'x';
    text.insert(at, "\xE0\xA4\xA4");
    CHECK(is_valid_utf8(text));
    text.erase(at + 2, 1);  // truncated in the middle
    CHECK_FALSE(is_valid_utf8(text));
  }
}

TEST_CASE("control characters and HTML escaping") {
  CHECK(has_control_chars(std::string("a\0b", 3)));
  CHECK(has_control_chars("a\x1b[31m"));
  CHECK_FALSE(has_control_chars("tab\tis fine\n"));
  CHECK(html_escape("<b>\"A&B\"</b>'") == "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;&#39;");
}

TEST_CASE("quantities are split from the units written against them") {
  CHECK(split_quantities("Chyawanprash 500g") == "Chyawanprash 500 g");
  CHECK(split_quantities("500ml, 1.5kg and 60Caps") == "500 ml, 1.5 kg and 60 Caps");
  CHECK(split_quantities("250mg/100ML") == "250 mg/100 ML");
  CHECK(split_quantities("100 g") == "100 g");
  // Not a number and a known unit: left alone.
  for (const char* same : {"A2 Desi Cow Ghee", "vitamin b12", "liv52", "500mgx", "2x60", "500ml2", "ml500", "60s"}) {
    INFO(same);
    CHECK(split_quantities(same) == same);
  }
  CHECK(split_quantities("") == "");
}

TEST_CASE("COPY text fields escape backslash, tab, newline and carriage return") {
  std::string out = "x\t";
  append_copy_field(out, "a\tb\nc\rd\\N");
  CHECK(out == "x\ta\\tb\\nc\\rd\\\\N");
  std::string plain;
  append_copy_field(plain, "Tulsi Drops 20 ml");
  CHECK(plain == "Tulsi Drops 20 ml");
}

}  // namespace
}  // namespace ayc::text
