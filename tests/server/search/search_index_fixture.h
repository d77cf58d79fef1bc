// A real generation built by the real indexer from the small test catalogue,
// loaded as a snapshot, for search tests.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "server/search/index_snapshot.h"
#include "server/search/searcher.h"
#include "tests/support/temp_database.h"
#include "tests/support/temp_dir.h"

namespace ayc::testing {

struct SearchIndexFixture {
  // The small test catalogue, then `extra_sql` (more rows for one test).
  explicit SearchIndexFixture(const std::string& extra_sql = "");
  TempDatabase db;
  TempDir dir;
  std::shared_ptr<const search::IndexSnapshot> snapshot;
};

// A search that must succeed, a request of text alone, and the hits' ids in order.
search::SearchResult must_search(const search::IndexSnapshot& snap, search::SearchRequest req);
search::SearchRequest q(std::string text);
std::vector<std::string> ids(const search::SearchResult& r);

}  // namespace ayc::testing
