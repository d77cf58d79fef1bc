// The HTTP/1.1 server: Boost.Beast on Asio, no Beast types in this header.
//
// One io_context per worker thread (default: one per core). The acceptor hands
// each connection to a worker round-robin; all of that connection's reads,
// request handling and writes then happen on that worker's thread, so a
// request is handled on the thread that read it and sessions need no locks.
//
// Per connection (http_session.cpp): keep-alive; a timeout before every read
// (the whole next request, header and body, must arrive within read_timeout,
// so idle and slowloris clients are cut off) and every write; header and body
// limits (431 / 413, then close); up to pipeline_limit responses queued for a
// pipelining client before reading pauses. The accept loop survives errors;
// over max_connections, new connections are accepted and closed at once.
//
// stop(grace): stop accepting, close idle keep-alive connections, let
// requests in flight finish (their responses say Connection: close) for up to
// `grace`, close whatever is left, join the threads.
//
// Thread-safety: create(), start() and stop() from one owning thread. The
// handler runs on many worker threads at once.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "common/status.h"
#include "server/http/access_log.h"
#include "server/http/http_message.h"
#include "server/http/server_options.h"
#include "server/metrics/metrics.h"

namespace ayc::http {

class HttpServer {
 public:
  // Binds and listens. Unavailable("cannot listen on HOST:PORT: <reason>")
  // when the address is taken or not ours. `metrics` and `access_log` (may be
  // null) must outlive the server.
  static Result<std::unique_ptr<HttpServer>> create(const HttpServerOptions& options, RequestHandler handler,
                                                    metrics::HttpServerMetrics& metrics, AccessLog* access_log);
  ~HttpServer();  // stop(0) when still running
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // The bound port (the chosen one when options.port was 0).
  std::uint16_t port() const;
  // Starts the worker threads and accepting.
  void start();
  // Graceful stop; idempotent.
  void stop(std::chrono::milliseconds grace);

 private:
  struct Impl;
  explicit HttpServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace ayc::http
