#include "common/latin_fold.h"

#include <string>

#include <catch2/catch.hpp>

#include "common/text.h"

namespace ayc::text {
namespace {

TEST_CASE("IAST and accented spellings read as shoppers type them") {
  CHECK(normalize("A\u015Bvagandh\u0101 Ch\u016Br\u1E47a") == "ashvagandha churna");
  CHECK(normalize("Mah\u0101n\u0101r\u0101ya\u1E47a Taila") == "mahanarayana taila");
  CHECK(normalize("Gh\u1E5Bta, Am\u1E5Bta, K\u1E63\u012Brab\u0101l\u0101") == "ghrita amrita kshirabala");
  CHECK(normalize("\u0100YURV\u00C9DIC Stra\u00DFe") == "ayurvedic strasse");  // capitals fold to lower case
  CHECK(normalize("Sa\u1E43hit\u0101 \u1E44 \u00F1") == "samhita n n");
  CHECK(normalize("Ashwa\u00ADgandha") == "ashwagandha");
}

TEST_CASE("ascii_for_latin covers the two Latin blocks and nothing else") {
  CHECK(std::string(ascii_for_latin(0xC0)) == "a");
  CHECK(std::string(ascii_for_latin(0x17F)) == "s");
  CHECK(std::string(ascii_for_latin(0x1E63)) == "sh");
  CHECK(ascii_for_latin('a') == nullptr);
  CHECK(ascii_for_latin(0xD7) == nullptr);  // the multiplication sign
  CHECK(ascii_for_latin(0x905) == nullptr);
  CHECK(ascii_for_latin(0x1F00) == nullptr);
}

}  // namespace
}  // namespace ayc::text
