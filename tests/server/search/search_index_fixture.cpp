#include "tests/server/search/search_index_fixture.h"

#include <catch2/catch.hpp>

#include "index/generations.h"
#include "indexer/index_job.h"
#include "tests/support/catalog_fixture.h"

namespace ayc::testing {

SearchIndexFixture::SearchIndexFixture(const std::string& extra_sql) {
  load_small_catalog(db.conn());
  if (!extra_sql.empty()) {
    pqxx::work tx(db.conn());
    tx.exec0(extra_sql);
    tx.commit();
  }
  indexer::IndexerConfig c;
  c.pg = db.indexer_url();
  c.index_dir = (dir.path() / "index").string();
  c.progress = "never";
  auto run = indexer::run_full(c);
  INFO((run.ok() ? std::string() : run.status().message()));
  REQUIRE(run.ok());
  index::Generations gens(c.index_dir);
  auto loaded = search::IndexSnapshot::load(gens.path_of(**gens.current()));
  REQUIRE(loaded.ok());
  snapshot = *loaded;
}

search::SearchResult must_search(const search::IndexSnapshot& snap, search::SearchRequest req) {
  auto r = search::run_search(snap, req);
  REQUIRE(r.ok());
  return *r;
}

search::SearchRequest q(std::string text) {
  search::SearchRequest r;
  r.q = std::move(text);
  return r;
}

std::vector<std::string> ids(const search::SearchResult& r) {
  std::vector<std::string> out;
  for (const auto& h : r.hits) out.emplace_back(h.id);
  return out;
}

}  // namespace ayc::testing
