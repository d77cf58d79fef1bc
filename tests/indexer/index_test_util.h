// Helpers for looking inside a published generation from tests.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "index/generations.h"
#include "indexer/config.h"
#include "tests/support/temp_database.h"
#include "tests/support/temp_dir.h"

namespace ayc::testing {

// A run of the indexer over `db` into `dir`/index: no progress, two
// workers, no overlap re-read by incremental runs.
indexer::IndexerConfig config_for(const TempDatabase& db, const TempDir& dir);

// The Xapian database of the generation CURRENT names under `index_dir`.
Xapian::Database open_current_xapian(const std::filesystem::path& index_dir);
std::filesystem::path current_generation_path(const std::filesystem::path& index_dir);

// Product ids matching `text` parsed like shoppers' words (AND, stemmed).
std::vector<std::string> search_ids(const Xapian::Database& db, const std::string& text);
// The document of a product, if indexed.
std::optional<Xapian::Document> find_document(const Xapian::Database& db, const std::string& product_id);

}  // namespace ayc::testing
