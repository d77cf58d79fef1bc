// Configuration of ayurvedacart-datagen: one struct, filled from its defaults,
// then the environment, then flags (common/flags.h), then finalize() derives
// the sizes that scale with --products and checks everything once.
//
// Thread-safety: build in main() before anything else runs.
#pragma once

#include <cstdint>
#include <string>

#include "common/flags.h"
#include "common/status.h"

namespace ayc::datagen {

struct Config {
  std::string pg;                  // libpq connection string (--pg, AYURVEDACART_PG)
  std::int64_t products = 20000;   // 1..5,000,000
  std::int64_t seed = 1;           // same seed + same end date => identical data
  std::int64_t customers = 0;      // 0: products / 2
  std::int64_t orders = 0;         // 0: 3.5 x products
  std::int64_t reviews = 0;        // 0: products (capped by delivered purchases)
  std::int64_t search_logs = 0;    // 0: products / 2
  std::string end_date;            // YYYY-MM-DD; empty: today (UTC)
  bool reset = false;              // replace existing generated data
  // Load with the schema's per-row stock and rating triggers switched off,
  // writing the values they would have left (fast). false lets the triggers
  // fire for every row: slow, but a reference to check the fast path against.
  bool bulk_load = true;
  bool progress = true;            // per-table progress on stderr

  // Derived by finalize(): the exclusive end of the generated year, in days.
  std::int64_t end_day = 0;
};

inline constexpr std::int64_t kMaxProducts = 5'000'000;

// Registers every field of `config` with `flags`.
void register_flags(FlagSet& flags, Config& config);

// Fills the scaled sizes and end_day (`today_days` is the current UTC date in
// days since 1970-01-01, passed in so this stays a pure function) and reports
// every invalid setting at once.
Status finalize(Config& config, std::int64_t today_days);

}  // namespace ayc::datagen
