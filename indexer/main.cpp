// ayurvedacart-indexer: nightly full reindex and incremental updates.
#include <cstdlib>
#include <iostream>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "common/flags.h"
#include "common/log.h"
#include "indexer/config.h"
#include "indexer/index_job.h"
#include "indexer/recommendation_stage.h"

int main(int argc, char** argv) {
#if defined(__GLIBC__) && !defined(AYC_WITH_JEMALLOC)
  // Built with glibc's malloc (no jemalloc: cmake/Dependencies.cmake).
  // A full run allocates on a dozen threads at once (document builders,
  // Xapian and RocksDB writers, the recommendation models beside them);
  // glibc's default of one arena per thread up to 8 per core kept freed memory
  // in idle arenas: peak RSS 1081 MiB at 100k products, 891 MiB with two
  // arenas (bench/RESULTS.md). MALLOC_ARENA_MAX in the environment still wins.
  if (std::getenv("MALLOC_ARENA_MAX") == nullptr) mallopt(M_ARENA_MAX, 2);
#endif
  ayc::indexer::IndexerConfig config;
  ayc::FlagSet flags("ayurvedacart-indexer",
                     "Indexes the PostgreSQL catalogue into a new Xapian + RocksDB generation under --index-dir\n"
                     "(full rebuild by default, --incremental for changes since the last run).\n"
                     "Exit codes: 0 done, 2 bad configuration, 3 another run holds the lock, 4 no generation to\n"
                     "update, 5 PostgreSQL unreachable, 1 anything else.");
  ayc::indexer::register_flags(flags, config);
  ayc::Status parsed = flags.parse(argc, argv);
  if (int rc = ayc::handle_parse_result(flags, parsed, "ayurvedacart-indexer"); rc >= 0) return rc;
  auto format = ayc::log::parse_format(config.log_format);
  const ayc::log::Logger logger(
      ayc::log::stderr_sink("ayurvedacart-indexer", format.ok() ? *format : ayc::log::Format::kText));
  if (ayc::Status valid = ayc::indexer::validate(config); !valid.ok()) {
    logger.error(valid.message() + " (see --help)");
    return 2;
  }
  auto result = config.stream_only            ? ayc::indexer::run_stream_only(config)
                : config.only_recommendations ? ayc::indexer::run_only_recommendations(config)
                : config.incremental          ? ayc::indexer::run_incremental(config, logger)
                                              : ayc::indexer::run_full(config);
  if (!result.ok()) {
    logger.error(result.status().message());
    switch (result.status().code()) {
      case ayc::StatusCode::kInvalidArgument: return 2;
      case ayc::StatusCode::kAlreadyExists: return 3;
      case ayc::StatusCode::kFailedPrecondition: return 4;
      case ayc::StatusCode::kUnavailable: return 5;
      default: return 1;
    }
  }
  std::cout << result->to_line() << std::endl;
  return 0;
}
