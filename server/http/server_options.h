// What the HTTP server is configured with: where it listens, its limits, and
// the function that answers requests. Shared by the server (http_server.h)
// and its sessions (http_session.h).
//
// Thread-safety: plain values; the handler is called from many worker
// threads at once and must be safe for that.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "common/log.h"
#include "server/http/client_address.h"
#include "server/http/http_message.h"

namespace ayc::http {

struct HttpServerOptions {
  std::string host = "127.0.0.1";  // an address or a name to resolve
  std::uint16_t port = 8080;       // 0: any free port (see HttpServer::port())
  std::size_t threads = 0;         // 0: std::thread::hardware_concurrency()
  std::size_t max_connections = 4096;
  // Open connections from one client address; 0: no limit. Trusted proxies
  // are exempt (they carry many clients).
  std::size_t max_connections_per_client = 0;
  TrustedProxies trusted_proxies;                  // also: whose X-Forwarded-For is believed
  std::chrono::milliseconds first_byte_timeout{5'000};  // a new connection's first byte must arrive within it
  std::chrono::milliseconds read_timeout{10'000};  // per request, per idle wait, per write
  std::size_t max_header_bytes = 8 * 1024;         // request line + headers; over it: 431
  std::size_t max_body_bytes = 64 * 1024;          // over it: 413
  std::size_t pipeline_limit = 16;                 // queued responses per connection
  log::Logger logger;                              // handler and worker failures
};

// Answers one request; must not throw (Router::handle never does; an
// exception that escapes anyway becomes a 500).
using RequestHandler = std::function<HttpResponse(HttpRequest)>;

}  // namespace ayc::http
