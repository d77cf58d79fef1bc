// One client connection of the Beast server (private to http_server.cpp).
//
// The advanced-server design of the Beast examples: a read is outstanding
// while earlier responses are being written; responses queue in order, and
// once pipeline_limit are queued reading pauses until a write completes. A
// response's write is posted behind the requests already read (answers go
// out in bursts; see queue_response).
//
// Thread-safety: a session and its WorkerState live on one worker thread;
// ConnectionTracker is shared and thread-safe.
#pragma once

#include <array>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>

#include "server/http/access_log.h"
#include "server/http/server_options.h"
#include "server/metrics/metrics.h"

namespace ayc::http::detail {

namespace beast = boost::beast;
namespace http = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

// Counts open connections, in all and per client address, for the caps and
// for the shutdown wait.
class ConnectionTracker {
 public:
  enum class Admission { kOpen, kTooMany, kTooManyFromClient };
  // `per_client` 0: no per-address limit for this connection.
  Admission try_open(const std::string& address, std::size_t max, std::size_t per_client);
  void close(const std::string& address);
  // True when none are open before `deadline`.
  bool wait_all_closed(std::chrono::steady_clock::time_point deadline);

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::size_t open_ = 0;
  std::unordered_map<std::string, std::size_t> per_address_;
};

// What every session needs; owned by the server, shared read-only.
struct SessionContext {
  HttpServerOptions options;
  RequestHandler handler;
  metrics::HttpServerMetrics* metrics = nullptr;
  AccessLog* access_log = nullptr;
  ConnectionTracker* tracker = nullptr;
  // Set by stop() before the workers are told: a response finished after it
  // says Connection: close even while the drain task waits for its thread.
  const std::atomic<bool>* draining = nullptr;
};

class HttpSession;

// The sessions of one worker thread; touched only on that thread.
struct WorkerState {
  std::unordered_set<HttpSession*> sessions;
};

class HttpSession : public std::enable_shared_from_this<HttpSession> {
 public:
  // `peer` is the address the tracker counted the connection under.
  HttpSession(tcp::socket&& socket, std::string peer, const SessionContext& ctx, WorkerState& worker);
  ~HttpSession();
  HttpSession(const HttpSession&) = delete;
  HttpSession& operator=(const HttpSession&) = delete;

  void start();
  // Shutdown began: close now if idle, else after the request in flight.
  void begin_drain();
  // Shutdown deadline passed: close regardless.
  void force_close();

 private:
  struct Queued {
    http::response<http::string_body> response;
    bool close = false;
  };

  void on_first_bytes(beast::error_code ec, std::size_t bytes);
  void do_read();
  void on_read(beast::error_code ec, std::size_t bytes);
  void on_read_error(beast::error_code ec);
  void handle_request(http::request<http::string_body>&& request);
  void queue_response(HttpResponse&& response, unsigned version, bool close, bool head);
  void do_write();
  void on_write(bool close, beast::error_code ec, std::size_t bytes);
  void after_write();
  void maybe_close();
  void close_gracefully();
  void on_linger(beast::error_code ec, std::size_t bytes);
  bool idle_between_requests() const;
  bool draining() const { return ctx_.draining->load(std::memory_order_acquire); }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::deque<Queued> queue_;
  const SessionContext& ctx_;
  WorkerState& worker_;
  std::string remote_ip_;
  bool awaiting_first_bytes_ = false;  // a new connection that has sent nothing yet
  bool reading_ = false;
  bool writing_ = false;
  bool write_posted_ = false;  // a do_write is posted and has not run yet
  bool read_done_ = false;  // no further requests will be read
  bool closing_ = false;
  std::size_t lingered_ = 0;
  std::array<char, 4096> linger_buffer_{};
};

}  // namespace ayc::http::detail
