// How a search matched (SearchResult::match and its words), answers for
// things the store does not sell, and Hinglish read word by word. Real
// generations built by the real indexer (search_index_fixture.h).
#include <algorithm>

#include <catch2/catch.hpp>

#include "server/search/searcher.h"
#include "tests/server/search/search_index_fixture.h"
#include "tests/support/catalog_fixture.h"

namespace ayc::search {
namespace {

using ayc::testing::kAshwagandhaChurna;
using ayc::testing::kChyawanprash;
using ayc::testing::kMahanarayanOil;

using ayc::testing::ids;
using ayc::testing::must_search;
using ayc::testing::q;

using Words = std::vector<std::string>;

// Products whose descriptions mention, in passing, things the store does not
// sell ("yoga", "tea", "fish", "protein", "bar"), and products for the needs Hinglish
// queries below ask for.
const char* const kStoreSql = R"SQL(
INSERT INTO products (id, sku, name, slug, short_description, description, brand_id, type, form,
                      base_price, selling_price, stock_quantity, ingredients, indications, status,
                      is_prescription_required) VALUES
 ('00000000-0000-4000-8000-000000000011', 'DAB-PHP-10', 'Pudin Hara Pearls 10 capsules', 'pudin-hara-pearls',
  'Mint oil pearls for stomach ache and gas', 'Take one pearl with water or a cup of tea after meals; a handy strip, not a chocolate bar.',
  '10000000-0000-4000-8000-000000000001', 'medicine', 'capsule', 40, 38, 90,
  '["Pudina satva"]', '["stomach ache", "gas", "indigestion"]', 'active', false),
 ('00000000-0000-4000-8000-000000000012', 'DAB-YGG-60', 'Yogaraj Guggulu 60 tablets', 'yogaraj-guggulu',
  'Classical tablets for joint stiffness', 'Best taken with warm water, before a gentle morning yoga routine.',
  '10000000-0000-4000-8000-000000000001', 'medicine', 'tablet', 150, 140, 30,
  '["Guggulu"]', '["joint pain"]', 'active', false),
 ('00000000-0000-4000-8000-000000000013', 'DAB-ASR-450', 'Ashwagandharishta 450 ml', 'ashwagandharishta',
  'Fermented tonic for weakness and fatigue', 'Unlike fish liver tonics, wholly plant based: no protein shake.',
  '10000000-0000-4000-8000-000000000001', 'medicine', 'liquid', 200, 190, 40,
  '["Ashwagandha"]', '["weakness", "fatigue"]', 'active', false),
 ('00000000-0000-4000-8000-000000000014', 'DAB-KHV-40', 'Khadiradi Vati 40 tablets', 'khadiradi-vati',
  'Lozenge tablets for mouth ulcers and sore throat', NULL,
  '10000000-0000-4000-8000-000000000001', 'medicine', 'tablet', 60, 55, 30,
  '["Khadira"]', '["mouth ulcers", "sore throat"]', 'active', false),
 ('00000000-0000-4000-8000-000000000015', 'DAB-KKT-12', 'Kumkumadi Tailam 12 ml', 'kumkumadi-tailam',
  'Face oil for dark spots and an even glow', NULL,
  '10000000-0000-4000-8000-000000000001', 'oil', 'oil', 600, 560, 30,
  '["Saffron"]', '["dark spots", "skin glow"]', 'active', false);
INSERT INTO product_categories (product_id, category_id, is_primary) VALUES
 ('00000000-0000-4000-8000-000000000011', '20000000-0000-4000-8000-000000000001', true),
 ('00000000-0000-4000-8000-000000000012', '20000000-0000-4000-8000-000000000001', true),
 ('00000000-0000-4000-8000-000000000013', '20000000-0000-4000-8000-000000000001', true),
 ('00000000-0000-4000-8000-000000000014', '20000000-0000-4000-8000-000000000001', true),
 ('00000000-0000-4000-8000-000000000015', '20000000-0000-4000-8000-000000000004', true);
)SQL";
constexpr const char* kPudinHara = "00000000-0000-4000-8000-000000000011";
constexpr const char* kYogaraj = "00000000-0000-4000-8000-000000000012";
constexpr const char* kAshwagandharishta = "00000000-0000-4000-8000-000000000013";
constexpr const char* kKhadiradi = "00000000-0000-4000-8000-000000000014";
constexpr const char* kKumkumadi = "00000000-0000-4000-8000-000000000015";

TEST_CASE("an answer says how it matched, and each hit which words it matched") {
  ayc::testing::SearchIndexFixture fx(kStoreSql);
  const auto& s = *fx.snapshot;
  const auto all = must_search(s, q("mahanarayan oil"));
  CHECK(all.match == MatchKind::kAll);
  CHECK(all.matched_words == Words{"mahanarayan", "oil"});
  CHECK(all.dropped_words.empty());
  REQUIRE_FALSE(all.hits.empty());
  CHECK(all.hits.front().matched == 0b11);
  CHECK_FALSE(all.next_steps);

  const auto corrected = must_search(s, q("mahanarayn "));
  REQUIRE(corrected.corrected_query);
  CHECK(corrected.match == MatchKind::kCorrected);
  CHECK(corrected.matched_words == Words{"mahanarayan"});

  // A word no product has is left out, and the answer says so.
  const auto relaxed = must_search(s, q("zzqxv ashwagandha churna"));
  CHECK(relaxed.match == MatchKind::kRelaxed);
  CHECK(relaxed.matched_words == Words{"ashwagandha", "churna"});
  CHECK(relaxed.dropped_words == Words{"zzqxv"});
  REQUIRE_FALSE(relaxed.hits.empty());
  CHECK(relaxed.hits.front().id == kAshwagandhaChurna);
  CHECK(relaxed.hits.front().matched == 0b110);  // words[1] and words[2]

  // Another romanisation, four edits from the name: matched by sound.
  const auto phonetic = must_search(s, q("mahaanaaraayan "));
  CHECK(phonetic.match == MatchKind::kPhonetic);
  CHECK(ids(phonetic) == std::vector<std::string>{kMahanarayanOil});
  // A spelling the synonym table lists is no guess.
  CHECK(must_search(s, q("chyavanaprasha ")).match == MatchKind::kAll);

  // An empty query lists the catalogue: every (no) word matched.
  CHECK(must_search(s, q("")).match == MatchKind::kAll);
}

TEST_CASE("queries for things the store does not sell get no result page, and next steps") {
  ayc::testing::SearchIndexFixture fx(kStoreSql);
  const auto& s = *fx.snapshot;
  // Each finds nothing with every word; what a relaxed search could keep is
  // a generic word ("oil", "capsules", "tea", "bar", "gum", "sticks", "mat")
  // or a word met only in passing in one description ("yoga", "fish").
  for (const char* query : {"yoga mat", "fish oil capsules", "green tea", "protein bar", "nicotine gum",
                            "incense sticks", "cat litter", "pressure cooker", "whey protein", "nasya oil"}) {
    INFO(query);
    const auto r = must_search(s, q(query));
    CHECK(r.hits.empty());
    CHECK(r.total == 0);
    CHECK(r.match == MatchKind::kNone);
    CHECK(r.matched_words.empty());
    CHECK_FALSE(r.dropped_words.empty());
    REQUIRE(r.next_steps);
    CHECK_FALSE(r.next_steps->categories.empty());
    CHECK_FALSE(r.next_steps->total_without_filters);  // no filters were set
  }
  // The words alone still find what mentions them: a shopper who types
  // "yoga" gets the tablets whose description names it.
  CHECK(ids(must_search(s, q("yoga"))) == std::vector<std::string>{kYogaraj});
  // A three-letter word is never "corrected": one edit from "oil", "cil" is
  // no oil (as "cat" is not "fat" and "dil", heart, not "oil").
  const auto cil = must_search(s, q("cil "));
  CHECK_FALSE(cil.corrected_query);
  CHECK(cil.match == MatchKind::kNone);
  CHECK(must_search(s, q("oyl ")).hits.empty());
  // A relaxed search that keeps a telling concept still answers, marked.
  const auto oil = must_search(s, q("mahanarayan oil hammock"));
  CHECK(oil.match == MatchKind::kRelaxed);
  CHECK(oil.dropped_words == Words{"hammock"});
  CHECK(ids(oil) == std::vector<std::string>{kMahanarayanOil});
  // The store's largest categories come first: five products in Classical
  // Medicines (the churna's parent and four of this test's).
  const auto none = must_search(s, q("yoga mat"));
  REQUIRE_FALSE(none.next_steps->categories.empty());
  CHECK(none.next_steps->categories.front().count >= 5);
}

// Mahanarayan oil from a second brand, and in a second size.
const char* const kMoreOilsSql = R"SQL(
INSERT INTO products (id, sku, name, slug, short_description, brand_id, type, form, base_price, selling_price,
                      stock_quantity, ingredients, indications, status, is_prescription_required) VALUES
 ('00000000-0000-4000-8000-000000000021', 'DAB-MNO-100', 'Dabur Mahanarayan Oil 100 ml', 'dabur-mahanarayan-oil-100-ml',
  'Massage oil for joint pain', '10000000-0000-4000-8000-000000000001', 'oil', 'oil', 150, 140, 30,
  '["Shatavari", "Sesame"]', '["joint pain"]', 'active', false),
 ('00000000-0000-4000-8000-000000000022', 'AVS-MNO-100', 'Mahanarayan Oil 100 ml', 'mahanarayan-oil-100-ml',
  'Massage oil for joints and muscles', '10000000-0000-4000-8000-000000000002', 'oil', 'oil', 250, 240, 30,
  '["Shatavari", "Sesame"]', '["joint pain"]', 'active', false);
)SQL";
constexpr const char* kDaburMahanarayan = "00000000-0000-4000-8000-000000000021";
constexpr const char* kMahanarayan100 = "00000000-0000-4000-8000-000000000022";

TEST_CASE("few products with every word: the same product from other brands and in other sizes follows them") {
  ayc::testing::SearchIndexFixture fx(kMoreOilsSql);
  const auto& s = *fx.snapshot;
  // One product is Dabur's; the other makers' Mahanarayan oils follow it,
  // each hit saying which words it has.
  const auto brand = must_search(s, q("dabur mahanarayan oil"));
  CHECK(brand.match == MatchKind::kAll);
  REQUIRE(brand.hits.size() == 3);
  CHECK(brand.total == 3);
  CHECK(brand.hits[0].id == kDaburMahanarayan);
  CHECK(brand.hits[0].matched == 0b111);
  for (std::size_t i = 1; i < 3; ++i) CHECK(brand.hits[i].matched == 0b110);  // not "dabur"
  // The 200 ml first, then the other sizes.
  const auto size = must_search(s, q("mahanarayan oil 200 ml"));
  REQUIRE(size.hits.size() == 3);
  CHECK(size.hits[0].id == kMahanarayanOil);
  const auto rest = std::vector<std::string>{std::string(size.hits[1].id), std::string(size.hits[2].id)};
  CHECK(std::find(rest.begin(), rest.end(), kMahanarayan100) != rest.end());
  CHECK(std::find(rest.begin(), rest.end(), kDaburMahanarayan) != rest.end());
  // Sorted by price, the shopper asked for exactly these words: no others.
  SearchRequest by_price = q("dabur mahanarayan oil");
  by_price.sort = SortOrder::kPriceAsc;
  CHECK(ids(must_search(s, by_price)) == std::vector<std::string>{kDaburMahanarayan});
  // Nothing to leave out (no brand, no quantity): nothing added.
  CHECK(must_search(s, q("mahanarayan oil")).total == 3);
  CHECK(must_search(s, q("dabur ashwagandha")).total == 1);  // no other ashwagandha here
  // Without the brand only a generic word is left: not every oil follows.
  CHECK(ids(must_search(s, q("kottakkal oil 200 ml"))) == std::vector<std::string>{kMahanarayanOil});
}

TEST_CASE("with filters, a query that finds nothing says how many it finds without them") {
  ayc::testing::SearchIndexFixture fx(kStoreSql);
  const auto& s = *fx.snapshot;
  SearchRequest r = q("mahanarayan oil");
  r.brands = {"dabur"};
  const auto filtered = must_search(s, r);
  CHECK(filtered.hits.empty());
  REQUIRE(filtered.next_steps);
  CHECK(filtered.next_steps->total_without_filters == 1u);
}

TEST_CASE("Hinglish is read word by word: function words carry nothing, symptom words mean indications") {
  ayc::testing::SearchIndexFixture fx(kStoreSql);
  const auto& s = *fx.snapshot;
  auto first = [&](const char* query) {
    const auto r = must_search(s, q(query));
    return r.hits.empty() ? std::string() : std::string(r.hits.front().id);
  };
  CHECK(first("kamzori ke liye") == kAshwagandharishta);     // weakness
  CHECK(first("kamjori ki dawai") == kAshwagandharishta);
  CHECK(first("pet dard ki dawai") == kPudinHara);           // stomach ache
  CHECK(first("pet me dard") == kPudinHara);
  CHECK(first("mooh ke chaale") == kKhadiradi);              // mouth ulcers
  CHECK(first("muh ke chhale ka ilaj") == kKhadiradi);
  CHECK(first("chehre ke daag") == kKumkumadi);              // dark spots on the face
  CHECK(first("jodo ke dard ke liye tel") == kMahanarayanOil);  // joint pain oil
  CHECK(first("neend ki problem") == kAshwagandhaChurna);    // sleep
  // A query of function words only asks for nothing, and finds nothing.
  for (const char* query : {"ke liye", "ki dawai", "ka ilaj wala"}) {
    INFO(query);
    const auto r = must_search(s, q(query));
    CHECK(r.hits.empty());
    CHECK(r.match == MatchKind::kNone);
  }
  // The function words are gone from what the answer says it matched.
  CHECK(must_search(s, q("kamzori ke liye")).matched_words == Words{"kamzori"});
}

}  // namespace
}  // namespace ayc::search
