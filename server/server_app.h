// ayurvedacart-server assembled: configuration in, a running server out.
//
// start() binds the listening socket (and the admin one, --admin-listen),
// opens the spool, starts the search log writer (PostgreSQL being
// unreachable is a warning, never a start-up failure), registers the routes
// and starts serving. begin_drain() turns /readyz to 503 while everything
// else goes on serving (main() waits --drain-ms after it, so a load balancer
// sees the replica leave before its listener closes). stop() is the graceful
// shutdown: the HTTP server stops accepting and lets requests in flight
// finish, then the search log writer flushes to PostgreSQL or the spool,
// together within --shutdown-grace-ms (the flush gets at least one second).
//
// Thread-safety: start() and stop() from one thread (main()).
#pragma once

#include "server/search/snapshot_holder.h"

#include <atomic>
#include <cstdint>
#include <memory>

#include "common/log.h"
#include "common/status.h"
#include "server/api/routes.h"
#include "server/config.h"
#include "server/http/access_log.h"
#include "server/http/http_server.h"
#include "server/http/router.h"
#include "server/metrics/metrics.h"
#include "server/search_log/writer.h"

namespace ayc::server {

class ServerApp {
 public:
  // Start-up warnings, state changes and failures go to `logger`.
  static Result<std::unique_ptr<ServerApp>> start(const ServerConfig& config, const log::Logger& logger);
  ~ServerApp();
  ServerApp(const ServerApp&) = delete;
  ServerApp& operator=(const ServerApp&) = delete;

  std::uint16_t port() const { return http_->port(); }
  // The admin listener's port; 0 without --admin-listen.
  std::uint16_t admin_port() const { return admin_http_ ? admin_http_->port() : 0; }
  metrics::Metrics& metrics() { return metrics_; }
  // Looks for a new index generation now (SIGHUP) instead of at the next interval.
  void reload_index();
  void begin_drain();
  void stop();

 private:
  ServerApp(const ServerConfig& config, const log::Logger& logger)
      : config_(config), logger_(logger), router_(&metrics_, logger) {}

  const ServerConfig config_;
  const log::Logger logger_;
  metrics::Metrics metrics_;
  std::unique_ptr<search_log::SearchLogWriter> search_log_;
  std::unique_ptr<search::SnapshotHolder> index_;
  std::unique_ptr<api::AnswerCache> answers_;
  std::unique_ptr<http::AccessLog> access_log_;
  http::Router router_;
  std::unique_ptr<http::HttpServer> http_;
  std::unique_ptr<http::Router> admin_router_;
  std::unique_ptr<http::HttpServer> admin_http_;
  std::atomic<bool> draining_{false};
  bool stopped_ = false;
};

}  // namespace ayc::server
