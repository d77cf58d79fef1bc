#include <catch2/catch.hpp>

#include "index/query_words.h"

namespace ayc::index {
namespace {

TEST_CASE("query words are read as a query reads them and keep their role") {
  QueryWords words;
  REQUIRE(words.add("Āyurvedic", "noise").ok());
  REQUIRE(words.add(" MAHA ", "grade").ok());
  CHECK(words.is_noise("ayurvedic"));
  CHECK_FALSE(words.is_grade("ayurvedic"));
  CHECK(words.is_grade("maha"));
  CHECK_FALSE(words.is_noise("maha"));
  CHECK(words.size() == 2);
}

TEST_CASE("a query word that is not one word, or has no known role, is refused with the reason") {
  QueryWords words;
  const Status two = words.add("buy online", "noise");
  CHECK(two.code() == StatusCode::kInvalidArgument);
  CHECK(two.message().find("not exactly one word") != std::string::npos);
  CHECK(words.add("", "noise").code() == StatusCode::kInvalidArgument);
  const Status role = words.add("maha", "prefix");
  CHECK(role.code() == StatusCode::kInvalidArgument);
  CHECK(role.message().find("noise, grade, function or generic") != std::string::npos);
  CHECK(words.size() == 0);
}

TEST_CASE("query words survive encoding, and equal sets encode alike") {
  QueryWords a;
  REQUIRE(a.add("online", "noise").ok());
  REQUIRE(a.add("laghu", "grade").ok());
  REQUIRE(a.add("best", "noise").ok());
  REQUIRE(a.add("liye", "function").ok());
  REQUIRE(a.add("capsules", "generic").ok());
  QueryWords b;
  REQUIRE(b.add("capsules", "generic").ok());
  REQUIRE(b.add("liye", "function").ok());
  REQUIRE(b.add("best", "noise").ok());
  REQUIRE(b.add("laghu", "grade").ok());
  REQUIRE(b.add("online", "noise").ok());
  CHECK(a.encode() == b.encode());
  CHECK(a.encode() == "function liye\ngeneric capsules\ngrade laghu\nnoise best\nnoise online\n");

  auto back = QueryWords::decode(a.encode());
  REQUIRE(back.ok());
  CHECK(back->is_noise("best"));
  CHECK(back->is_noise("online"));
  CHECK(back->is_grade("laghu"));
  CHECK(back->is_function("liye"));
  CHECK_FALSE(back->is_noise("liye"));
  CHECK(back->is_generic("capsules"));
  CHECK(back->size() == 5);
  CHECK(QueryWords::decode("")->size() == 0);
}

TEST_CASE("a damaged query-word record is data loss, not an empty list") {
  CHECK(QueryWords::decode("noise\n").status().code() == StatusCode::kDataLoss);
  CHECK(QueryWords::decode("noise best\nsuffix x\n").status().code() == StatusCode::kDataLoss);
  CHECK(QueryWords::decode("noise two words\n").status().code() == StatusCode::kDataLoss);
}

}  // namespace
}  // namespace ayc::index
