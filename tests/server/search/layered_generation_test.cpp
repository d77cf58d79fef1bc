// Layered generations (index/layers.h) against a full run of the same
// catalogue: a product changed, added, deleted or discontinued after the base
// is found, or not, exactly as a full run finds it; a delta over a delta;
// the nightly full run folding them into a new base.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <memory>
#include <tuple>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>
#include <pqxx/pqxx>

#include "index/generations.h"
#include "index/layers.h"
#include "indexer/index_job.h"
#include "server/search/index_snapshot.h"
#include "server/search/searcher.h"
#include "tests/server/search/search_index_fixture.h"
#include "tests/support/catalog_fixture.h"
#include "tests/support/temp_database.h"
#include "tests/support/temp_dir.h"

namespace ayc::search {
namespace {

namespace fs = std::filesystem;
using ayc::testing::ids;
using ayc::testing::kAshwagandhaChurna;
using ayc::testing::kChyawanprash;
using ayc::testing::kMahanarayanOil;
using ayc::testing::must_search;
using ayc::testing::q;

constexpr const char* kBrahmiVati = "00000000-0000-4000-8000-000000000009";

indexer::IndexerConfig config_for(const ayc::testing::TempDatabase& db, const fs::path& index_dir) {
  indexer::IndexerConfig c;
  c.pg = db.indexer_url();
  c.index_dir = index_dir.string();
  c.progress = "never";
  c.threads = 2;
  c.overlap_seconds = 0;
  c.keep_generations = 3;
  return c;
}

fs::path current_of(const fs::path& index_dir) {
  index::Generations gens(index_dir);
  auto cur = gens.current();
  REQUIRE(cur.ok());
  REQUIRE(cur->has_value());
  return gens.path_of(**cur);
}

// The served generation, loaded from scratch or (with `before`) keeping
// what `before` built from the same base, as the server does.
std::shared_ptr<const IndexSnapshot> load_current(const fs::path& index_dir, const IndexSnapshot* before = nullptr) {
  auto snap = IndexSnapshot::load(current_of(index_dir), {}, before);
  INFO((snap.ok() ? std::string() : snap.status().message()));
  REQUIRE(snap.ok());
  return *snap;
}

// A fresh full run of the database as it is now, loaded.
std::shared_ptr<const IndexSnapshot> full_run_now(const ayc::testing::TempDatabase& db, const fs::path& index_dir) {
  fs::remove_all(index_dir);
  auto run = indexer::run_full(config_for(db, index_dir));
  INFO((run.ok() ? std::string() : run.status().message()));
  REQUIRE(run.ok());
  return load_current(index_dir);
}

// Watermarks have one-second resolution: a change must come in a later
// second than the last run.
void next_second() { std::this_thread::sleep_for(std::chrono::milliseconds(1100)); }

void run_incremental(const ayc::testing::TempDatabase& db, const fs::path& index_dir) {
  auto config = config_for(db, index_dir);
  config.incremental = true;
  auto run = indexer::run_incremental(config);
  INFO((run.ok() ? std::string() : run.status().message()));
  REQUIRE(run.ok());
}

void change(ayc::testing::TempDatabase& db, const std::string& sql) {
  pqxx::work tx(db.conn());
  tx.exec0(sql);
  tx.commit();
}

// The hits as (score, id, price, card texts), best first; hits of equal
// score by id: their order follows docids, which differ between the two.
// (Scores to four places: recency moves with the clock between two searches.)
std::vector<std::tuple<long, std::string, double, std::string>> ranked(const SearchResult& r) {
  std::vector<std::tuple<long, std::string, double, std::string>> out;
  for (const auto& h : r.hits)
    out.emplace_back(-std::lround(h.score * 1e4), std::string(h.id), h.price,
                     std::string(h.name) + "|" + std::string(h.slug) + "|" + std::string(h.brand) + "|" +
                         std::string(h.image_url) + "|" + (h.in_stock ? "in stock" : "out of stock"));
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<double> prices(const SearchResult& r) {
  std::vector<double> out;
  for (const auto& h : r.hits) out.push_back(h.price);
  return out;
}

// The products offered for `prefix`. (Brands, categories, ingredients and
// past queries are suggested from what the last full run saw.)
std::vector<std::string> completions(const IndexSnapshot& s, const std::string& prefix) {
  std::vector<std::string> out;
  for (const auto& c : s.autocomplete().complete(prefix, 10)) {
    if (c.kind == features::SuggestionKind::kProduct) out.push_back(c.text);
  }
  return out;
}

// Every answer of `layered` is the full run's.
void same_answers(const IndexSnapshot& layered, const IndexSnapshot& full) {
  CHECK(layered.document_count() == full.document_count());
  const char* queries[] = {"",         "ashwagandha", "ashwagandha kshirpak", "kshirpak", "mahanarayan oil", "oil",
                           "chyawanprash", "brahmi",  "brahmi vati",          "churna",   "stress",          "dabur"};
  for (const char* text : queries) {
    for (bool filtered : {false, true}) {
      INFO("query \"" << text << "\"" << (filtered ? " in stock, tablets and powders" : ""));
      SearchRequest req = q(text);
      if (filtered) {
        req.in_stock = true;
        req.forms = {"tablet", "powder"};
      }
      const SearchResult a = must_search(layered, req);
      const SearchResult b = must_search(full, req);
      CHECK(ranked(a) == ranked(b));
      CHECK(a.total == b.total);
      CHECK(match_kind_name(a.match) == std::string(match_kind_name(b.match)));
      for (const auto& [facet, counts] : b.facets) {
        INFO("facet " << facet);
        REQUIRE(a.facets.count(facet) == 1);
        std::vector<std::pair<std::string, std::uint64_t>> x, y;
        for (const auto& c : a.facets.at(facet)) x.emplace_back(c.value, c.count);
        for (const auto& c : counts) y.emplace_back(c.value, c.count);
        CHECK(x == y);
      }
    }
  }
  for (const char* prefix : {"ash", "mahan", "brah", "chyaw", "kshir"}) {
    INFO("completing " << prefix);
    CHECK(completions(layered, prefix) == completions(full, prefix));
  }
}

// Every posting list (and the documents' lengths) read from the search
// handle of generation `gen`, the base's and the delta's lists one after the
// other, is the one read through a single handle over both.
void same_postings(const IndexLayout& layout, const fs::path& gen) {
  using Posting = std::tuple<Xapian::docid, Xapian::termcount, Xapian::termcount>;
  auto read = [&](Xapian::Database& db, const std::string& term) {
    std::vector<Posting> out;
    layout.for_each_posting(db, term, [&](Xapian::docid d, Xapian::termcount wdf, Xapian::termcount length) {
      out.emplace_back(d, wdf, length);
    });
    return out;
  };
  std::unique_ptr<Xapian::Database> handle = layout.open_handle(gen);
  auto* layered = dynamic_cast<LayeredDatabase*>(handle.get());
  REQUIRE(layered != nullptr);
  Xapian::Database merged = layout.open(gen);
  // Also counted from each part alone: the base's postings kept or hidden, the delta's.
  std::size_t terms = 0, from_base = 0, from_delta = 0, base_kept = 0, base_hidden = 0, delta_postings = 0;
  for (auto t = merged.allterms_begin(); t != merged.allterms_end(); ++t, ++terms) {
    INFO("term " << *t);
    const std::vector<Posting> parts = read(*handle, *t);
    CHECK(parts == read(merged, *t));
    for (const auto& [d, wdf, length] : parts) (d > layout.base_last_docid() ? from_delta : from_base) += 1;
    for (auto it = layered->base_part.postlist_begin(*t); it != layered->base_part.postlist_end(*t); ++it) {
      (layout.hidden(*it) ? base_hidden : base_kept) += 1;
    }
    delta_postings += layered->delta_part.get_termfreq(*t);
  }
  const std::vector<Posting> lengths = read(*handle, "");
  CHECK(lengths == read(merged, ""));
  CHECK(lengths.size() == merged.get_doccount() - layout.hidden_count());
  CHECK(terms > 100);
  CHECK(from_base == base_kept);
  CHECK(from_delta == delta_postings);
  CHECK(base_hidden > 0);
  CHECK(from_delta > 0);
}

bool finds(const IndexSnapshot& s, const std::string& text, const std::string& id) {
  const auto found = ids(must_search(s, q(text)));
  return std::find(found.begin(), found.end(), id) != found.end();
}

TEST_CASE("a layered generation answers as a full run of the same catalogue, delta over delta and folded") {
  ayc::testing::TempDatabase db;
  ayc::testing::load_small_catalog(db.conn());
  ayc::testing::TempDir dir;
  const fs::path served = dir.path() / "index";
  const fs::path reference = dir.path() / "reference";
  REQUIRE(indexer::run_full(config_for(db, served)).ok());
  const fs::path base = current_of(served);
  const auto base_snapshot = load_current(served);

  // Changed (renamed, repriced), discontinued, added and deleted after the base.
  next_second();
  change(db, std::string("UPDATE products SET selling_price = 175, name = 'Ashwagandha Kshirpak Churna' WHERE id = '") +
                 kAshwagandhaChurna + "'");
  change(db, std::string("UPDATE products SET status = 'discontinued' WHERE id = '") + kMahanarayanOil + "'");
  change(db,
         std::string("INSERT INTO products (id, sku, name, slug, type, form, base_price, selling_price, stock_quantity, "
                     "ingredients, status) VALUES ('") +
             kBrahmiVati + "', 'NEW-BRAHMI', 'Brahmi Vati', 'brahmi-vati', 'medicine', 'tablet', 100, 95, 20, "
                           "'[\"Brahmi\"]', 'active')");
  change(db, std::string("DELETE FROM products WHERE id = '") + kChyawanprash + "'");
  run_incremental(db, served);
  const fs::path first_delta = current_of(served);
  REQUIRE(fs::exists(first_delta / index::kDeltaSubdir));
  auto layered = load_current(served);
  REQUIRE(layered->layout().layered());
  CHECK(layered->layout().hidden_count() == 3);  // the churna's old copy, the oil, the chyawanprash
  same_postings(layered->layout(), first_delta);
  // Loaded over the base's snapshot, it keeps the base's autocomplete.
  auto kept = load_current(served, base_snapshot.get());
  CHECK(kept->autocomplete().shared() == base_snapshot->autocomplete().shared());
  CHECK(layered->autocomplete().shared() != base_snapshot->autocomplete().shared());
  {
    auto full = full_run_now(db, reference);
    same_answers(*layered, *full);
    same_answers(*kept, *full);
  }
  CHECK(finds(*layered, "kshirpak", kAshwagandhaChurna));
  CHECK(finds(*layered, "brahmi", kBrahmiVati));
  CHECK_FALSE(finds(*layered, "mahanarayan", kMahanarayanOil));
  CHECK_FALSE(finds(*layered, "chyawanprash", kChyawanprash));
  CHECK(must_search(*layered, q("ashwagandha")).total == 1);  // not its superseded copy as well

  // A delta over the delta: the oil back on sale, the new product gone, the
  // changed one changed again. Still one delta over the same base.
  next_second();
  change(db, std::string("UPDATE products SET status = 'active' WHERE id = '") + kMahanarayanOil + "'");
  change(db, std::string("DELETE FROM products WHERE id = '") + kBrahmiVati + "'");
  change(db, std::string("UPDATE products SET selling_price = 180 WHERE id = '") + kAshwagandhaChurna + "'");
  run_incremental(db, served);
  layered = load_current(served);
  REQUIRE(layered->layout().layered());
  CHECK(layered->layout().base_database() == base.filename().string());
  same_postings(layered->layout(), current_of(served));
  // Over the snapshot of the first delta (itself kept from the base's), and
  // over one loaded from scratch.
  auto kept_again = load_current(served, kept.get());
  CHECK(kept_again->autocomplete().shared() == base_snapshot->autocomplete().shared());
  auto kept_from_fresh = load_current(served, load_current(served).get());
  {
    auto full = full_run_now(db, reference);
    same_answers(*layered, *full);
    same_answers(*kept_again, *full);
    same_answers(*kept_from_fresh, *full);
  }
  CHECK(finds(*layered, "mahanarayan oil", kMahanarayanOil));
  CHECK_FALSE(finds(*layered, "brahmi", kBrahmiVati));
  CHECK(prices(must_search(*layered, q("kshirpak"))) == std::vector<double>{180});

  // The generations served before are untouched (the run keeps three).
  auto old_base = IndexSnapshot::load(base);
  REQUIRE(old_base.ok());
  CHECK(finds(**old_base, "chyawanprash", kChyawanprash));
  CHECK_FALSE(finds(**old_base, "kshirpak", kAshwagandhaChurna));
  auto old_delta = IndexSnapshot::load(first_delta);
  REQUIRE(old_delta.ok());
  CHECK(finds(**old_delta, "brahmi", kBrahmiVati));

  // The nightly full run folds it all into a new base without a delta.
  REQUIRE(indexer::run_full(config_for(db, served)).ok());
  const fs::path folded = current_of(served);
  CHECK_FALSE(fs::exists(folded / index::kDeltaSubdir));
  auto fresh = load_current(served, kept_again.get());  // a new base: nothing kept
  CHECK_FALSE(fresh->layout().layered());
  CHECK(fresh->autocomplete().shared() != base_snapshot->autocomplete().shared());
  same_answers(*fresh, *full_run_now(db, reference));
}

}  // namespace
}  // namespace ayc::search
