#include "recsys/ingredient_kb.h"

#include <catch2/catch.hpp>

namespace ayc::recsys {
namespace {

const std::vector<KbIngredient> kKb = {
    {"Ashwagandha", {"Ashwagandha", "Asgandh", "Indian ginseng", "Withania somnifera", "Winter cherry"}},
    {"Brahmi", {"Brahmi", "Jalabrahmi", "Water hyssop", "Bacopa monnieri"}},
    {"Mandukaparni", {"Brahmi", "Gotu kola", "Centella asiatica"}},  // also called Brahmi in some regions
};

TEST_CASE("every name of a herb resolves to its canonical id, case and punctuation aside") {
  const IngredientResolver r(kKb);
  CHECK(r.find("Ashwagandha") == 0u);
  CHECK(r.find("asgandh") == 0u);
  CHECK(r.find("WITHANIA SOMNIFERA") == 0u);
  CHECK(r.find("  Indian-Ginseng ") == 0u);
  CHECK(r.find("Bacopa monnieri") == 1u);
  CHECK(r.find("Centella asiatica") == 2u);
  CHECK_FALSE(r.find("Tulsi").has_value());
}

TEST_CASE("a canonical name wins a clash with another herb's synonym") {
  const IngredientResolver r(kKb);
  CHECK(r.find("Brahmi") == 1u);
}

TEST_CASE("a longer label matches its longest known run of words") {
  const IngredientResolver r(kKb);
  CHECK(r.find("Ashwagandha root extract") == 0u);
  CHECK(r.find("Organic Withania somnifera (root)") == 0u);
  CHECK(r.find("Gotu kola leaf") == 2u);
}

TEST_CASE("unknown names get stable ids of their own") {
  IngredientResolver r(kKb);
  const auto tulsi = r.resolve("Tulsi");
  REQUIRE(tulsi.has_value());
  CHECK(*tulsi >= r.kb_size());
  CHECK(r.resolve("TULSI") == tulsi);
  CHECK(r.resolve("Shatavari") != tulsi);
  CHECK(r.resolve("asgandh") == 0u);
  CHECK(r.size() == r.kb_size() + 2);
  CHECK_FALSE(r.resolve(" -- ").has_value());
}

}  // namespace
}  // namespace ayc::recsys
