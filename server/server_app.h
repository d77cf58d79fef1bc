// ayurvedacart-server assembled: configuration in, a running server out.
//
// start() binds the listening socket, opens the spool, starts the search log
// writer (PostgreSQL being unreachable is a warning, never a start-up
// failure), registers the routes and starts serving. stop() is the graceful
// shutdown: the HTTP server stops accepting and lets requests in flight
// finish, then the search log writer flushes to PostgreSQL or the spool,
// together within --shutdown-grace-ms (the flush gets at least one second).
//
// Thread-safety: start() and stop() from one thread (main()).
#pragma once

#include "server/search/snapshot_holder.h"

#include <cstdint>
#include <memory>

#include "common/status.h"
#include "server/access_log.h"
#include "server/config.h"
#include "server/http_server.h"
#include "server/metrics.h"
#include "server/router.h"
#include "server/routes.h"
#include "server/search_log_writer.h"

namespace ayc::server {

class ServerApp {
 public:
  static Result<std::unique_ptr<ServerApp>> start(const ServerConfig& config);
  ~ServerApp();
  ServerApp(const ServerApp&) = delete;
  ServerApp& operator=(const ServerApp&) = delete;

  std::uint16_t port() const { return http_->port(); }
  Metrics& metrics() { return metrics_; }
  // Looks for a new index generation now (SIGHUP) instead of at the next interval.
  void reload_index();
  void stop();

 private:
  explicit ServerApp(const ServerConfig& config) : config_(config), router_(&metrics_) {}

  const ServerConfig config_;
  Metrics metrics_;
  std::unique_ptr<SearchLogWriter> search_log_;
  std::unique_ptr<search::SnapshotHolder> index_;
  std::unique_ptr<AccessLog> access_log_;
  Router router_;
  std::unique_ptr<HttpServer> http_;
  bool stopped_ = false;
};

}  // namespace ayc::server
