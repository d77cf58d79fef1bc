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
