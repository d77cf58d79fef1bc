// ayurvedacart-datagen's core: plans a deterministic store in memory (the
// catalogue, customers, every order's contents replayed per customer) and
// loads it through COPY, then reports what it wrote.
//
// As a superuser the load runs on two connections side by side (catalogue;
// customers and orders), each one transaction, committed together at the end,
// with the schema's row triggers off (replica mode) and the rows carrying what
// those triggers would have left. Otherwise -- or with bulk_load = false,
// where the triggers fire -- it is one transaction on one connection.
// --reset empties the generated tables first (in the parallel case in its own
// transaction, since TRUNCATE's locks would block the other connection).
//
// Thread-safety: one generate() at a time per database.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "common/status.h"
#include "data/datagen/config.h"

namespace ayc::datagen {

struct Summary {
  std::vector<std::pair<std::string, std::uint64_t>> tables;  // rows per table, in load order
  std::uint64_t products = 0, customers = 0, orders = 0, order_lines = 0, reviews = 0, search_logs = 0;
  std::uint64_t total_rows = 0;
  double seconds = 0;
  std::uint64_t peak_rss_bytes = 0;

  // "datagen: 100000 products, 50000 customers, ... 2450000 rows in 27.3 s (89.7k rows/s), peak RSS 412 MiB"
  std::string line() const;
};

// Runs the whole load described by a finalize()d config. Progress lines go to
// `progress` (when config.progress); nothing else is printed.
Result<Summary> generate(const Config& config, std::ostream& progress);

}  // namespace ayc::datagen
