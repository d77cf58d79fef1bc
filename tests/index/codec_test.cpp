#include <catch2/catch.hpp>

#include "index/features.h"

namespace ayc::features {
namespace {

ProductFeatures sample() {
  ProductFeatures p;
  p.id = "00000000-0000-4000-8000-000000000002";
  p.slug = "mahanarayan-oil-200-ml";
  p.name = "Mahanarayan Oil 200 ml";
  p.brand_name = "Kottakkal Arya Vaidya Sala";
  p.price = 420.5;
  p.rating = 4.5;
  p.review_count = 12;
  p.created_at = 1700000000;
  p.category_slugs = {"medicated-oils", "oils-ghee"};
  p.stock_by_country = {{"IN", 4}, {"US", 0}};
  p.prescription_required = true;
  return p;
}

TEST_CASE("product features survive encoding") {
  auto decoded = decode_product(encode_product(sample()));
  REQUIRE(decoded);
  CHECK(decoded->name == "Mahanarayan Oil 200 ml");
  CHECK(decoded->price == 420.5);
  CHECK(decoded->review_count == 12);
  CHECK(decoded->created_at == 1700000000);
  CHECK(decoded->category_slugs.size() == 2);
  CHECK(decoded->total_stock == 4);
  CHECK(decoded->in_stock_in("IN"));
  CHECK_FALSE(decoded->in_stock_in("US"));
  CHECK_FALSE(decoded->in_stock_in("GB"));
  CHECK(decoded->prescription_required);
}

TEST_CASE("damaged or foreign bytes decode to nothing") {
  std::string bytes = encode_product(sample());
  CHECK_FALSE(decode_product(bytes.substr(0, bytes.size() - 3)));
  CHECK_FALSE(decode_product(bytes + "x"));
  CHECK_FALSE(decode_product(""));
  std::string wrong_version = bytes;
  wrong_version[0] = 99;
  CHECK_FALSE(decode_product(wrong_version));
}

TEST_CASE("scored lists and suggestions round-trip") {
  std::vector<ScoredItem> items = {{"a", 0.9f}, {"b", 0.25f}};
  auto list = decode_scored_list(encode_scored_list(items));
  REQUIRE(list);
  REQUIRE(list->size() == 2);
  CHECK((*list)[1].id == "b");
  CHECK((*list)[1].score == Approx(0.25));

  Suggestion s{"Tulsi", {"tulsi", "holy basil", "ocimum sanctum"}, SuggestionKind::kIngredient, "tulsi", 3.5};
  auto back = decode_suggestion(encode_suggestion(s));
  REQUIRE(back);
  CHECK(back->keys.size() == 3);
  CHECK(back->kind == SuggestionKind::kIngredient);
  CHECK(std::string(suggestion_kind_name(back->kind)) == "ingredient");
}

}  // namespace
}  // namespace ayc::features
