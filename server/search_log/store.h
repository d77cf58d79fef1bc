// Where search_logs rows end up: an interface, and its PostgreSQL adapter.
//
// The writer talks to SearchLogStore only, so tests can swap in an in-memory
// or failing store (the leveldb Env idea). make_pg_search_log_store() is the
// production one and search_log_store.cpp is the only file of the server that
// uses libpqxx. It needs no more than the ayurvedacart_server role grants:
// INSERT/UPDATE/SELECT on search_logs and SELECT (id) on users and products.
//
// Errors: Unavailable means "try again later" (no connection, the connection
// broke, PostgreSQL shutting down, missing privileges); InvalidArgument means
// PostgreSQL rejected the data itself, so the same rows will fail again.
//
// Thread-safety: a store is used by one thread at a time (the writer's).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "server/search_log/row.h"

namespace ayc::search_log {

enum class ClickOutcome {
  kApplied,        // clicked_product_id set
  kNoSuchSearch,   // no search_logs row with that id (yet)
  kNoSuchProduct,  // the product does not exist; the row is left alone
};

class SearchLogStore {
 public:
  virtual ~SearchLogStore() = default;

  // Connects if needed and checks the connection.
  virtual Status ping() = 0;
  // Inserts `rows` in one transaction. A row whose id is already stored is
  // skipped, so writing the same rows again is harmless. A user_id that is
  // not the id of an existing user is stored as NULL.
  virtual Status insert_rows(const std::vector<SearchLogRow>& rows) = 0;
  // Applies `clicks` in one transaction; one outcome per click, in order.
  virtual Result<std::vector<ClickOutcome>> apply_clicks(const std::vector<SearchClick>& clicks) = 0;
};

// A store on PostgreSQL at `url` (any libpq connection string). It connects
// lazily and reconnects after the connection breaks; construction never fails.
std::unique_ptr<SearchLogStore> make_pg_search_log_store(std::string url);

}  // namespace ayc::search_log
