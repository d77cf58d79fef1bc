#include "common/text.h"

#include <catch2/catch.hpp>

namespace ayc::text {
namespace {

TEST_CASE("hex digits in either case have their values, other bytes none") {
  CHECK(hex_digit_value('0') == 0);
  CHECK(hex_digit_value('9') == 9);
  CHECK(hex_digit_value('a') == 10);
  CHECK(hex_digit_value('F') == 15);
  CHECK(hex_digit_value('g') == -1);
  CHECK(hex_digit_value('-') == -1);
  CHECK(hex_digit_value('\0') == -1);
}

TEST_CASE("normalize folds case and punctuation") {
  CHECK(normalize("  Ashwagandha-Churna (100g) ") == "ashwagandha churna 100g");
  CHECK(normalize("Chyawanprash") == "chyawanprash");
  CHECK(normalize("") == "");
  CHECK(normalize("...") == "");
}

TEST_CASE("normalize splits words at Unicode punctuation as at ASCII punctuation") {
  // What phone keyboards and copied product copy put between words.
  CHECK(normalize("Women\u2019s health") == normalize("Women's health"));
  CHECK(normalize("Ashwagandha\u2013Brahmi \u2014 tablets") == "ashwagandha brahmi tablets");
  CHECK(normalize("\u201CTriphala\u201D") == "triphala");
  CHECK(normalize("Liv.52\u00AE DS\u2122") == "liv 52 ds");
  CHECK(normalize("neem\u00A0face\u00A0wash \u2022 100\u00A0ml") == "neem face wash 100 ml");
  CHECK(normalize("\u20B9499 \U0001F33F tulsi") == "499 tulsi");
  CHECK(normalize("\u091C\u094B\u0921\u093C\u0964 \u0926\u0930\u094D\u0926") ==
        "\u091C\u094B\u0921\u093C \u0926\u0930\u094D\u0926");  // the danda ends a word
  // Invisible characters join what is around them.
  CHECK(normalize("Ashwa\u00ADgandha") == "ashwagandha");
  CHECK(normalize("\uFEFFtulsi\u200B") == "tulsi");
  CHECK(normalize("\u0915\u094D\u200D\u0937") == "\u0915\u094D\u0937");
  // Letters of other scripts, the micro sign and bytes that are not UTF-8 stay (accents fold: latin_fold_test).
  CHECK(normalize("Caf\u00E9 500\u00B5g") == "cafe 500\u00B5g");
  CHECK(normalize("bad\xFF byte\xE2\x80") == "bad\xFF byte\xE2\x80");
}

TEST_CASE("a possessive 's is dropped with its apostrophe, other apostrophes separate words") {
  CHECK(normalize("Women's Health") == "women health");
  CHECK(normalize("Dabur\u2019s Chyawanprash") == "dabur chyawanprash");
  CHECK(normalize("Nature's.") == "nature");
  CHECK(normalize("D'Cold Total") == "d cold total");
  CHECK(normalize("it'sy") == "it sy");   // not a word ending
  CHECK(normalize("'s") == "s");          // no word before it
  CHECK(normalize("amla 's") == "amla s");
}

TEST_CASE("char_at classifies one character and gives its length") {
  CHECK(char_at("a", 0).role == CharRole::kWord);
  CHECK(char_at("-", 0).role == CharRole::kSeparator);
  const std::string dash = "x\u2013y";
  CHECK(char_at(dash, 1).role == CharRole::kSeparator);
  CHECK(char_at(dash, 1).length == 3);
  CHECK(char_at("\u0905", 0).role == CharRole::kWord);
  CHECK(char_at("\u00AD", 0).role == CharRole::kInvisible);
  CHECK(char_at("\u00AD", 0).length == 2);
  CHECK(char_at("\xE2\x80", 0).length == 1);  // cut short: one word byte
}

TEST_CASE("url_encode keeps unreserved characters and percent-encodes every other byte") {
  CHECK(url_encode("pet dard ki dawai") == "pet%20dard%20ki%20dawai");
  CHECK(url_encode("A-z_0.9~") == "A-z_0.9~");
  CHECK(url_encode("a&b=c/d?") == "a%26b%3Dc%2Fd%3F");
  CHECK(url_encode("\xe0\xa4\xac") == "%E0%A4%AC");  // Devanagari BA, byte by byte
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
