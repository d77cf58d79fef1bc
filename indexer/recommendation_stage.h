// The recommendation stage of an indexer run: reads purchases and the
// catalogue (recsys/pg_source), computes every list (recsys/, pure Eigen),
// writes them into the generation's feature store (compact lists naming
// products by ordinal, the ordinal table under the meta key
// FeatureStore::kProductOrdinalsKey) and, at the same time on its own
// connection, brings PostgreSQL's product_recommendations level with them in
// one transaction (recsys/pg_sink.h).
//
// Feature store keys written (family `related` unless noted):
//   <product id>\0bought_together, <product id>\0similar, <product id>\0related
//   cat:<category slug>\0best_sellers, cat:<category slug>\0trending,
//   global\0best_sellers, global\0trending
//   family `users`: <user id> -> for_you (empty for users without purchases,
//   so the server can tell a known user from an unknown one);
//   <user id>\0buy_again -> buy_again, only for users with something to rebuy
//
// Thread-safety: one stage per run.
#pragma once

#include <cstdint>

#include "common/status.h"
#include "index/feature_store.h"
#include "indexer/config.h"
#include "indexer/index_job.h"

namespace ayc::indexer {

struct RecommendationStageSummary {
  double seconds = 0;
  std::int64_t product_lists = 0;
  std::int64_t users = 0;
  std::int64_t pg_rows = 0;      // product_recommendations rows the lists hold
  std::int64_t pg_inserted = 0;  // of those, rows written (the table lacked them)
  std::int64_t pg_deleted = 0;   // old rows no longer listed
};

// `now` (seconds since the epoch) bounds the purchases used.
Result<RecommendationStageSummary> run_recommendation_stage(const IndexerConfig& config, index::FeatureStore& store,
                                                            std::int64_t now);

// The stage writes product_recommendations through --pg-write, or --pg when
// that is empty; a hot standby refuses writes. InvalidArgument (exit 2) when
// the stage would write to a standby, so a run fails at its start, not after
// hours of indexing.
Status check_recommendations_writable(const IndexerConfig& config, bool pg_is_standby);

// --only-recommendations: a new generation from the served one with fresh lists.

Result<RunSummary> run_only_recommendations(const IndexerConfig& config);

}  // namespace ayc::indexer
