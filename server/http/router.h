// Method + path pattern -> handler, with every failure turned into JSON.
//
// Patterns are literal segments and {name} segments: "/products/{id}/related"
// matches "/products/ashwagandha-churna/related" with id = "ashwagandha-churna"
// (percent-decoded; an encoded '/' stays inside the segment). When several
// routes match, the one with a literal segment earliest wins, so
// "/products/popular" beats "/products/{id}". HEAD is answered by the GET route.
//
// handle() is the whole request boundary: it parses the target, answers 404
// for unknown paths and 405 (with Allow) for a known path with another method,
// maps a handler's Status through error_response.h, turns any exception into
// a 500 JSON body (logged, never propagated), and records per-route metrics.
// OPTIONS on a known path is answered 204 with Allow (and, for a CORS
// preflight, what cors.h says); every answer gets the CORS headers its
// Origin calls for.
// Tests call it directly, without sockets.
//
// Thread-safety: add() before serving; handle() is const and may run on many
// threads at once (handlers must be thread-safe themselves).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/log.h"
#include "common/status.h"
#include "server/http/cors.h"
#include "server/http/http_message.h"
#include "server/metrics/metrics.h"

namespace ayc::http {

class PathParams {
 public:
  // The decoded value of {name}; empty if the pattern has no such segment.
  std::string_view get(std::string_view name) const;
  void set(std::string name, std::string value) { entries_.emplace_back(std::move(name), std::move(value)); }
  const std::vector<std::pair<std::string, std::string>>& entries() const { return entries_; }

 private:
  std::vector<std::pair<std::string, std::string>> entries_;
};

using Handler = std::function<Result<HttpResponse>(const HttpRequest&, const PathParams&)>;

class Router {
 public:
  // `metrics` may be null (no recording); it must outlive the router.
  // Handlers that fail with an internal error or throw are logged to `logger`.
  explicit Router(metrics::Metrics* metrics = nullptr, log::Logger logger = {});

  // Throws std::invalid_argument for a malformed pattern or a duplicate
  // (method, pattern): a programming error, found at start-up.
  void add(std::string method, std::string pattern, Handler handler);
  // GET/HEAD of "/<first_segment>/..." that no route matches: `handler` gets
  // the rest of the path as PathParams "path" ("js/app.mjs"; "" for
  // "/<first_segment>/"). A segment holding an encoded '/' or a NUL is 404.
  // For static files (static_files.h).
  void add_prefix(std::string first_segment, Handler handler);
  // Which browser origins may read the answers (default: none).
  void set_cors(CorsPolicy cors) { cors_ = std::move(cors); }

  HttpResponse handle(HttpRequest req) const;

 private:
  struct Segment {
    std::string text;  // literal text, or the parameter name
    bool is_param = false;
  };
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<Segment> segments;
    Handler handler;
    metrics::RouteMetrics* metrics = nullptr;
  };

  HttpResponse dispatch(HttpRequest& req, const std::vector<std::string>& segments,
                        metrics::RouteMetrics** matched) const;
  static bool matches(const Route& route, const std::vector<std::string>& segments);
  static bool more_specific(const Route& a, const Route& b);
  HttpResponse call(const Route& route, const HttpRequest& req, const std::vector<std::string>& segments) const;
  // Runs a handler: its Status as a JSON error, an exception as a logged 500.
  HttpResponse invoke(std::string_view method, std::string_view pattern, const Handler& handler,
                      const HttpRequest& req, const PathParams& params) const;

  std::vector<Route> routes_;
  struct Prefix {
    std::string first_segment;
    std::string pattern;  // "/web/...", for the log
    Handler handler;
  };
  std::vector<Prefix> prefixes_;
  metrics::Metrics* metrics_ = nullptr;
  log::Logger logger_;
  metrics::RouteMetrics* unmatched_metrics_ = nullptr;
  CorsPolicy cors_;
};

}  // namespace ayc::http
