// The indexer's one configuration struct, filled from defaults, then the
// environment, then flags (see ayc::FlagSet), validated once at start-up.
#pragma once

#include <cstdint>
#include <string>

#include "common/flags.h"
#include "common/status.h"

namespace ayc::indexer {

struct IndexerConfig {
  std::string pg;                 // --pg / AYURVEDACART_PG
  // Where product_recommendations is written when --pg is a read-only hot
  // standby (the primary); empty = --pg.
  std::string pg_write;           // --pg-write / AYURVEDACART_PG_WRITE
  std::string index_dir;          // --index-dir / AYURVEDACART_INDEX_DIR
  bool incremental = false;       // --incremental
  std::int64_t threads = 0;       // --threads; 0 = one per core
  std::int64_t keep_generations = 2;
  std::int64_t batch_size = 256;  // products per unit of work
  std::int64_t overlap_seconds = 300;  // incremental look-back before the last watermark
  bool recommendations = true;    // --recommendations=false skips the recommendation stage
  bool only_recommendations = false;
  // Top entries per product and kind copied into PostgreSQL's product_recommendations
  // (the feature store always gets 50): every row written costs two foreign-key
  // checks (only rows that changed are written: recsys/pg_sink.h).
  std::int64_t pg_recommendations_per_product = 10;
  bool stream_only = false;       // --stream-only: read the catalogue and discard it (the PostgreSQL floor)
  std::string progress = "auto";  // auto | always | never
  std::string log_format = "text";  // text | json: the log lines on stderr (not progress, not the summary)
};

void register_flags(FlagSet& flags, IndexerConfig& config);
// Checks what flags alone cannot (required values, combinations).
Status validate(const IndexerConfig& config);

}  // namespace ayc::indexer
