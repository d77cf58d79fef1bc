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

#include "server/api/answer_cache.h"
#include "server/http/router.h"
#include "server/metrics/metrics.h"
#include "server/search_log/writer.h"

namespace ayc::api {

struct AppServices {
  metrics::Metrics* metrics = nullptr;               // GET /metrics, and any handler's counters
  search_log::SearchLogWriter* search_log = nullptr;    // rows for GET /search, clicks for POST /events/click
  // True once an index generation is loaded and serving (GET /readyz).
  std::function<bool()> ready = [] { return false; };
  // The index generation being served (search, autocomplete, recommendations).
  search::SnapshotHolder* index = nullptr;
  // Rendered answers of autocomplete and related products (may be null: none cached).
  const AnswerCache* answers = nullptr;
};

void register_routes(http::Router& router, const AppServices& services);

}  // namespace ayc::api
