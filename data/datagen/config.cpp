#include "data/datagen/config.h"

#include <algorithm>
#include <limits>
#include <vector>

#include "data/datagen/calendar.h"

namespace ayc::datagen {

void register_flags(FlagSet& flags, Config& c) {
  constexpr std::int64_t kMaxSeed = std::numeric_limits<std::int64_t>::max();
  flags.add_string("pg", "AYURVEDACART_PG", "PostgreSQL connection string (URL or key=value)", &c.pg);
  flags.add_int("products", "", "Products to generate (1..5,000,000)", &c.products, 1, kMaxProducts);
  flags.add_int("seed", "", "Random seed; the same seed and end date give identical data", &c.seed,
                0, kMaxSeed);
  flags.add_int("customers", "", "Customers to generate; 0 = products / 2", &c.customers, 0,
                20'000'000);
  flags.add_int("orders", "", "Orders to generate; 0 = 3.5 x products", &c.orders, 0, 100'000'000);
  flags.add_int("reviews", "", "Reviews to generate; 0 = one per product", &c.reviews, 0, 50'000'000);
  flags.add_int("search-logs", "", "Search log rows to generate; 0 = products / 2", &c.search_logs,
                0, 50'000'000);
  flags.add_string("end-date", "",
                   "Last day (exclusive) of the generated year, YYYY-MM-DD; empty = today (UTC)",
                   &c.end_date);
  flags.add_bool("reset", "", "Empty the catalogue, customer and order tables first", &c.reset);
  flags.add_bool("bulk-load", "",
                 "Load with the per-row stock/rating triggers switched off, writing the values they "
                 "would leave (--bulk-load=false lets them fire: slow, for verification)",
                 &c.bulk_load);
  flags.add_bool("progress", "", "Show per-table progress on stderr", &c.progress);
}

Status finalize(Config& c, std::int64_t today_days) {
  std::vector<std::string> problems;
  if (c.pg.empty()) problems.push_back("--pg is required (or set AYURVEDACART_PG)");
  if (c.end_date.empty()) {
    c.end_day = today_days;
  } else if (auto day = parse_date(c.end_date)) {
    c.end_day = *day;
  } else {
    problems.push_back("--end-date must be a date like 2025-01-31, got '" + c.end_date + "'");
  }
  if (c.customers == 0) c.customers = std::max<std::int64_t>(1, c.products / 2);
  if (c.orders == 0) c.orders = std::max<std::int64_t>(1, c.products * 7 / 2);
  if (c.reviews == 0) c.reviews = c.products;
  if (c.search_logs == 0) c.search_logs = std::max<std::int64_t>(1, c.products / 2);
  if (problems.empty()) return Status::Ok();
  std::string joined;
  for (const auto& p : problems) joined += (joined.empty() ? "" : "; ") + p;
  return Status::InvalidArgument(joined);
}

}  // namespace ayc::datagen
