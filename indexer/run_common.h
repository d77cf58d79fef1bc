// Pieces shared by the full and incremental runs (internal to the indexer).
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "common/progress.h"
#include "common/status.h"
#include "index/feature_store.h"
#include "index/generations.h"
#include "indexer/catalog_reader.h"
#include "indexer/config.h"
#include "indexer/index_job.h"
#include "indexer/product_pipeline.h"

namespace ayc::indexer {

using SteadyClock = std::chrono::steady_clock;
inline double seconds_since(SteadyClock::time_point t) {
  return std::chrono::duration<double>(SteadyClock::now() - t).count();
}

int worker_count(const IndexerConfig& config);
std::unique_ptr<Progress> make_progress(const IndexerConfig& config, const std::string& label, std::uint64_t total);

// Store-wide facts the server needs: base currency, exchange rates, format version.
void put_store_meta(index::FeatureStore::Batch& batch, const CatalogContext& ctx, const std::string& generation);
// Writes the non-product suggestions (brands, categories, ingredients, queries).
Status put_suggestions(index::FeatureStore& store, const std::vector<std::pair<std::string, features::Suggestion>>& all);

// Reopens the staged generation read-only and checks both stores agree with
// what was written: Xapian document count and feature store readability.
Status verify_generation(const std::filesystem::path& dir, std::int64_t expected_docs);

// Copies the pipeline's time shares into the summary.
void record_timings(RunSummary& summary, const PipelineTimings& timings, double postgres_seconds);
// Fills the fields every run ends with: size on disk, wall time, peak RSS.
void finish_summary(RunSummary& summary, const index::Generations& gens, SteadyClock::time_point start);

// Manifest fields common to every run.
index::Manifest base_manifest(const std::string& generation, const std::string& kind, const CatalogContext& ctx);

}  // namespace ayc::indexer
