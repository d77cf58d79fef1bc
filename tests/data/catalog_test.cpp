#include "data/datagen/catalog.h"

#include <set>

#include <catch2/catch.hpp>

#include "common/text.h"
#include "data/datagen/catalog_rows.h"
#include "data/datagen/product_text.h"
#include "tests/data/test_reference.h"

namespace ayc::datagen {
namespace {

using testing::test_reference;
using testing::test_window;

TEST_CASE("templates cover formulations, knowledge-base herbs and named products") {
  const ReferenceData ref = test_reference();
  const auto templates = build_templates(ref);
  std::set<std::string> keys;
  for (const auto& t : templates) {
    REQUIRE(keys.insert(t.key).second);
    CHECK_FALSE(t.brands.empty());
    CHECK_FALSE(t.packs.empty());
  }
  CHECK(keys.count("f:Ashwagandharishta"));
  CHECK(keys.count("f:Rasnadi Kashayam Tablets"));
  CHECK(keys.count("h:Ashwagandha:capsule"));
  CHECK(keys.count("h:Guduchi:juice"));  // content says "Guduchi"; found through the knowledge base
  CHECK(keys.count("n:Neem Face Wash"));
  for (const auto& t : templates) {
    if (t.key != "f:Triphala Churna") continue;
    REQUIRE(t.ingredients.size() == 3);
    CHECK(t.ingredients[2].name == "Amalaki");  // content says "Amla": resolved to the canonical name
    CHECK(t.ingredients[2].kb >= 0);
  }
}

TEST_CASE("a catalogue has unique slugs and SKUs, sane prices and the status mix") {
  const ReferenceData ref = test_reference();
  const Catalog c = build_catalog(ref, 11, 4000, test_window());
  REQUIRE(c.products.size() == 4000);
  std::set<std::string> slugs, skus;
  std::map<ProductStatus, int> statuses;
  for (std::uint32_t p = 0; p < c.products.size(); ++p) {
    const ProductSpec& s = c.products[p];
    REQUIRE(slugs.insert(product_slug(c, p)).second);
    REQUIRE(skus.insert(product_sku(c, p, s.pack)).second);
    REQUIRE(s.price_paise > 0);
    REQUIRE(s.mrp_paise >= s.price_paise);
    const auto& eligible = c.templates[s.tmpl].brands;
    REQUIRE(std::find(eligible.begin(), eligible.end(), s.brand) != eligible.end());
    REQUIRE(s.created_day < c.window.days());
    ++statuses[s.status];
  }
  CHECK(statuses[ProductStatus::kActive] > 3300);
  CHECK(statuses[ProductStatus::kDraft] > 80);
  CHECK(statuses[ProductStatus::kInactive] > 40);
  CHECK(statuses[ProductStatus::kDiscontinued] > 40);
}

TEST_CASE("a catalogue bigger than all combinations still gets unique slugs") {
  const ReferenceData ref = test_reference();
  const Catalog c = build_catalog(ref, 3, 60000, test_window());
  std::set<std::string> slugs;
  std::size_t relisted = 0;
  for (std::uint32_t p = 0; p < c.products.size(); ++p) {
    REQUIRE(slugs.insert(product_slug(c, p)).second);
    relisted += c.products[p].listing > 0 ? 1 : 0;
  }
  CHECK(relisted > 0);
  CHECK(relisted < c.products.size() / 2);
}

TEST_CASE("the same seed gives the same catalogue, another seed another") {
  const ReferenceData ref = test_reference();
  const Catalog a = build_catalog(ref, 5, 500, test_window());
  const Catalog b = build_catalog(ref, 5, 500, test_window());
  const Catalog other = build_catalog(ref, 6, 500, test_window());
  int differences = 0;
  for (std::uint32_t p = 0; p < 500; ++p) {
    REQUIRE(product_title(a, p) == product_title(b, p));
    REQUIRE(a.products[p].price_paise == b.products[p].price_paise);
    differences += product_title(a, p) != product_title(other, p) ? 1 : 0;
  }
  CHECK(differences > 250);
}

TEST_CASE("variants are one to three packs, including the product's own") {
  const ReferenceData ref = test_reference();
  const Catalog c = build_catalog(ref, 8, 1500, test_window());
  std::size_t total = 0;
  for (std::uint32_t p = 0; p < c.products.size(); ++p) {
    auto vs = variants_of(c, p);
    REQUIRE(!vs.empty());
    REQUIRE(vs.size() <= 3);
    total += vs.size();
    bool own = false;
    for (std::size_t i = 0; i < vs.size(); ++i) {
      REQUIRE(vs[i].number == i);
      REQUIRE(vs[i].mrp_paise >= vs[i].price_paise);
      if (vs[i].pack == c.products[p].pack) {
        own = true;
        REQUIRE(vs[i].price_paise == c.products[p].price_paise);
      }
    }
    REQUIRE(own);
  }
  CHECK(total > c.products.size() * 3 / 2);
}

TEST_CASE("shelf prices end like real Indian price tags") {
  CHECK(price_point(24900, false) == 24900);
  CHECK(price_point(25010, false) == 24900);  // 250 -> 249
  CHECK(price_point(18320, false) == 18500);  // rounds to 5 rupees
  CHECK(price_point(4520, false) == 4500);    // under 50: whole rupees
  CHECK(price_point(123456, true) == 124000);
}

TEST_CASE("product text reads like a listing and its JSON has the expected shapes") {
  const ReferenceData ref = test_reference();
  const Catalog c = build_catalog(ref, 2, 800, test_window());
  int objects = 0, strings = 0, alternative_names = 0;
  for (std::uint32_t p = 0; p < c.products.size(); ++p) {
    Rng rng(2, Stream::kProduct, p + 999);
    const ProductCopy copy = product_copy(c, p, rng);
    REQUIRE(copy.ingredients_json.front() == '[');
    REQUIRE(copy.indications_json.front() == '[');
    REQUIRE(copy.description.find("How to use:") != std::string::npos);
    REQUIRE(text::is_valid_utf8(copy.description));
    objects += copy.ingredients_json.rfind("[{", 0) == 0 ? 1 : 0;
    strings += copy.ingredients_json.rfind("[\"", 0) == 0 ? 1 : 0;
    for (const char* alt : {"\"Amla\"", "\"Giloy\"", "\"Asgandh\"", "\"Withania somnifera\"", "\"Indian gooseberry\""}) {
      alternative_names += copy.ingredients_json.find(alt) != std::string::npos ? 1 : 0;
    }
  }
  CHECK(objects > 400);
  CHECK(strings > 60);
  CHECK(alternative_names > 20);
}

}  // namespace
}  // namespace ayc::datagen
