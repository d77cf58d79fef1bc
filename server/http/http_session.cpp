#include "server/http/http_session.h"

#include <algorithm>

#include <boost/asio/error.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/bind_handler.hpp>

#include "common/text.h"
#include "common/uuid.h"
#include "server/http/error_response.h"
#include "server/http/request_framing.h"

namespace ayc::http::detail {

namespace {

constexpr std::size_t kMaxLingerBytes = 64 * 1024;

// An incoming X-Request-Id worth keeping: short, and nothing a log line
// would have to escape.
bool usable_request_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '-';
  });
}

HttpRequest to_request(http::request<http::string_body>&& in, const std::string& peer, const TrustedProxies& proxies) {
  HttpRequest req;
  req.method = std::string(in.method_string());
  req.target = std::string(in.target());
  req.headers.reserve(8);
  for (const auto& field : in) req.headers.emplace_back(text::ascii_lower(field.name_string()), std::string(field.value()));
  req.body = std::move(in.body());
  req.remote_ip = peer;
  if (!proxies.empty()) {
    std::vector<std::string_view> forwarded;
    for (const auto& [name, value] : req.headers)
      if (name == "x-forwarded-for") forwarded.push_back(value);
    if (!forwarded.empty()) req.remote_ip = proxies.client_address(peer, forwarded);
  }
  req.arrival = std::chrono::steady_clock::now();
  req.received_at = std::chrono::system_clock::now();
  const auto incoming = req.header("x-request-id");
  req.request_id = incoming && usable_request_id(*incoming) ? std::string(*incoming) : new_uuid_v7(req.received_at);
  return req;
}

http::response<http::string_body> to_beast(HttpResponse&& in, unsigned version, bool close, bool head) {
  http::response<http::string_body> out;
  out.version(version);
  out.result(static_cast<unsigned>(in.status));
  out.set(http::field::server, "ayurvedacart");
  out.set("X-Content-Type-Options", "nosniff");  // a browser never reads an answer as another type
  if (!in.content_type.empty()) out.set(http::field::content_type, in.content_type);
  for (auto& [name, value] : in.headers) out.insert(name, value);
  const bool bodiless_status = in.status / 100 == 1 || in.status == 204 || in.status == 304;
  if (!bodiless_status) out.body() = std::move(in.body);
  out.keep_alive(!close);
  out.prepare_payload();
  if (head) out.body().clear();  // Content-Length stays that of the GET answer
  return out;
}

bool is_parse_error(const beast::error_code& ec) { return ec.category() == http::make_error_code(http::error::bad_method).category(); }

}  // namespace

ConnectionTracker::Admission ConnectionTracker::try_open(const std::string& address, std::size_t max,
                                                         std::size_t per_client) {
  std::lock_guard lock(mu_);
  if (open_ >= max) return Admission::kTooMany;
  std::size_t& mine = per_address_[address];
  if (per_client != 0 && mine >= per_client) return Admission::kTooManyFromClient;  // mine >= 1: kept
  ++mine;
  ++open_;
  return Admission::kOpen;
}

void ConnectionTracker::close(const std::string& address) {
  std::lock_guard lock(mu_);
  auto it = per_address_.find(address);
  if (it != per_address_.end() && --it->second == 0) per_address_.erase(it);
  if (--open_ == 0) cv_.notify_all();
}

bool ConnectionTracker::wait_all_closed(std::chrono::steady_clock::time_point deadline) {
  std::unique_lock lock(mu_);
  return cv_.wait_until(lock, deadline, [&] { return open_ == 0; });
}

HttpSession::HttpSession(tcp::socket&& socket, std::string peer, const SessionContext& ctx, WorkerState& worker)
    : stream_(std::move(socket)), buffer_(ctx.options.max_header_bytes + ctx.options.max_body_bytes + 16 * 1024),
      ctx_(ctx), worker_(worker), remote_ip_(std::move(peer)) {
  worker_.sessions.insert(this);
  ctx_.metrics->open_connections.add(1);
  beast::error_code ec;
  stream_.socket().set_option(tcp::no_delay(true), ec);
}

HttpSession::~HttpSession() {
  worker_.sessions.erase(this);
  ctx_.metrics->open_connections.add(-1);
  ctx_.tracker->close(remote_ip_);
}

void HttpSession::start() {
  if (draining()) {
    beast::error_code ec;
    stream_.socket().close(ec);
    return;
  }
  // A connection that sends nothing is closed after first_byte_timeout,
  // sooner than a slow request (read_timeout): idle sockets cannot pile up.
  awaiting_first_bytes_ = true;
  stream_.expires_after(ctx_.options.first_byte_timeout);
  stream_.async_read_some(buffer_.prepare(4096),
                          beast::bind_front_handler(&HttpSession::on_first_bytes, shared_from_this()));
}

void HttpSession::on_first_bytes(beast::error_code ec, std::size_t bytes) {
  awaiting_first_bytes_ = false;
  if (ec) {
    read_done_ = true;
    if (ec == beast::error::timeout) ctx_.metrics->first_byte_timeouts.inc();  // Beast closed the socket
    beast::error_code ignored;
    stream_.socket().close(ignored);
    return;
  }
  buffer_.commit(bytes);
  do_read();
}

bool HttpSession::idle_between_requests() const {
  return awaiting_first_bytes_ || (reading_ && !parser_->got_some() && buffer_.size() == 0);
}

void HttpSession::begin_drain() {
  if (idle_between_requests() && !writing_ && queue_.empty()) {
    beast::error_code ec;
    stream_.socket().cancel(ec);  // the read completes with operation_aborted and the session closes
  }
}

void HttpSession::force_close() {
  beast::error_code ec;
  stream_.socket().close(ec);
}

void HttpSession::do_read() {
  if (draining() && buffer_.size() == 0) {
    read_done_ = true;
    maybe_close();
    return;
  }
  parser_.emplace();
  parser_->header_limit(static_cast<std::uint32_t>(ctx_.options.max_header_bytes));
  parser_->body_limit(ctx_.options.max_body_bytes);
  stream_.expires_after(ctx_.options.read_timeout);
  reading_ = true;
  http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&HttpSession::on_read, shared_from_this()));
}

void HttpSession::on_read(beast::error_code ec, std::size_t) {
  reading_ = false;
  if (ec) {
    on_read_error(ec);
    return;
  }
  handle_request(parser_->release());
}

void HttpSession::on_read_error(beast::error_code ec) {
  read_done_ = true;
  if (ec == beast::error::timeout) {
    ctx_.metrics->read_timeouts.inc();  // Beast closed the socket already
    return;
  }
  if (ec == net::error::operation_aborted) {  // drained while idle, or force-closed
    beast::error_code ignored;
    stream_.socket().close(ignored);
    return;
  }
  if (ec == http::error::end_of_stream || ec == http::error::partial_message) {
    maybe_close();
    return;
  }
  if (ec == http::error::header_limit) {
    ctx_.metrics->header_too_large.inc();
    queue_response(failure_response(HttpFailure::kHeaderTooLarge, "request header larger than " +
                   std::to_string(ctx_.options.max_header_bytes) + " bytes"), 11, true, false);
  } else if (ec == http::error::body_limit) {
    ctx_.metrics->body_too_large.inc();
    queue_response(failure_response(HttpFailure::kPayloadTooLarge, "request body larger than " +
                   std::to_string(ctx_.options.max_body_bytes) + " bytes"), 11, true, false);
  } else if (is_parse_error(ec) && (parser_->got_some() || buffer_.size() > 0)) {
    ctx_.metrics->malformed_requests.inc();
    queue_response(failure_response(HttpFailure::kMalformedRequest, "malformed HTTP request: " + ec.message()), 11,
                   true, false);
  } else {
    beast::error_code ignored;  // connection reset and the like: nobody to answer
    stream_.socket().close(ignored);
  }
}

void HttpSession::handle_request(http::request<http::string_body>&& request) {
  const bool keep_alive = request.keep_alive();
  const bool head = request.method() == http::verb::head;
  const unsigned version = request.version();
  HttpRequest req = to_request(std::move(request), remote_ip_, ctx_.options.trusted_proxies);
  const std::string request_id = req.request_id;
  if (auto problem = framing_problem(version, req.headers)) {
    // Nothing after this request can be trusted to start a new one.
    ctx_.metrics->malformed_requests.inc();
    HttpResponse refused = failure_response(HttpFailure::kMalformedRequest, *problem);
    refused.headers.emplace_back("X-Request-Id", request_id);
    queue_response(std::move(refused), version, true, head);
    read_done_ = true;
    return;
  }
  AccessLog::Entry entry;
  if (ctx_.access_log != nullptr) {
    entry = {req.received_at, req.remote_ip, req.method, req.target, 0, 0, {},
             std::string(req.header("user-agent").value_or("")), request_id};
  }
  const auto arrival = req.arrival;
  HttpResponse response;
  try {
    response = ctx_.handler(std::move(req));
  } catch (const std::exception& e) {
    ctx_.options.logger.error(std::string("request handler threw: ") + e.what());
    response = failure_response(HttpFailure::kHandlerCrashed, "internal server error");
  }
  response.headers.emplace_back("X-Request-Id", request_id);
  if (ctx_.access_log != nullptr) {
    entry.status = response.status;
    entry.body_bytes = response.body.size();
    entry.duration = std::chrono::steady_clock::now() - arrival;
    ctx_.access_log->record(std::move(entry));
  }
  const bool close = !keep_alive || draining();  // after the handler: stop() may have begun meanwhile
  queue_response(std::move(response), version, close, head);
  if (close) {
    read_done_ = true;
  } else if (queue_.size() < ctx_.options.pipeline_limit) {
    do_read();
  }
}

void HttpSession::queue_response(HttpResponse&& response, unsigned version, bool close, bool head) {
  queue_.push_back({to_beast(std::move(response), version, close, head), close});
  // The write is posted behind the requests this worker has already read, so
  // it sends its answers in a burst after handling them: a client thread
  // waiting on many connections is then woken once for several answers
  // instead of once per answer (each wake-up is an interrupt to another CPU,
  // costly in a VM). All-distinct /search, six alternating pairs: +14% answers
  // per second (geometric mean; more in five of six), less server CPU per
  // answer in five of six (bench/RESULTS.md).
  if (writing_ || write_posted_) return;
  write_posted_ = true;
  net::post(stream_.get_executor(), [self = shared_from_this()] {
    self->write_posted_ = false;
    if (!self->writing_ && !self->queue_.empty()) self->do_write();
  });
}

void HttpSession::do_write() {
  writing_ = true;
  stream_.expires_after(ctx_.options.read_timeout);
  const bool close = queue_.front().close;
  http::async_write(stream_, queue_.front().response,
                    beast::bind_front_handler(&HttpSession::on_write, shared_from_this(), close));
}

void HttpSession::on_write(bool close, beast::error_code ec, std::size_t) {
  writing_ = false;
  if (ec) {
    read_done_ = true;
    beast::error_code ignored;
    stream_.socket().close(ignored);
    return;
  }
  queue_.pop_front();
  if (close) {
    close_gracefully();
    return;
  }
  after_write();
}

void HttpSession::after_write() {
  if (!queue_.empty()) do_write();
  if (draining() && idle_between_requests() && queue_.empty()) {
    beast::error_code ec;
    stream_.socket().cancel(ec);
    return;
  }
  if (!reading_ && !read_done_ && queue_.size() < ctx_.options.pipeline_limit) do_read();
  maybe_close();
}

void HttpSession::maybe_close() {
  if (read_done_ && !reading_ && !writing_ && queue_.empty()) close_gracefully();
}

// Half-close, then read and discard what the client still sends (for a short
// while) so the kernel does not answer it with a reset that could destroy
// our last response before the client reads it.
void HttpSession::close_gracefully() {
  if (closing_) return;
  closing_ = true;
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  if (ec) {
    stream_.socket().close(ec);
    return;
  }
  stream_.expires_after(std::min(ctx_.options.read_timeout, std::chrono::milliseconds(1000)));
  stream_.async_read_some(net::buffer(linger_buffer_),
                          beast::bind_front_handler(&HttpSession::on_linger, shared_from_this()));
}

void HttpSession::on_linger(beast::error_code ec, std::size_t bytes) {
  lingered_ += bytes;
  if (!ec && lingered_ < kMaxLingerBytes) {
    stream_.async_read_some(net::buffer(linger_buffer_),
                            beast::bind_front_handler(&HttpSession::on_linger, shared_from_this()));
    return;
  }
  beast::error_code ignored;
  stream_.socket().close(ignored);
}

}  // namespace ayc::http::detail
