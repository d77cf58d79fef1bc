// Integration tests of full and incremental runs against a real PostgreSQL
// and real Xapian/RocksDB directories.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <thread>

#include <catch2/catch.hpp>
#include <pqxx/pqxx>

#include "index/feature_store.h"
#include "index/index_schema.h"
#include "index/layers.h"
#include "indexer/index_job.h"
#include "indexer/xapian_files.h"
#include "tests/indexer/index_test_util.h"
#include "tests/support/catalog_fixture.h"
#include "tests/support/temp_database.h"
#include "tests/support/temp_dir.h"

namespace ayc::indexer {
namespace {

using ayc::testing::kAshwagandhaChurna;
using ayc::testing::kChyawanprash;
using ayc::testing::kMahanarayanOil;
using ayc::testing::kTriphalaDiscontinued;
using ayc::testing::kTulsiDropsDraft;

using ayc::testing::config_for;

bool contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// A document's terms, asked of the posting lists: a full run's database
// keeps no termlists.
struct TermsOf {
  Xapian::Database db;
  Xapian::docid id;
};

TermsOf terms_of(const Xapian::Database& db, const Xapian::Document& doc) { return {db, doc.get_docid()}; }

bool contains(const TermsOf& t, const std::string& term) {
  Xapian::Database db = t.db;
  auto it = db.postlist_begin(term);
  if (it == db.postlist_end(term)) return false;
  it.skip_to(t.id);
  return it != db.postlist_end(term) && *it == t.id;
}

double price_of(const Xapian::Document& doc) {
  return Xapian::sortable_unserialise(doc.get_value(index::kSlotPrice));
}

TEST_CASE("the spelling dictionary holds the knowledge base's names and no stop words") {
  ayc::testing::TempDatabase db;
  ayc::testing::load_small_catalog(db.conn());
  ayc::testing::TempDir dir;
  REQUIRE(run_full(config_for(db, dir)).ok());
  auto xdb = ayc::testing::open_current_xapian(dir.path() / "index");
  std::vector<std::string> words;
  for (auto it = xdb.spellings_begin(); it != xdb.spellings_end(); ++it) words.push_back(*it);
  CHECK(contains(words, "ashwagandha"));  // a product's name
  CHECK(contains(words, "trifala"));      // a listed spelling no product uses
  for (const auto& w : words) {
    INFO(w);
    CHECK_FALSE(index::is_stop_word(w));  // "cuts and wounds" is a synonym phrase
  }
  CHECK(xdb.get_spelling_suggestion("trifla", 2) == "trifala");
}

TEST_CASE("a quantity written against its unit is indexed as the number and the unit") {
  ayc::testing::TempDatabase db;
  ayc::testing::load_small_catalog(db.conn());
  {
    pqxx::work tx(db.conn());
    tx.exec("UPDATE products SET name = 'Mahanarayan Oil 450ml' WHERE id = '" + std::string(kMahanarayanOil) + "'");
    tx.commit();
  }
  ayc::testing::TempDir dir;
  REQUIRE(run_full(config_for(db, dir)).ok());
  auto xdb = ayc::testing::open_current_xapian(dir.path() / "index");
  CHECK(xdb.term_exists("450"));
  CHECK(xdb.term_exists("ml"));
  CHECK_FALSE(xdb.term_exists("450ml"));
}

TEST_CASE("the index holds the words the server makes of a query, and letter-digit words in parts too") {
  ayc::testing::TempDatabase db;
  ayc::testing::load_small_catalog(db.conn());
  {
    pqxx::work tx(db.conn());
    tx.exec("UPDATE products SET name = 'Kottakkal''s Liv52 Oil 1.5 kg B-12 D''Cold' WHERE id = '" +
            std::string(kMahanarayanOil) + "'");
    tx.commit();
  }
  ayc::testing::TempDir dir;
  REQUIRE(run_full(config_for(db, dir)).ok());
  auto xdb = ayc::testing::open_current_xapian(dir.path() / "index");
  Xapian::Stem stem("english");
  for (const char* word : {"kottakkal", "liv52", "liv", "52", "1", "5", "b", "12", "d", "cold"}) {
    INFO(word);
    CHECK(xdb.term_exists(stem(word)));
  }
  for (const char* term : {"kottakkal's", "1.5", "d'cold", "s"}) {  // Xapian's own reading of the name
    INFO(term);
    CHECK_FALSE(xdb.term_exists(term));
  }
}

TEST_CASE("copy written as HTML is indexed, highlighted and served as text") {
  ayc::testing::TempDatabase db;
  ayc::testing::load_small_catalog(db.conn());
  {
    pqxx::work tx(db.conn());
    tx.exec("UPDATE products SET name = 'Mahanarayan Oil &amp; Bala', "
            "short_description = '<p><strong>Relieves</strong> stiff&nbsp;joints</p>', "
            "description = '<ul><li>Warm it</li><li>Massage <em>gently</em></li></ul><!-- v2 -->' "
            "WHERE id = '" + std::string(kMahanarayanOil) + "'");
    tx.commit();
  }
  ayc::testing::TempDir dir;
  REQUIRE(run_full(config_for(db, dir)).ok());
  auto xdb = ayc::testing::open_current_xapian(dir.path() / "index");
  for (const char* markup_word : {"strong", "nbsp", "li", "ul", "em", "amp", "v2"}) {
    INFO(markup_word);
    CHECK(ayc::testing::search_ids(xdb, markup_word).empty());
  }
  CHECK(contains(ayc::testing::search_ids(xdb, "stiff joints"), kMahanarayanOil));
  CHECK(contains(ayc::testing::search_ids(xdb, "massage gently"), kMahanarayanOil));

  auto store = index::FeatureStore::open(
      (ayc::testing::current_generation_path(dir.path() / "index") / index::kFeaturesSubdir).string(),
      index::FeatureStore::Mode::kReadOnly);
  REQUIRE(store.ok());
  auto features = (*store)->product(kMahanarayanOil);
  REQUIRE(features.ok());
  REQUIRE(features->has_value());
  CHECK((*features)->name == "Mahanarayan Oil & Bala");
  CHECK((*features)->short_description == "Relieves stiff joints");
}

TEST_CASE("a name spelt with IAST diacritics is found as shoppers type it") {
  ayc::testing::TempDatabase db;
  ayc::testing::load_small_catalog(db.conn());
  {
    pqxx::work tx(db.conn());
    tx.exec("UPDATE products SET name = 'Mah\u0101n\u0101r\u0101ya\u1E47a Taila with Gh\u1E5Bta' "
            "WHERE id = '" + std::string(kMahanarayanOil) + "'");
    tx.commit();
  }
  ayc::testing::TempDir dir;
  REQUIRE(run_full(config_for(db, dir)).ok());
  auto xdb = ayc::testing::open_current_xapian(dir.path() / "index");
  CHECK(contains(ayc::testing::search_ids(xdb, "mahanarayana ghrita"), kMahanarayanOil));
  std::vector<std::string> words;
  for (auto it = xdb.spellings_begin(); it != xdb.spellings_end(); ++it) words.push_back(*it);
  CHECK(contains(words, "mahanarayana"));  // a misspelling is corrected towards the ASCII spelling
}

TEST_CASE("past queries are offered as typed, spellings that normalise alike as one") {
  ayc::testing::TempDatabase db;
  ayc::testing::load_small_catalog(db.conn());  // "mahanarayan oil" 3 times (two spellings), "chyawanprsh" twice
  {
    pqxx::work tx(db.conn());
    tx.exec("INSERT INTO search_logs (query, results_count) VALUES "
            "('\u201CMahanarayan  Oil\u201D', 2), ('\u201CMahanarayan  Oil\u201D', 2), "
            "('ashwagandha-churna', 1), ('ashwagandha-churna', 1), "
            "('Ashwagandha\u2013Churna', 1), ('ashwagandha\u2013churna', 1), ('ashwagandha\u2013churna ', 1), "
            "('\u0905\u0936\u094D\u0935\u0917\u0902\u0927\u093E', 1), ('\u0905\u0936\u094D\u0935\u0917\u0902\u0927\u093E', 1)");
    tx.commit();
  }
  ayc::testing::TempDir dir;
  REQUIRE(run_full(config_for(db, dir)).ok());
  auto store = index::FeatureStore::open(
      (ayc::testing::current_generation_path(dir.path() / "index") / index::kFeaturesSubdir).string(),
      index::FeatureStore::Mode::kReadOnly);
  REQUIRE(store.ok());
  std::vector<std::string> shown;
  std::vector<std::string> devanagari_keys;
  REQUIRE((*store)->for_each(index::FeatureStore::Family::kSuggestions, [&](std::string_view, std::string_view v) {
    auto s = features::decode_suggestion(v);
    if (s && s->kind == features::SuggestionKind::kQuery) shown.push_back(s->text);
    if (s && s->text == "\u0905\u0936\u094D\u0935\u0917\u0902\u0927\u093E") devanagari_keys = s->keys;
    return true;
  }).ok());
  std::sort(shown.begin(), shown.end());
  // One suggestion per query however it was spelt, shown in its most
  // frequent spelling without surrounding quotes or doubled spaces; the
  // misspelt "chyawanprsh" is not offered (not in the index's vocabulary).
  CHECK(shown == std::vector<std::string>{"ashwagandha\u2013churna", "mahanarayan oil",
                                          "\u0905\u0936\u094D\u0935\u0917\u0902\u0927\u093E"});
  // A query typed in Devanagari is found by what autocomplete makes of typing.
  CHECK(devanagari_keys == std::vector<std::string>{"ashwagandha"});
}

TEST_CASE("a full run indexes only active products and publishes a generation") {
  ayc::testing::TempDatabase db;
  ayc::testing::load_small_catalog(db.conn());
  ayc::testing::TempDir dir;
  auto summary = run_full(config_for(db, dir));
  REQUIRE(summary.ok());
  CHECK(summary->products == 5);
  CHECK(summary->searchable == 3);
  CHECK_THAT(summary->to_line(), Catch::Contains("products/s"));

  auto xdb = ayc::testing::open_current_xapian(dir.path() / "index");
  CHECK(xdb.get_doccount() == 3);
  CHECK(ayc::testing::find_document(xdb, kAshwagandhaChurna));
  CHECK_FALSE(ayc::testing::find_document(xdb, kTulsiDropsDraft));
  CHECK_FALSE(ayc::testing::find_document(xdb, kTriphalaDiscontinued));
}

TEST_CASE("a full run numbers documents by static rank, best first, whatever their ids") {
  ayc::testing::TempDatabase db;
  ayc::testing::load_small_catalog(db.conn());
  {
    // Chyawanprash, the last id, becomes the best seller.
    pqxx::work tx(db.conn());
    tx.exec0(R"SQL(
INSERT INTO orders (id, order_number, user_id, status, subtotal, total_amount, shipping_address, ordered_at) VALUES
 ('50000000-0000-4000-8000-000000000009', 'ORD-9', '40000000-0000-4000-8000-000000000001', 'delivered',
  2000, 2000, '{}', now() - interval '1 day');
INSERT INTO order_items (order_id, product_id, product_name, product_sku, unit_price, quantity, total_price) VALUES
 ('50000000-0000-4000-8000-000000000009', '00000000-0000-4000-8000-000000000005', 'Chyawanprash', 'X', 100, 20, 2000);
)SQL");
    tx.commit();
  }
  ayc::testing::TempDir dir;
  IndexerConfig c = config_for(db, dir);
  c.threads = 1;  // one shard: one run of documents, best first (two shards make two such runs)
  REQUIRE(run_full(c).ok());
  auto xdb = ayc::testing::open_current_xapian(dir.path() / "index");
  REQUIRE(xdb.get_doccount() == 3);
  auto best = ayc::testing::find_document(xdb, kChyawanprash);
  REQUIRE(best);
  CHECK(best->get_docid() == 1);
  double previous = 2;
  for (Xapian::docid d = 1; d <= xdb.get_lastdocid(); ++d) {
    const double prior = Xapian::sortable_unserialise(xdb.get_document(d).get_value(index::kSlotPrior));
    INFO("docid " << d);
    CHECK(prior <= previous);
    previous = prior;
  }
}

TEST_CASE("a product is found by every name of its ingredients in the knowledge base") {
  ayc::testing::TempDatabase db;
  ayc::testing::load_small_catalog(db.conn());
  ayc::testing::TempDir dir;
  REQUIRE(run_full(config_for(db, dir)).ok());
  auto xdb = ayc::testing::open_current_xapian(dir.path() / "index");

  // The fixture names Ashwagandha by its Hindi name only; every other name must find it.
  pqxx::work tx(db.conn());
  auto rows = tx.exec(
      "SELECT unnest(array_remove(ARRAY[canonical_name, sanskrit_name, hindi_name, english_name, botanical_name]"
      "::text[], NULL) || other_names) FROM ingredients WHERE 'Asgandh' IN (hindi_name) "
      "OR 'Asgandh' = ANY(other_names)");
  REQUIRE(rows.size() >= 4);
  for (const auto& row : rows) {
    std::string name = row[0].as<std::string>();
    INFO("ingredient name: " << name);
    CHECK(contains(ayc::testing::search_ids(xdb, name), kAshwagandhaChurna));
  }
  CHECK(contains(ayc::testing::search_ids(xdb, "Withania somnifera"), kAshwagandhaChurna));
  CHECK(contains(ayc::testing::search_ids(xdb, "indian ginseng"), kAshwagandhaChurna));
}

TEST_CASE("filter terms and value slots hold the database's values") {
  ayc::testing::TempDatabase db;
  ayc::testing::load_small_catalog(db.conn());
  ayc::testing::TempDir dir;
  REQUIRE(run_full(config_for(db, dir)).ok());
  auto xdb = ayc::testing::open_current_xapian(dir.path() / "index");

  auto churna = ayc::testing::find_document(xdb, kAshwagandhaChurna);
  REQUIRE(churna);
  const auto terms = terms_of(xdb, *churna);
  CHECK(contains(terms, index::brand_term("dabur")));
  CHECK(contains(terms, index::category_term("churna")));
  CHECK(contains(terms, index::category_term("classical-medicines")));  // ancestor
  CHECK(contains(terms, index::form_term("powder")));
  CHECK(contains(terms, index::type_term("medicine")));
  CHECK(contains(terms, index::sku_term("DAB-ASH-100")));
  CHECK(contains(terms, index::prescription_term(false)));
  CHECK(contains(terms, index::stock_term("IN")));
  CHECK_FALSE(contains(terms, index::stock_term("US")));  // zero units there
  CHECK(price_of(*churna) == Approx(150.0));

  auto oil = ayc::testing::find_document(xdb, kMahanarayanOil);
  REQUIRE(oil);
  CHECK(Xapian::sortable_unserialise(oil->get_value(index::kSlotRating)) == Approx(4.5));  // approved only
  CHECK(Xapian::sortable_unserialise(oil->get_value(index::kSlotReviewCount)) == Approx(2));
  CHECK(Xapian::sortable_unserialise(oil->get_value(index::kSlotPopularity)) > 0.9);
  CHECK(oil->get_value(index::kSlotBrand) == "kottakkal");

  auto chy = ayc::testing::find_document(xdb, kChyawanprash);
  REQUIRE(chy);
  const auto chy_terms = terms_of(xdb, *chy);
  CHECK(contains(chy_terms, index::prescription_term(true)));
  CHECK_FALSE(contains(chy_terms, index::stock_term("")));  // stock 0, no centre rows

  auto store = index::FeatureStore::open(
      (ayc::testing::current_generation_path(dir.path() / "index") / index::kFeaturesSubdir).string(),
      index::FeatureStore::Mode::kReadOnly);
  REQUIRE(store.ok());
  auto slug = (*store)->id_for_slug("mahanarayan-oil-200-ml");
  REQUIRE(slug.ok());
  REQUIRE(slug->has_value());
  CHECK(**slug == kMahanarayanOil);
  auto features = (*store)->product(kMahanarayanOil);
  REQUIRE(features.ok());
  REQUIRE(features->has_value());
  CHECK((*features)->brand_name == "Kottakkal Arya Vaidya Sala");
  CHECK((*features)->in_stock_in("US"));
  CHECK((*features)->total_stock == 7);  // 5 - 1 reserved + 3
}

TEST_CASE("a name's words and the herbs it names are boolean name terms") {
  ayc::testing::TempDatabase db;
  ayc::testing::load_small_catalog(db.conn());
  ayc::testing::TempDir dir;
  REQUIRE(run_full(config_for(db, dir)).ok());
  auto xdb = ayc::testing::open_current_xapian(dir.path() / "index");
  auto churna = ayc::testing::find_document(xdb, kAshwagandhaChurna);  // "Ashwagandha Churna 100 g"
  REQUIRE(churna);
  const auto terms = terms_of(xdb, *churna);
  const Xapian::Stem stem("english");
  CHECK(contains(terms, index::name_stem_term(stem("ashwagandha"))));
  CHECK(contains(terms, index::name_stem_term(stem("churna"))));
  CHECK(contains(terms, index::name_stem_term("100")));
  CHECK(contains(terms, index::name_ingredient_term("ashwagandha")));
  // Words of other fields are not name terms: "rasayana" is a keyword, sesame the oil's ingredient.
  CHECK_FALSE(contains(terms, index::name_stem_term(stem("rasayana"))));
  CHECK_FALSE(contains(terms, index::name_stem_term(stem("classical"))));
  auto oil = ayc::testing::find_document(xdb, kMahanarayanOil);
  REQUIRE(oil);
  const auto oil_terms = terms_of(xdb, *oil);
  CHECK(contains(oil_terms, index::name_stem_term(stem("oil"))));
  CHECK_FALSE(contains(oil_terms, index::name_stem_term(stem("sesame"))));
  CHECK_FALSE(contains(oil_terms, index::name_ingredient_term("sesame")));
}

TEST_CASE("an incremental run reflects a changed price, a new product and a discontinued one") {
  ayc::testing::TempDatabase db;
  ayc::testing::load_small_catalog(db.conn());
  ayc::testing::TempDir dir;
  auto config = config_for(db, dir);
  REQUIRE(run_full(config).ok());
  auto first_generation = ayc::testing::current_generation_path(dir.path() / "index");
  // A full run's database keeps no termlists: nothing changes it again.
  CHECK(std::filesystem::exists(first_generation / index::kXapianSubdir / "postlist.glass"));
  CHECK_FALSE(std::filesystem::exists(first_generation / index::kXapianSubdir / "termlist.glass"));
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // watermarks have 1 s resolution
  {
    pqxx::work tx(db.conn());
    tx.exec0(std::string("UPDATE products SET selling_price = 175 WHERE id = '") + kAshwagandhaChurna + "'");
    tx.exec0(std::string("UPDATE products SET status = 'discontinued' WHERE id = '") + kMahanarayanOil + "'");
    tx.exec0(
        "INSERT INTO products (id, sku, name, slug, type, form, base_price, selling_price, stock_quantity, "
        "ingredients, status) VALUES ('00000000-0000-4000-8000-000000000009', 'NEW-BRAHMI', 'Brahmi Vati', "
        "'brahmi-vati', 'medicine', 'tablet', 100, 95, 20, '[\"Brahmi\"]', 'active')");
    tx.exec0(std::string("DELETE FROM products WHERE id = '") + kChyawanprash + "'");
    tx.commit();
  }
  // The base documents of the changed, discontinued and deleted products.
  std::vector<std::uint32_t> expected_superseded;
  {
    Xapian::Database base((first_generation / index::kXapianSubdir).string());
    for (const char* id : {kAshwagandhaChurna, kMahanarayanOil, kChyawanprash}) {
      auto doc = ayc::testing::find_document(base, id);
      REQUIRE(doc);
      expected_superseded.push_back(doc->get_docid());
    }
    std::sort(expected_superseded.begin(), expected_superseded.end());
  }
  config.incremental = true;
  auto summary = run_incremental(config);
  REQUIRE(summary.ok());
  CHECK(summary->deleted == 1);
  CHECK(summary->searchable == 2);
  // The delta is changed in place by the next incremental run, which needs its termlists.
  CHECK(std::filesystem::exists(ayc::testing::current_generation_path(dir.path() / "index") / index::kDeltaSubdir /
                                "termlist.glass"));

  // The change is a delta over the base; the base is the same files.
  const auto generation = ayc::testing::current_generation_path(dir.path() / "index");
  Xapian::Database delta((generation / index::kDeltaSubdir).string());
  auto churna = ayc::testing::find_document(delta, kAshwagandhaChurna);
  REQUIRE(churna);
  CHECK(price_of(*churna) == Approx(175.0));
  CHECK_FALSE(ayc::testing::find_document(delta, kMahanarayanOil));
  CHECK_FALSE(ayc::testing::find_document(delta, kChyawanprash));
  CHECK(contains(ayc::testing::search_ids(delta, "brahmi vati"), "00000000-0000-4000-8000-000000000009"));
  CHECK(delta.get_doccount() == 2);
  auto superseded = index::read_superseded(generation);
  REQUIRE(superseded.ok());
  CHECK(*superseded == expected_superseded);
  for (const auto& entry : std::filesystem::directory_iterator(first_generation / index::kXapianSubdir)) {
    INFO(entry.path());
    CHECK(std::filesystem::equivalent(entry.path(), generation / index::kXapianSubdir / entry.path().filename()));
  }
  auto count = generation_doc_count(generation);
  REQUIRE(count.ok());
  CHECK(*count == 2);

  // The generation that was served before is untouched.
  Xapian::Database old((first_generation / index::kXapianSubdir).string());
  CHECK(old.get_doccount() == 3);
  auto old_churna = ayc::testing::find_document(old, kAshwagandhaChurna);
  REQUIRE(old_churna);
  CHECK(price_of(*old_churna) == Approx(150.0));
  CHECK_FALSE(std::filesystem::exists(first_generation / index::kDeltaSubdir));

  // Running it again with nothing new changes nothing.
  auto again = run_incremental(config);
  REQUIRE(again.ok());
  CHECK(again->searchable == 2);
  auto second = ayc::testing::current_generation_path(dir.path() / "index");
  CHECK(*index::read_superseded(second) == expected_superseded);
}

TEST_CASE("an incremental run keeps the past queries' suggestions without reading search_logs") {
  ayc::testing::TempDatabase db;
  ayc::testing::load_small_catalog(db.conn());  // "mahanarayan oil" searched 3 times
  ayc::testing::TempDir dir;
  auto config = config_for(db, dir);
  REQUIRE(run_full(config).ok());
  // search_logs grows by every search; aggregating it is the nightly run's
  // job. An incremental run that still read it would fail here.
  {
    pqxx::work tx(db.conn());
    tx.exec0("REVOKE SELECT ON search_logs FROM ayurvedacart_indexer");
    tx.commit();
  }
  config.incremental = true;
  auto summary = run_incremental(config);
  REQUIRE(summary.ok());
  auto store = index::FeatureStore::open(
      (ayc::testing::current_generation_path(dir.path() / "index") / index::kFeaturesSubdir).string(),
      index::FeatureStore::Mode::kReadOnly);
  REQUIRE(store.ok());
  bool offered = false;
  REQUIRE((*store)->for_each(index::FeatureStore::Family::kSuggestions, [&](std::string_view, std::string_view v) {
    auto s = features::decode_suggestion(v);
    offered = offered || (s && s->kind == features::SuggestionKind::kQuery && s->text == "mahanarayan oil");
    return true;
  }).ok());
  CHECK(offered);
}

TEST_CASE("incremental without a generation says to run a full index first") {
  ayc::testing::TempDatabase db;
  ayc::testing::TempDir dir;
  auto config = config_for(db, dir);
  config.incremental = true;
  auto r = run_incremental(config);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == StatusCode::kFailedPrecondition);
  CHECK_THAT(r.status().message(), Catch::Contains("full index first"));
}

TEST_CASE("a second concurrent run refuses to start") {
  ayc::testing::TempDatabase db;
  ayc::testing::load_small_catalog(db.conn());
  ayc::testing::TempDir dir;
  auto config = config_for(db, dir);
  REQUIRE(index::Generations(config.index_dir).ensure_root().ok());
  auto lock = index::RunLock::acquire(config.index_dir);
  REQUIRE(lock.ok());
  auto r = run_full(config);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == StatusCode::kAlreadyExists);
  CHECK_THAT(r.status().message(), Catch::Contains("another indexer run"));
}

TEST_CASE("an unreachable database is a clear error") {
  ayc::testing::TempDir dir;
  IndexerConfig c;
  c.pg = "postgresql://postgres@127.0.0.1:1/nowhere?connect_timeout=2";
  c.index_dir = (dir.path() / "index").string();
  c.progress = "never";
  auto r = run_full(c);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == StatusCode::kUnavailable);
  CHECK_THAT(r.status().message(), Catch::Contains("cannot connect to PostgreSQL"));
}

}  // namespace
}  // namespace ayc::indexer
