// A real generation built by the real indexer from the small test catalogue,
// loaded as a snapshot, for search tests.
#pragma once

#include <memory>
#include <string>

#include "server/search/index_snapshot.h"
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

}  // namespace ayc::testing
