// The route table of ayurvedacart-server: every route is registered in
// routes.cpp, in one place.
//
// AppServices is what handlers may use. Fields are non-owning pointers (and
// callbacks); whoever wires the server (server_app.cpp) owns the objects and
// keeps them alive while the router serves. Add new services as new fields.
//
// Thread-safety: handlers run concurrently on the worker threads; everything
// reachable from AppServices must be safe for that.
#pragma once

#include "server/search/snapshot_holder.h"

#include <functional>

#include "server/metrics.h"
#include "server/router.h"
#include "server/search_log_writer.h"

namespace ayc::server {

struct AppServices {
  Metrics* metrics = nullptr;               // GET /metrics, and any handler's counters
  SearchLogWriter* search_log = nullptr;    // rows for GET /search, clicks for POST /events/click
  // True once an index generation is loaded and serving (GET /readyz).
  std::function<bool()> ready = [] { return false; };
  // The index generation being served (search, autocomplete, recommendations).
  search::SnapshotHolder* index = nullptr;
};

void register_routes(Router& router, const AppServices& services);

}  // namespace ayc::server
