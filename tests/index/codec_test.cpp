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

TEST_CASE("suggestions round-trip") {
  Suggestion s{"Tulsi", {"tulsi", "holy basil", "ocimum sanctum"}, SuggestionKind::kIngredient, "tulsi", 3.5};
  auto back = decode_suggestion(encode_suggestion(s));
  REQUIRE(back);
  CHECK(back->keys.size() == 3);
  CHECK(back->kind == SuggestionKind::kIngredient);
  CHECK(std::string(suggestion_kind_name(back->kind)) == "ingredient");
}

TEST_CASE("compact lists decode back to the same products and scores") {
  const std::vector<std::string> ids = {"00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002",
                                        "00000000-0000-4000-8000-000000000003"};
  auto table = decode_product_ordinals(encode_product_ordinals(ids));
  REQUIRE(table);
  CHECK(*table == ids);
  // Scores are floats in the lists and in ScoredItem: stored exactly.
  const std::vector<CompactItem> items = {{2, 0.9999f}, {0, 0.123456789f}, {1, 1e-7f}};
  const std::string bytes = encode_compact_list(items);
  CHECK(bytes.size() == 2 + 3 * 5);  // version, count, then 1-byte ordinals and 4-byte scores
  auto list = decode_compact_list(bytes, *table);
  REQUIRE(list);
  REQUIRE(list->size() == 3);
  for (std::size_t i = 0; i < items.size(); ++i) {
    CHECK((*list)[i].id == ids[items[i].ordinal]);
    CHECK((*list)[i].score == items[i].score);
  }
  auto empty = decode_compact_list(encode_compact_list({}), *table);
  REQUIRE(empty);
  CHECK(empty->empty());
  // Ordinals past 127 take more varint bytes and still decode.
  std::vector<std::string> many;
  for (int i = 0; i < 70000; ++i) many.push_back("p" + std::to_string(i));
  auto far = decode_compact_list(encode_compact_list({{69999, 0.5f}, {128, 0.25f}}), many);
  REQUIRE(far);
  CHECK((*far)[0].id == "p69999");
  CHECK((*far)[1].id == "p128");
}

TEST_CASE("a compact list that is damaged or names an ordinal outside the table decodes to nothing") {
  const std::vector<std::string> ids = {"a", "b"};
  const std::string bytes = encode_compact_list({{1, 0.5f}, {0, 0.25f}});
  CHECK(decode_compact_list(bytes, ids));
  CHECK_FALSE(decode_compact_list(bytes.substr(0, bytes.size() - 1), ids));
  CHECK_FALSE(decode_compact_list(bytes + "x", ids));
  CHECK_FALSE(decode_compact_list("", ids));
  CHECK_FALSE(decode_compact_list(bytes, {"a"}));                                  // ordinal 1 unknown
  std::string v1 = bytes;
  v1[0] = 1;  // the version byte of format 11's lists, which named products by id
  CHECK_FALSE(decode_compact_list(v1, ids));
  const std::string table = encode_product_ordinals(ids);
  CHECK_FALSE(decode_product_ordinals(table.substr(0, table.size() - 1)));
  CHECK_FALSE(decode_product_ordinals(table + "x"));
}

}  // namespace
}  // namespace ayc::features
