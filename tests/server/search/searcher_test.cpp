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

const FacetCount* facet(const SearchResult& r, const std::string& name, const std::string& value) {
  auto it = r.facets.find(name);
  if (it == r.facets.end()) return nullptr;
  for (const auto& f : it->second)
    if (f.value == value) return &f;
  return nullptr;
}

TEST_CASE("searches by name, brand, ingredient name in any language and indication") {
  ayc::testing::SearchIndexFixture fx;
  const auto& s = *fx.snapshot;
  CHECK(ids(must_search(s, q("mahanarayan oil"))).front() == kMahanarayanOil);
  CHECK(ids(must_search(s, q("kottakkal"))).front() == kMahanarayanOil);
  CHECK(ids(must_search(s, q("महानारायण तेल"))).front() == kMahanarayanOil);  // Devanagari, "tel" for oil
  for (const char* name : {"ashwagandha", "Withania somnifera", "indian ginseng", "asgandh", "अश्वगंधा", "असगंध"}) {
    INFO(name);
    CHECK(ids(must_search(s, q(name))).front() == kAshwagandhaChurna);
  }
  CHECK(ids(must_search(s, q("stress"))).front() == kAshwagandhaChurna);
  auto arthritis = ids(must_search(s, q("arthritis")));  // a synonym of the oil's "joint pain"
  REQUIRE_FALSE(arthritis.empty());
  CHECK(arthritis.front() == kMahanarayanOil);
  auto in_hindi = ids(must_search(s, q("जोड़ों का दर्द")));  // "jodon ka dard", joint pain
  REQUIRE_FALSE(in_hindi.empty());
  CHECK(in_hindi.front() == kMahanarayanOil);
  CHECK(ids(must_search(s, q("DAB-ASH-100"))) == std::vector<std::string>{kAshwagandhaChurna});
}

TEST_CASE("a quantity typed against its unit finds what the name writes apart") {
  ayc::testing::SearchIndexFixture fx;
  const auto& s = *fx.snapshot;
  const auto apart = must_search(s, q("mahanarayan oil 200 ml"));
  REQUIRE_FALSE(apart.hits.empty());
  CHECK(apart.hits.front().id == kMahanarayanOil);
  const auto together = must_search(s, q("mahanarayan oil 200ML"));
  CHECK(ids(together) == ids(apart));
  CHECK(together.total == apart.total);
  CHECK_FALSE(together.corrected_query);
}

TEST_CASE("words run together or typed apart find what the catalogue writes the other way") {
  ayc::testing::SearchIndexFixture fx;
  const auto& s = *fx.snapshot;
  struct Case {
    const char* q;
    const char* expected;
  };
  const Case cases[] = {
      {"maha narayan ", kMahanarayanOil},        // joined: "Mahanarayan"
      {"mahanarayanoil ", kMahanarayanOil},      // split: mahanarayan + oil
      {"oil200 ", kMahanarayanOil},              // letters meet digits: oil + 200
      {"daburashwagandha ", kAshwagandhaChurna},
      {"churnashwagandha ", kAshwagandhaChurna},  // a + a merged, as in "dashmularishta"
  };
  for (const auto& c : cases) {
    INFO(c.q);
    const auto r = must_search(s, q(c.q));
    CHECK_FALSE(r.corrected_query);  // found as typed, no spelling correction
    if (!r.hits.empty()) CHECK(r.hits.front().id == c.expected);
    CHECK(r.hits.size() == 1);
  }
}

TEST_CASE("another romanisation of a name finds it, beyond what spelling correction reaches") {
  ayc::testing::SearchIndexFixture fx;
  const auto& s = *fx.snapshot;
  struct Case {
    const char* q;
    const char* expected;
  };
  const Case cases[] = {
      {"chyavanaprasha ", kChyawanprash},          // three edits from "chyawanprash"
      {"mahaanaaraayan ", kMahanarayanOil},        // four
  };
  for (const auto& c : cases) {
    INFO(c.q);
    const auto r = must_search(s, q(c.q));
    CHECK_FALSE(r.corrected_query);
    REQUIRE_FALSE(r.hits.empty());
    CHECK(r.hits.front().id == c.expected);
  }
  // Within the spelling dictionary's two edits the correction comes first
  // and is reported.
  const auto near = must_search(s, q("mahanarayn oil"));  // its key is "mahanarayan"'s too
  REQUIRE(near.corrected_query);
  CHECK(*near.corrected_query == "mahanarayan oil");
}

TEST_CASE("a misspelled query is corrected and the correction reported") {
  ayc::testing::SearchIndexFixture fx;
  auto r = must_search(*fx.snapshot, q("mahanarayn oil"));
  REQUIRE(r.corrected_query);
  CHECK(*r.corrected_query == "mahanarayan oil");
  REQUIRE_FALSE(r.hits.empty());
  CHECK(r.hits.front().id == kMahanarayanOil);
  auto exact = must_search(*fx.snapshot, q("mahanarayan oil"));
  CHECK_FALSE(exact.corrected_query);
  // A common misspelling the knowledge base lists is simply a synonym.
  auto listed = must_search(*fx.snapshot, q("ashwaganda"));
  REQUIRE_FALSE(listed.hits.empty());
  CHECK(listed.hits.front().id == kAshwagandhaChurna);
}

TEST_CASE("when all words find nothing, unknown and then trailing concepts are left out before any word will do") {
  ayc::testing::SearchIndexFixture fx;
  const auto& s = *fx.snapshot;
  auto exact = must_search(s, q("mahanarayan oil"));
  // No product is both the oil and a churna: the trailing word goes, not the
  // whole query's meaning (any-word matching would list the churna too).
  auto relaxed = must_search(s, q("mahanarayan oil churna"));
  CHECK(ids(relaxed) == ids(exact));
  CHECK(relaxed.total == exact.total);
  auto unknown = must_search(s, q("zzqxv ashwagandha churna"));  // a word no product has
  REQUIRE_FALSE(unknown.hits.empty());
  CHECK(unknown.hits.front().id == kAshwagandhaChurna);
  CHECK(unknown.total == must_search(s, q("ashwagandha churna")).total);
  // A synonym phrase whose words mean nothing alone stays one concept, and
  // leads: no immunity product is an oil, so the shopper gets immunity
  // products (not every oil, as dropping the phrase's words one by one would).
  auto phrase = must_search(s, q("zzqxv rog pratirodhak kshamata oil"));
  auto immunity = must_search(s, q("immunity"));
  CHECK_FALSE(phrase.corrected_query);
  CHECK(phrase.total == immunity.total);
  const auto found = ids(phrase);
  CHECK(found == ids(immunity));
  CHECK(std::find(found.begin(), found.end(), kChyawanprash) != found.end());
}

// A Zandu product whose name starts with the grade word "Maha".
constexpr const char* kMahaSudarshan = "00000000-0000-4000-8000-000000000006";
const char* const kZanduSql = R"SQL(
INSERT INTO brands (id, name, slug, country) VALUES ('10000000-0000-4000-8000-000000000003', 'Zandu', 'zandu', 'India');
INSERT INTO products (id, sku, name, slug, short_description, brand_id, type, form, base_price, selling_price,
                      stock_quantity, ingredients, indications, status, is_prescription_required) VALUES
 ('00000000-0000-4000-8000-000000000006', 'ZAN-MSC-100', 'Maha Sudarshan Churna 100 g', 'maha-sudarshan-churna-100-g',
  'Classical bitter powder for fever', '10000000-0000-4000-8000-000000000003', 'medicine', 'powder', 120, 110, 20,
  '["Kalmegh", "Guduchi"]', '["fever"]', 'active', false);
)SQL";

TEST_CASE("a relaxed search gives up a grade word before the herb it grades") {
  ayc::testing::SearchIndexFixture fx(kZanduSql);
  const auto& s = *fx.snapshot;
  REQUIRE(ids(must_search(s, q("maha "))) == std::vector<std::string>{kMahaSudarshan});
  // No "maha" ashwagandha: the shopper wants ashwagandha, not every "maha" product.
  const auto relaxed = must_search(s, q("maha ashwagandha "));
  CHECK(ids(relaxed) == ids(must_search(s, q("ashwagandha "))));
  CHECK(relaxed.total == must_search(s, q("ashwagandha ")).total);
  // Otherwise the trailing concept goes, as before.
  CHECK(ids(must_search(s, q("sudarshan ashwagandha "))) == std::vector<std::string>{kMahaSudarshan});
}

TEST_CASE("the store's query words, not a list in the engine, say which words are noise and which grade") {
  // The store makes "classical" a noise word and stops treating "maha" as a grade.
  ayc::testing::SearchIndexFixture fx(std::string(kZanduSql) + R"SQL(
INSERT INTO search_query_words (word, role) VALUES ('classical', 'noise');
DELETE FROM search_query_words WHERE word = 'maha';
)SQL");
  const auto& s = *fx.snapshot;
  CHECK(s.query_words().is_noise("classical"));
  CHECK(s.query_words().is_noise("ayurvedic"));  // shipped rows stay
  CHECK_FALSE(s.query_words().is_grade("maha"));
  // Alone it is still searched (a query of noise words keeps them), and it
  // matches products other than the oil ...
  const auto alone = ids(must_search(s, q("classical")));
  CHECK(std::find(alone.begin(), alone.end(), kAshwagandhaChurna) != alone.end());
  CHECK(std::find(alone.begin(), alone.end(), kMahanarayanOil) == alone.end());
  // ... but beside other words it narrows nothing.
  const auto plain = must_search(s, q("mahanarayan oil"));
  REQUIRE(plain.total > 0);
  const auto noisy = must_search(s, q("classical mahanarayan oil"));
  CHECK(ids(noisy) == ids(plain));
  CHECK(noisy.total == plain.total);
  CHECK_FALSE(noisy.corrected_query);
  // "maha" is an ordinary word now: the relaxed search gives up the last
  // concept, as for any other word.
  CHECK(ids(must_search(s, q("maha ashwagandha "))) == std::vector<std::string>{kMahaSudarshan});
}

TEST_CASE("a relaxed search boosts names for the words it kept") {
  // Both names hold sesame (as the popular oil's ingredients do); the
  // out-of-stock one starts with it, which only the typed-words boost sees.
  ayc::testing::SearchIndexFixture fx(R"SQL(
INSERT INTO products (id, sku, name, slug, brand_id, type, form, base_price, selling_price, stock_quantity,
                      ingredients, indications, status, is_prescription_required) VALUES
 ('00000000-0000-4000-8000-000000000007', 'DAB-SES-100', 'Sesame Seeds 100 g', 'sesame-seeds-100-g',
  '10000000-0000-4000-8000-000000000001', 'supplement', 'powder', 60, 55, 0, '[]', '[]', 'active', false),
 ('00000000-0000-4000-8000-000000000009', 'DAB-BSP-100', 'Black Sesame Powder 100 g', 'black-sesame-powder-100-g',
  '10000000-0000-4000-8000-000000000001', 'supplement', 'powder', 60, 55, 30, '[]', '[]', 'active', false);
)SQL");
  const auto& s = *fx.snapshot;
  const auto asked = ids(must_search(s, q("sesame ")));
  REQUIRE(asked.size() == 3);
  CHECK(asked.front() == "00000000-0000-4000-8000-000000000007");  // the name starts with it
  // The unknown word is left out, and the order is the one "sesame" gets.
  CHECK(ids(must_search(s, q("zzqxv sesame "))) == asked);
}

TEST_CASE("a product named for the concept ranks above many that only list it, the same whatever the page size") {
  // Forty in-stock teas list saffron; the one product named for it is out of
  // stock, so by BM25 (saturated) and popularity it would rank last of 41.
  ayc::testing::SearchIndexFixture fx(R"SQL(
INSERT INTO products (id, sku, name, slug, brand_id, type, form, base_price, selling_price, stock_quantity,
                      ingredients, indications, status, is_prescription_required)
SELECT ('00000000-0000-4000-8000-' || lpad((100 + i)::text, 12, '0'))::uuid, 'DAB-TEA-' || i,
       'Herbal Tea Blend No ' || i, 'herbal-tea-blend-' || i, '10000000-0000-4000-8000-000000000001',
       'supplement', 'tea', 100, 90, 25, '["Saffron", "Ginger"]', '[]', 'active', false
FROM generate_series(1, 40) AS i;
INSERT INTO products (id, sku, name, slug, brand_id, type, form, base_price, selling_price, stock_quantity,
                      ingredients, indications, status, is_prescription_required) VALUES
 ('00000000-0000-4000-8000-000000000008', 'DAB-SAF-1', 'Saffron Strands 1 g', 'saffron-strands-1-g',
  '10000000-0000-4000-8000-000000000001', 'supplement', 'raw herb', 400, 380, 0, '["Saffron"]', '[]', 'active', false);
)SQL");
  const auto& s = *fx.snapshot;
  SearchRequest small = q("saffron ");
  small.limit = 10;
  SearchRequest large = q("saffron ");
  large.limit = 100;
  const auto a = ids(must_search(s, small));
  const auto b = ids(must_search(s, large));
  REQUIRE(a.size() == 10);
  REQUIRE(b.size() == 41);
  CHECK(a.front() == "00000000-0000-4000-8000-000000000008");
  CHECK(std::equal(a.begin(), a.end(), b.begin()));
  // Page 4 of 10 continues page 3 of the same order.
  SearchRequest page4 = small;
  page4.offset = 30;
  const auto d = ids(must_search(s, page4));
  CHECK(std::equal(d.begin(), d.end(), b.begin() + 30));
  // The name holds the herb under another of its names.
  CHECK(ids(must_search(s, q("kesar "))).front() == "00000000-0000-4000-8000-000000000008");
}

TEST_CASE("a herb under any of its names finds the same products in the same order, those that talk about it first") {
  // Three teas list the herb under one name or another; one of them also
  // says in its description, under yet another, that it is rich in it; a
  // fourth only mentions it in its description. (No product's name holds
  // a name of the herb: one typed as a product's name would lift that
  // product, the exact-match boost of ranking/scoring.h.)
  ayc::testing::SearchIndexFixture fx(R"SQL(
INSERT INTO products (id, sku, name, slug, brand_id, type, form, base_price, selling_price, stock_quantity,
                      ingredients, indications, description, status, is_prescription_required) VALUES
 ('00000000-0000-4000-8000-000000000201', 'TEA-1', 'Herbal Tea One', 'herbal-tea-one',
  '10000000-0000-4000-8000-000000000001', 'supplement', 'tea', 100, 90, 25, '["Saffron"]', '[]',
  'A calming evening tea.', 'active', false),
 ('00000000-0000-4000-8000-000000000202', 'TEA-2', 'Herbal Tea Two', 'herbal-tea-two',
  '10000000-0000-4000-8000-000000000001', 'supplement', 'tea', 100, 90, 25, '["Kesar"]', '[]',
  'A calming evening tea, rich in zafran.', 'active', false),
 ('00000000-0000-4000-8000-000000000203', 'TEA-3', 'Herbal Tea Three', 'herbal-tea-three',
  '10000000-0000-4000-8000-000000000001', 'supplement', 'tea', 100, 90, 25, '["Crocus sativus"]', '[]',
  'A calming evening tea.', 'active', false),
 ('00000000-0000-4000-8000-000000000204', 'TEA-4', 'Herbal Tea Four', 'herbal-tea-four',
  '10000000-0000-4000-8000-000000000001', 'supplement', 'tea', 100, 90, 25, '["Ginger"]', '[]',
  'A warming tea with a pinch of kumkuma.', 'active', false);
)SQL");
  const auto& s = *fx.snapshot;
  const auto position = [](const std::vector<std::string>& found, const std::string& id) {
    return std::find(found.begin(), found.end(), id) - found.begin();
  };
  SearchRequest saffron = q("saffron");
  saffron.limit = 100;
  const auto want = ids(must_search(s, saffron));
  const std::string listed_only = "00000000-0000-4000-8000-000000000201";
  const std::string talks_about_it = "00000000-0000-4000-8000-000000000202";
  const std::string mentions_only = "00000000-0000-4000-8000-000000000204";
  REQUIRE(position(want, listed_only) < static_cast<long>(want.size()));
  REQUIRE(position(want, talks_about_it) < static_cast<long>(want.size()));
  CHECK(position(want, "00000000-0000-4000-8000-000000000203") < static_cast<long>(want.size()));
  CHECK(position(want, mentions_only) < static_cast<long>(want.size()));
  CHECK(position(want, talks_about_it) < position(want, listed_only));
  for (const char* name : {"kesar", "zafran", "crocus sativus", "kumkuma", "KESAR "}) {
    INFO(name);
    SearchRequest other = q(name);
    other.limit = 100;
    const auto got = must_search(s, other);
    CHECK(ids(got) == want);
    CHECK(got.total == want.size());
  }
}

TEST_CASE("a synonym phrase no product has gives way to its words") {
  ayc::testing::SearchIndexFixture fx;
  const auto& s = *fx.snapshot;
  // "nasya oil" is a name of nasal drops, which no product here is. Its word
  // "oil" alone is generic: every oil would be no answer to it.
  REQUIRE(must_search(s, q("nasya ")).hits.empty());
  const auto generic = must_search(s, q("nasya oil "));
  CHECK(generic.hits.empty());
  CHECK(generic.match == MatchKind::kNone);
  // A telling word beside it is kept: "sesame nasya oil" finds the oil made
  // in sesame oil.
  const auto r = must_search(s, q("sesame nasya oil "));
  REQUIRE_FALSE(r.hits.empty());
  CHECK(r.match == MatchKind::kRelaxed);
  CHECK(r.hits.front().id == kMahanarayanOil);
}

TEST_CASE("spelling correction allows one edit in words of up to five letters, two in longer ones") {
  ayc::testing::SearchIndexFixture fx(kZanduSql);
  const auto& s = *fx.snapshot;
  const auto candy = must_search(s, q("candy "));  // two edits from the brand "zandu": not a misspelling of it
  CHECK_FALSE(candy.corrected_query);
  CHECK(candy.hits.empty());
  const auto zadu = must_search(s, q("zadu "));  // one edit
  REQUIRE(zadu.corrected_query);
  CHECK(*zadu.corrected_query == "zandu");
  CHECK(ids(zadu) == std::vector<std::string>{kMahaSudarshan});
  const auto longer = must_search(s, q("chyawnprsh "));  // two edits in ten letters
  REQUIRE(longer.corrected_query);
  CHECK(*longer.corrected_query == "chyawanprash");
  CHECK(ids(longer) == std::vector<std::string>{kChyawanprash});
  // A word left uncorrected is left out of a relaxed search like any unknown word.
  const auto amla = must_search(s, q("amla candy "));
  CHECK_FALSE(amla.corrected_query);
  CHECK(ids(amla) == ids(must_search(s, q("amla "))));
}

TEST_CASE("a number is never the only thing a relaxed search keeps") {
  ayc::testing::SearchIndexFixture fx;
  const auto& s = *fx.snapshot;
  REQUIRE(ids(must_search(s, q("200 "))).front() == kMahanarayanOil);  // asked for alone, a number is searched
  CHECK(must_search(s, q("zzqx 200 ")).hits.empty());                 // not "every product with 200 in it"
  const auto relaxed = must_search(s, q("mahanarayan 999 "));          // the word is kept, the number left out
  REQUIRE_FALSE(relaxed.hits.empty());
  CHECK(relaxed.hits.front().id == kMahanarayanOil);
}

TEST_CASE("filters restrict results without changing facets of their own dimension") {
  ayc::testing::SearchIndexFixture fx;
  SearchRequest req;
  req.brands = {"dabur"};
  auto r = must_search(*fx.snapshot, req);
  CHECK(r.total == 2);  // churna and chyawanprash; the draft and discontinued ones are not searchable
  const FacetCount* kottakkal = facet(r, "brand", "kottakkal");
  REQUIRE(kottakkal != nullptr);  // counted as if the brand filter were off
  CHECK(kottakkal->count == 1);
  CHECK(facet(r, "form", "oil") == nullptr);  // other facets honour the brand filter

  SearchRequest cat;
  cat.categories = {"classical-medicines"};
  auto cr = ids(must_search(*fx.snapshot, cat));
  CHECK(cr.size() == 2);  // the churna is in a sub-category
  CHECK(std::find(cr.begin(), cr.end(), kAshwagandhaChurna) != cr.end());

  SearchRequest us;
  us.in_stock = true;
  us.country = "US";
  CHECK(ids(must_search(*fx.snapshot, us)) == std::vector<std::string>{kMahanarayanOil});
  SearchRequest anywhere;
  anywhere.in_stock = true;
  CHECK(must_search(*fx.snapshot, anywhere).total == 2);  // chyawanprash has no stock
}

TEST_CASE("prices convert to the requested currency and filter in it") {
  ayc::testing::SearchIndexFixture fx;
  SearchRequest req = q("ashwagandha");
  req.currency = "USD";
  auto r = must_search(*fx.snapshot, req);
  REQUIRE_FALSE(r.hits.empty());
  CHECK(r.hits.front().currency == "USD");
  CHECK(r.hits.front().price == Approx(150.0 / 83.0).epsilon(0.01));

  SearchRequest cheap;
  cheap.currency = "USD";
  cheap.max_price = 2.0;  // INR 166: only the churna (INR 150)
  CHECK(ids(must_search(*fx.snapshot, cheap)) == std::vector<std::string>{kAshwagandhaChurna});

  SearchRequest bad = q("oil");
  bad.currency = "XYZ";
  auto br = run_search(*fx.snapshot, bad);
  REQUIRE_FALSE(br.ok());
  CHECK(br.status().code() == StatusCode::kInvalidArgument);
  CHECK_THAT(br.status().message(), Catch::Contains("currency"));
}

TEST_CASE("an empty query lists products by popularity and sorts and pagination work") {
  ayc::testing::SearchIndexFixture fx;
  auto all = must_search(*fx.snapshot, SearchRequest{});
  CHECK(all.total == 3);
  REQUIRE(all.hits.size() == 3);
  CHECK(all.hits.back().id == kChyawanprash);  // no sales

  SearchRequest by_price;
  by_price.sort = SortOrder::kPriceAsc;
  auto p = ids(must_search(*fx.snapshot, by_price));
  CHECK(p == std::vector<std::string>{kAshwagandhaChurna, kChyawanprash, kMahanarayanOil});

  SearchRequest page = by_price;
  page.offset = 1;
  page.limit = 1;
  CHECK(ids(must_search(*fx.snapshot, page)) == std::vector<std::string>{kChyawanprash});
}

TEST_CASE("pages agree whether their candidates were cached or ranked for a deep page") {
  ayc::testing::SearchIndexFixture fx;
  for (auto sort : {SortOrder::kRelevance, SortOrder::kPriceAsc, SortOrder::kPriceDesc, SortOrder::kRating,
                    SortOrder::kNewest, SortOrder::kPopularity}) {
    for (const char* text : {"", "oil", "ashwagandha churna"}) {
      INFO(static_cast<int>(sort) << " '" << text << "'");
      SearchRequest deep = q(text);
      deep.sort = sort;
      deep.limit = 100;  // past the cached candidates: ranked for this request
      const auto whole = ids(must_search(*fx.snapshot, deep));
      std::vector<std::string> paged;
      for (std::size_t offset = 0; offset < whole.size() + 1; ++offset) {
        SearchRequest one = deep;
        one.limit = 1;
        one.offset = offset;
        for (const auto& id : ids(must_search(*fx.snapshot, one))) paged.push_back(id);
      }
      CHECK(paged == whole);
    }
  }
}

TEST_CASE("hits carry highlighted, escaped names") {
  ayc::testing::SearchIndexFixture fx;
  auto r = must_search(*fx.snapshot, q("mahanarayan oils"));
  REQUIRE_FALSE(r.hits.empty());
  CHECK(r.hits.front().highlight_name == "<mark>Mahanarayan</mark> <mark>Oil</mark> 200 ml");
  CHECK(r.hits.front().in_stock);
  CHECK(r.hits.front().rating == Approx(4.5));
}

TEST_CASE("odd input gives a best-effort search, never an error") {
  ayc::testing::SearchIndexFixture fx;
  for (const char* odd : {"\"unbalanced", "AND OR NOT", "((((", "*", "tulsi NEAR/3", "ashwagandha -", "…✓ 😀"}) {
    INFO(odd);
    CHECK(run_search(*fx.snapshot, q(odd)).ok());
  }
}

}  // namespace
}  // namespace ayc::search
