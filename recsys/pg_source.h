// Reads what the recommendation models need from PostgreSQL.
//
// One REPEATABLE READ, read-only transaction, so products and orders are one
// consistent snapshot. Large tables are read through server-side cursors in
// batches (LoadOptions::batch_rows), so memory holds the dense result plus one
// batch, never a whole result set.
//
// What counts:
//   * purchases: order_items of orders whose status is neither 'cancelled' nor
//     'refunded' and whose payment_status is neither 'failed' nor 'refunded',
//     with a product and a positive quantity, dated (ordered_at, else
//     created_at) no later than `now`; guest orders (no user) count for
//     product-to-product models only;
//   * products: all of them (status 'active' decides what may be recommended);
//     JSONB `ingredients` entries (strings, or objects with a "name") are mapped
//     through the `ingredients` knowledge base (IngredientResolver); JSONB
//     `indications` strings are kept as written; categories are listed primary
//     first, with their ancestors from categories.parent_id.
// Customers are only those with at least one purchase.
//
// Thread-safety: uses the connection it is given; one thread at a time.
#pragma once

#include <chrono>
#include <cstddef>
#include <ostream>

#include <pqxx/pqxx>

#include "common/status.h"
#include "recsys/types.h"

namespace ayc::recsys {

struct LoadOptions {
  std::size_t batch_rows = 20000;  // rows per cursor FETCH
  std::ostream* progress = nullptr;  // progress lines for long reads; null = silent
  bool interactive = false;          // redraw one line (a terminal) or print every 10 s
};

// `now` bounds the purchases read and becomes Dataset::now_day.
Result<RecsysInputs> load_inputs(pqxx::connection& conn, std::chrono::sys_seconds now,
                                 const LoadOptions& options = {});

}  // namespace ayc::recsys
