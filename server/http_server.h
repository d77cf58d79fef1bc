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
#include "server/access_log.h"
#include "server/http_message.h"
#include "server/metrics.h"

namespace ayc::server {

struct HttpServerOptions {
  std::string host = "127.0.0.1";  // an address or a name to resolve
  std::uint16_t port = 8080;       // 0: any free port (see HttpServer::port())
  std::size_t threads = 0;         // 0: std::thread::hardware_concurrency()
  std::size_t max_connections = 4096;
  std::chrono::milliseconds read_timeout{10'000};  // per request, per idle wait, per write
  std::size_t max_header_bytes = 8 * 1024;         // request line + headers; over it: 431
  std::size_t max_body_bytes = 64 * 1024;          // over it: 413
  std::size_t pipeline_limit = 16;                 // queued responses per connection
};

// Answers one request; must not throw (Router::handle never does; an
// exception that escapes anyway becomes a 500).
using RequestHandler = std::function<HttpResponse(HttpRequest)>;

class HttpServer {
 public:
  // Binds and listens. Unavailable("cannot listen on HOST:PORT: <reason>")
  // when the address is taken or not ours. `metrics` and `access_log` (may be
  // null) must outlive the server.
  static Result<std::unique_ptr<HttpServer>> create(const HttpServerOptions& options, RequestHandler handler,
                                                    HttpServerMetrics& metrics, AccessLog* access_log);
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

}  // namespace ayc::server
