#include "indexer/config.h"

#include "common/log.h"

namespace ayc::indexer {

void register_flags(FlagSet& flags, IndexerConfig& c) {
  flags.add_string("pg", "AYURVEDACART_PG", "PostgreSQL connection string (libpq URL or key=value)", &c.pg);
  flags.add_string("pg-write", "AYURVEDACART_PG_WRITE",
                   "PostgreSQL to write product_recommendations to when --pg is a read-only standby (the "
                   "primary; default: --pg)", &c.pg_write);
  flags.add_string("index-dir", "AYURVEDACART_INDEX_DIR", "Directory holding index generations", &c.index_dir);
  flags.add_bool("incremental", "", "Apply changes since the last run to a new generation instead of a full rebuild",
                 &c.incremental);
  flags.add_int("threads", "AYURVEDACART_INDEXER_THREADS", "Document-building threads, 0 = one per core",
                &c.threads, 0, 64);
  flags.add_int("keep-generations", "", "Published generations to keep on disk (the current one included)",
                &c.keep_generations, 1, 100);
  flags.add_int("batch-size", "", "Products per unit of work", &c.batch_size, 1, 100000);
  flags.add_int("overlap-seconds", "", "Incremental runs re-read changes this far before the last watermark",
                &c.overlap_seconds, 0, 86400);
  flags.add_bool("recommendations", "", "Run the recommendation stage after a full index", &c.recommendations);
  flags.add_bool("only-recommendations", "",
                 "Recompute recommendations into a new generation without re-indexing products",
                 &c.only_recommendations);
  flags.add_int("pg-recommendations-per-product", "",
                "Entries per product and kind written to PostgreSQL's product_recommendations (0 = none)",
                &c.pg_recommendations_per_product, 0, 50);
  flags.add_bool("stream-only", "",
                 "Read every product from PostgreSQL and discard it: measures the read floor, writes nothing",
                 &c.stream_only);
  flags.add_string("progress", "", "Progress display: auto (on a terminal), always or never", &c.progress);
  flags.add_string("log-format", "AYURVEDACART_LOG_FORMAT", "Log lines on stderr as text or json (one object per "
                   "line: time, level, program, component, message)", &c.log_format);
}

Status validate(const IndexerConfig& c) {
  std::string problems;
  auto add = [&](const std::string& p) { problems += (problems.empty() ? "" : "; ") + p; };
  if (c.pg.empty()) add("--pg is required (or set AYURVEDACART_PG)");
  if (c.index_dir.empty()) add("--index-dir is required (or set AYURVEDACART_INDEX_DIR)");
  if (c.incremental && c.only_recommendations) add("--incremental and --only-recommendations exclude each other");
  if (c.progress != "auto" && c.progress != "always" && c.progress != "never") {
    add("--progress must be auto, always or never");
  }
  if (auto format = log::parse_format(c.log_format); !format.ok()) add(format.status().message());
  if (problems.empty()) return Status::Ok();
  return Status::InvalidArgument(problems);
}

}  // namespace ayc::indexer
