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
  // Ok while the server should be sent traffic; otherwise why not (no
  // generation yet, draining, the generation too old): GET /readyz answers
  // 503 with that reason.
  std::function<Status()> readiness = [] { return Status::Unavailable("not started"); };
  // The index generation being served (search, autocomplete, recommendations).
  search::SnapshotHolder* index = nullptr;
  // Rendered answers of autocomplete and related products (may be null: none cached).
  const AnswerCache* answers = nullptr;
};

// Which routes a listener serves: everything (one listener), the storefront
// API with /healthz and /readyz (the public listener when /metrics has its
// own), or /metrics with /healthz and /readyz (--admin-listen).
enum class Listener { kAll, kPublic, kAdmin };

void register_routes(http::Router& router, const AppServices& services, Listener listener = Listener::kAll);

}  // namespace ayc::api
