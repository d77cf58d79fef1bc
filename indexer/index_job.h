// An indexer run: a full rebuild into a new generation, or an incremental
// update (changes since the last watermark applied to a copy of the served
// generation). Either way the served generation is never modified, and CURRENT
// switches only after the new one is complete and verified.
//
// Thread-safety: one run per process; index::RunLock keeps runs from overlapping.
#pragma once

#include <cstdint>
#include <string>

#include "common/log.h"
#include "common/status.h"
#include "indexer/config.h"

namespace ayc::indexer {

struct RunSummary {
  std::string generation;
  std::string kind;               // full | incremental | recommendations
  std::int64_t products = 0;      // rows read
  std::int64_t searchable = 0;    // in the Xapian index afterwards
  std::int64_t deleted = 0;       // incremental: products removed
  double seconds = 0;
  double postgres_seconds = 0;
  double build_seconds = 0;
  double xapian_seconds = 0;
  double rocksdb_seconds = 0;
  double merge_seconds = 0;
  double recommendation_seconds = 0;
  std::uint64_t index_bytes = 0;
  std::uint64_t peak_rss_bytes = 0;
  int removed_generations = 0;

  // One line for people and logs.
  std::string to_line() const;
};

// What a run has to say beyond its progress and summary (a full rebuild
// instead of an incremental one, and why) goes to `logger`.
Result<RunSummary> run_full(const IndexerConfig& config);
Result<RunSummary> run_incremental(const IndexerConfig& config, const log::Logger& logger = {});
// Streams and decodes every product without indexing: the PostgreSQL floor.
Result<RunSummary> run_stream_only(const IndexerConfig& config);

}  // namespace ayc::indexer
