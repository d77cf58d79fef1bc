// Fuzz target: raw bytes on a connection, as the Beast session reads them,
// without a socket.
//
// The input is everything a client sends on one connection. As
// server/http/http_session.cpp does, each request is read by a fresh
// boost::beast::http::request_parser<string_body> (header limit 8 KiB, body
// limit 64 KiB), turned into an HttpRequest (header names lower-cased),
// checked by framing_problem() and handed to a Router holding the platform
// routes of server/api/routes.h (/healthz, /readyz, /metrics, POST
// /events/click; no index, so no search routes) with a SearchLogWriter on an
// in-memory store. Pipelined requests are read until the input ends, a
// request says Connection: close, or one is refused (413, 431, 400), which is
// where the session stops reading.
//
// Invariants:
//   - the router never throws and no handler throws or fails with a 500
//     (the router logs those: any error-level log line is a failure);
//   - every status is 100-599; a JSON answer parses (simdjson), an error
//     answer is {"error": {"code": string, "message": string}}; 204 has no body;
//   - the answer, serialized as the session does (status, Content-Type,
//     Content-Length, keep-alive), parses back with Beast into the same status
//     and body;
//   - framing: when framing_problem() accepts a request with
//     Transfer-Encoding, Beast read it chunked; without Transfer-Encoding,
//     its body is exactly as long as every Content-Length value says (what a
//     proxy in front would read; a disagreement is request smuggling);
//   - the query parameter helpers (server/http/params.h, country_param) give
//     values within their stated ranges and text rules, or an error whose
//     JSON answer is valid;
//   - X-Request-Id: the client's is echoed only when it is 1-64 of
//     [A-Za-z0-9._-] (http_message.h), otherwise one is made; either way
//     the answer header survives the wire;
//   - the client address (TrustedProxies, the peer being a trusted proxy):
//     the peer itself or one X-Forwarded-For hop as sent, and always an
//     IPv4 or IPv6 address (it is stored in search_logs.ip_address, inet);
//   - the access log line (AccessLog::format) of every request, text and
//     JSON: one line, valid UTF-8, no control bytes; the text form's escapes
//     (log::escape_text) decode back to the request's method, target, user
//     agent and id; the JSON form parses and holds them (made valid UTF-8).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include <arpa/inet.h>

#include <boost/beast/http.hpp>
#include <simdjson.h>

#include "common/json_text.h"
#include "common/log.h"
#include "common/text.h"
#include "common/uuid.h"
#include "server/api/api_params.h"
#include "server/api/routes.h"
#include "server/http/access_log.h"
#include "server/http/client_address.h"
#include "server/http/error_response.h"
#include "server/http/http_message.h"
#include "server/http/params.h"
#include "server/http/request_framing.h"
#include "server/http/request_target.h"
#include "server/http/router.h"
#include "server/metrics/metrics.h"
#include "server/search_log/writer.h"
#include "tests/fuzz/fuzz_support.h"
#include "tests/server/search_log/fake_store.h"

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

namespace {

using ayc::fuzz::escaped;

constexpr std::uint32_t kHeaderLimit = 8 * 1024;  // --max-header-bytes default
constexpr std::uint64_t kBodyLimit = 64 * 1024;   // --max-body-bytes default
constexpr const char* kPeer = "10.1.2.3";          // the load balancer, a trusted proxy

const ayc::http::TrustedProxies& trusted_proxies() {
  static const ayc::http::TrustedProxies proxies = [] {
    auto parsed = ayc::http::TrustedProxies::parse("10.0.0.0/8, 127.0.0.1, fd00::/8, 192.0.2.0/24");
    AYC_FUZZ_CHECK(parsed.ok(), "the trusted proxy list does not parse");
    return *parsed;
  }();
  return proxies;
}

bool is_ip_address(const std::string& text) {
  unsigned char buf[16];
  return inet_pton(AF_INET, text.c_str(), buf) == 1 || inet_pton(AF_INET6, text.c_str(), buf) == 1;
}

// http_session.cpp's to_request(): X-Forwarded-For read when the peer is a trusted proxy.
std::string client_of(const ayc::http::HttpRequest& req) {
  std::vector<std::string_view> forwarded;
  for (const auto& [name, value] : req.headers)
    if (name == "x-forwarded-for") forwarded.push_back(value);
  if (forwarded.empty()) return kPeer;
  const std::string client = trusted_proxies().client_address(kPeer, forwarded);
  if (client != kPeer) {
    // The client is one hop, written canonically (as inet_ntop writes it).
    bool is_hop = false;
    for (std::string_view value : forwarded) {
      std::size_t start = 0;
      while (start <= value.size() && !is_hop) {
        std::size_t end = value.find(',', start);
        if (end == std::string_view::npos) end = value.size();
        std::string hop(value.substr(start, end - start));
        hop.erase(0, hop.find_first_not_of(" \t"));
        hop.erase(hop.find_last_not_of(" \t") + 1);
        unsigned char buf[16];
        char text[64];
        if (inet_pton(AF_INET, hop.c_str(), buf) == 1) {
          is_hop = inet_ntop(AF_INET, buf, text, sizeof text) != nullptr && client == text;
        } else if (inet_pton(AF_INET6, hop.c_str(), buf) == 1) {
          is_hop = inet_ntop(AF_INET6, buf, text, sizeof text) != nullptr && client == text;
        }
        start = end + 1;
      }
    }
    AYC_FUZZ_CHECK(is_hop, "the client address '" + escaped(client) + "' is neither the peer nor a forwarded hop");
  }
  AYC_FUZZ_CHECK(client.find('\0') == std::string::npos && is_ip_address(client),
                 "the client address '" + escaped(client) + "' is no IP address (search_logs.ip_address is inet)");
  return client;
}

// One server's worth of objects; built per input so every run is alike.
struct Server {
  ayc::metrics::Metrics metrics;
  ayc::testing::FakeStore::State store_state;
  std::unique_ptr<ayc::search_log::SearchLogWriter> writer;
  std::unique_ptr<ayc::http::Router> router;
  std::string errors;  // error-level log lines (a handler threw or failed with a 500)

  Server() {
    ayc::log::Logger logger(
        [this](const ayc::log::Record& r) {
          if (r.level >= ayc::log::Level::kError) errors += std::string(r.message) + "\n";
        },
        ayc::log::Level::kWarning);
    ayc::search_log::SearchLogWriter::Options options;
    options.queue_capacity = 8;  // some clicks queue, later ones are refused (503)
    options.logger = logger;
    writer = std::make_unique<ayc::search_log::SearchLogWriter>(
        options, std::make_unique<ayc::testing::FakeStore>(store_state), nullptr, metrics.search_log());
    router = std::make_unique<ayc::http::Router>(&metrics, logger);
    ayc::api::AppServices services;
    services.metrics = &metrics;
    services.search_log = writer.get();
    services.readiness = [] { return ayc::Status::Ok(); };
    ayc::api::register_routes(*router, services, ayc::api::Listener::kAll);
  }
};

bool is_json(const ayc::http::HttpResponse& r) { return r.content_type.rfind("application/json", 0) == 0; }

void check_json_body(const ayc::http::HttpResponse& r, std::string_view context) {
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element doc;
  const auto err = parser.parse(r.body.data(), r.body.size(), true).get(doc);
  AYC_FUZZ_CHECK(err == simdjson::SUCCESS, std::string(context) + ": JSON answer does not parse (" +
                                               simdjson::error_message(err) + "): " + escaped(r.body));
  if (r.status >= 400) {
    simdjson::dom::object error;
    std::string_view code, message;
    AYC_FUZZ_CHECK(doc["error"].get_object().get(error) == simdjson::SUCCESS &&
                       error["code"].get_string().get(code) == simdjson::SUCCESS &&
                       error["message"].get_string().get(message) == simdjson::SUCCESS,
                   std::string(context) + ": error answer is not {\"error\":{\"code\",\"message\"}}: " +
                       escaped(r.body));
  }
}

// The answer as http_session.cpp's to_beast() writes it, parsed back by Beast.
void check_wire_form(ayc::http::HttpResponse r, unsigned version, bool close, bool head, std::string_view context) {
  const int status = r.status;
  const bool bodiless = status / 100 == 1 || status == 204 || status == 304;
  const std::string body = bodiless ? std::string() : r.body;
  bhttp::response<bhttp::string_body> out;
  out.version(version);
  out.result(static_cast<unsigned>(status));
  out.set(bhttp::field::server, "ayurvedacart");
  out.set("X-Content-Type-Options", "nosniff");
  if (!r.content_type.empty()) out.set(bhttp::field::content_type, r.content_type);
  for (auto& [name, value] : r.headers) out.insert(name, value);
  if (!bodiless) out.body() = std::move(r.body);
  out.keep_alive(!close);
  out.prepare_payload();
  if (head) out.body().clear();
  std::ostringstream wire;
  wire << out;
  const std::string bytes = wire.str();

  bhttp::response_parser<bhttp::string_body> parser;
  parser.eager(true);
  parser.body_limit(boost::none);
  if (head) parser.skip(true);
  beast::error_code ec;
  parser.put(boost::asio::buffer(bytes), ec);
  if (ec == bhttp::error::need_more) parser.put_eof(ec);
  AYC_FUZZ_CHECK(!ec && parser.is_done(),
                 std::string(context) + ": the answer does not parse back (" + ec.message() + "): " + escaped(bytes));
  const auto& back = parser.get();
  AYC_FUZZ_CHECK(back.result_int() == static_cast<unsigned>(status),
                 std::string(context) + ": status changed on the wire: " + escaped(bytes));
  AYC_FUZZ_CHECK(head || back.body() == body, std::string(context) + ": body changed on the wire: " + escaped(bytes));
  for (const auto& [name, value] : r.headers) {
    AYC_FUZZ_CHECK(back[name] == value, std::string(context) + ": header " + name + " changed on the wire: " +
                                            escaped(bytes));
  }
}

void check_response(const ayc::http::HttpResponse& r, unsigned version, bool close, bool head,
                    std::string_view context) {
  AYC_FUZZ_CHECK(r.status >= 100 && r.status <= 599, std::string(context) + ": status " + std::to_string(r.status));
  if (is_json(r)) check_json_body(r, context);
  if (r.status == 204) AYC_FUZZ_CHECK(r.body.empty() && r.content_type.empty(), std::string(context) + ": 204 with a body");
  check_wire_form(r, version, close, head, context);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The framing both sides of a proxy must agree on (RFC 9112 section 6.3).
void check_framing_agreement(const ayc::http::HttpRequest& req, bool chunked, std::string_view context) {
  bool has_te = false;
  for (const auto& [name, value] : req.headers) has_te = has_te || name == "transfer-encoding";
  if (has_te) {
    AYC_FUZZ_CHECK(chunked, std::string(context) +
                                ": framing_problem() accepts this Transfer-Encoding, but Beast did not read the body "
                                "as chunked (a proxy would): request smuggling");
    return;
  }
  AYC_FUZZ_CHECK(!chunked, std::string(context) + ": chunked without a Transfer-Encoding header");
  for (const auto& [name, value] : req.headers) {
    if (name != "content-length") continue;
    std::string_view rest = value;
    while (true) {
      const std::size_t comma = rest.find(',');
      const std::string_view item = trim(rest.substr(0, comma));
      AYC_FUZZ_CHECK(!item.empty() && item.find_first_not_of("0123456789") == std::string_view::npos &&
                         item.size() <= 19 && std::stoull(std::string(item)) == req.body.size(),
                     std::string(context) + ": Content-Length '" + escaped(value) + "' but a body of " +
                         std::to_string(req.body.size()) + " bytes was read");
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
  }
}

// http_session.cpp's usable_request_id() (private there), from the rule
// http_message.h states.
bool usable_request_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                    c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

// log::escape_text(in, true) undone: \xHH back to its byte.
std::string unescape_text(std::string_view in) {
  std::string out;
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '\\' && i + 3 < in.size() && in[i + 1] == 'x') {
      out += static_cast<char>(std::stoi(std::string(in.substr(i + 2, 2)), nullptr, 16));
      i += 3;
    } else {
      out += in[i];
    }
  }
  return out;
}

void check_access_log(const ayc::http::HttpRequest& req, int status, std::size_t body_bytes) {
  ayc::http::AccessLog::Entry entry{req.received_at, req.remote_ip, req.method, req.target, status, body_bytes,
                                    std::chrono::microseconds(734), std::string(req.header("user-agent").value_or("")),
                                    req.request_id};
  const std::string text_line = ayc::http::AccessLog::format(entry, ayc::log::Format::kText);
  const std::string json_line = ayc::http::AccessLog::format(entry, ayc::log::Format::kJson);
  for (const std::string* line : {&text_line, &json_line}) {
    AYC_FUZZ_CHECK(!line->empty() && line->back() == '\n' && line->find('\n') == line->size() - 1,
                   "an access log entry is not one line: " + escaped(*line));
    AYC_FUZZ_CHECK(ayc::text::is_valid_utf8(*line), "an access log line is not UTF-8: " + escaped(*line));
    for (std::size_t i = 0; i + 1 < line->size(); ++i) {
      const unsigned char c = static_cast<unsigned char>((*line)[i]);
      AYC_FUZZ_CHECK(c >= 0x20 && c != 0x7F, "an access log line holds a control byte: " + escaped(*line));
    }
  }
  for (const std::string* field : {&entry.method, &entry.target, &entry.user_agent, &entry.request_id}) {
    const std::string e = ayc::log::escape_text(*field, true);
    AYC_FUZZ_CHECK(e.find('"') == std::string::npos && unescape_text(e) == *field,
                   "escape_text does not round-trip '" + escaped(*field) + "' ('" + escaped(e) + "')");
  }
  thread_local simdjson::dom::parser parser;
  simdjson::dom::object obj;
  AYC_FUZZ_CHECK(parser.parse(json_line.data(), json_line.size(), true).get_object().get(obj) == simdjson::SUCCESS,
                 "the JSON access log line does not parse: " + escaped(json_line));
  const std::pair<const char*, const std::string*> fields[] = {
      {"method", &entry.method}, {"target", &entry.target}, {"user_agent", &entry.user_agent},
      {"request_id", &entry.request_id}, {"client", &entry.remote_ip}};
  for (const auto& [key, value] : fields) {
    std::string_view got;
    AYC_FUZZ_CHECK(obj[key].get_string().get(got) == simdjson::SUCCESS && got == ayc::text::to_valid_utf8(*value),
                   std::string("the JSON access log line's ") + key + " is not the request's: " + escaped(json_line));
  }
  std::int64_t logged_status = 0;
  AYC_FUZZ_CHECK(obj["status"].get_int64().get(logged_status) == simdjson::SUCCESS && logged_status == status,
                 "the JSON access log line's status is wrong");
}

template <class T>
void check_error_or(const ayc::Result<T>& r, std::string_view context) {
  if (r.ok()) return;
  const ayc::http::HttpResponse answer = ayc::http::error_response(r.status());
  AYC_FUZZ_CHECK(answer.status == 400, std::string(context) + ": a parameter error is not a 400");
  check_json_body(answer, context);
}

// What handlers read from a request: every helper on the parameter names the
// storefront uses, each within its stated rules.
void check_params(const ayc::http::HttpRequest& raw) {
  auto target = ayc::http::parse_target(raw.target);
  if (!target.ok()) {
    check_json_body(ayc::http::error_response(target.status()), "parse_target error");
    return;
  }
  for (const auto& segment : target->segments) {
    AYC_FUZZ_CHECK(target->path.find(segment) != std::string::npos, "a path segment is not in the decoded path");
  }
  AYC_FUZZ_CHECK(ayc::text::is_valid_utf8(target->path) && !ayc::text::has_control_chars(target->path),
                 "decoded path is not UTF-8 text: " + escaped(target->path));
  ayc::http::HttpRequest req = raw;
  req.path = target->path;
  req.query = target->query;

  auto limit = ayc::http::param_int(req, "limit", 10, 1, 100);
  check_error_or(limit, "param_int");
  if (limit.ok()) AYC_FUZZ_CHECK(*limit >= 1 && *limit <= 100, "limit out of range");
  auto offset = ayc::http::param_optional_int(req, "offset", 0, 10'000);
  check_error_or(offset, "param_optional_int");
  if (offset.ok() && *offset) AYC_FUZZ_CHECK(**offset >= 0 && **offset <= 10'000, "offset out of range");
  for (const char* name : {"min_price", "max_price"}) {
    auto price = ayc::http::param_optional_double(req, name, 0, 1e9);
    check_error_or(price, "param_optional_double");
    if (price.ok() && *price) {
      AYC_FUZZ_CHECK(std::isfinite(**price) && **price >= 0 && **price <= 1e9, "price out of range");
    }
  }
  for (const char* name : {"q", "session_id", "user_id"}) {
    auto text = ayc::http::param_string(req, name, 200);
    check_error_or(text, "param_string");
    if (text.ok() && *text) {
      const std::string& v = **text;
      AYC_FUZZ_CHECK(ayc::text::is_valid_utf8(v) && ayc::text::utf8_length(v) <= 200,
                     "param_string gave invalid text: " + escaped(v));
      for (unsigned char c : v) AYC_FUZZ_CHECK(c >= 0x20 && c != 0x7F, "param_string gave a control character");
      AYC_FUZZ_CHECK(ayc::http::check_text(v, "q", 200).ok(), "param_string and check_text disagree");
    }
  }
  auto sort = ayc::http::param_enum(req, "sort", {"relevance", "price_asc", "price_desc", "rating", "newest"},
                                    "relevance");
  check_error_or(sort, "param_enum");
  if (sort.ok()) {
    AYC_FUZZ_CHECK(*sort == "relevance" || *sort == "price_asc" || *sort == "price_desc" || *sort == "rating" ||
                       *sort == "newest",
                   "param_enum gave " + escaped(*sort));
  }
  check_error_or(ayc::http::param_bool(req, "in_stock", false), "param_bool");
  auto country = ayc::api::country_param(req);
  check_error_or(country, "country_param");
  if (country.ok()) {
    const std::string& c = *country;
    AYC_FUZZ_CHECK(c.empty() || (c.size() == 2 && c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' && c[1] <= 'Z'),
                   "country_param gave " + escaped(c));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Server server;
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  for (int n = 1; !rest.empty(); ++n) {
    const std::string context = "request " + std::to_string(n);
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(kHeaderLimit);
    parser.body_limit(kBodyLimit);
    parser.eager(true);  // as http::async_read does
    beast::error_code ec;
    while (!parser.is_done()) {
      if (rest.empty()) {
        parser.put_eof(ec);
        break;
      }
      const std::size_t used = parser.put(boost::asio::buffer(rest.data(), rest.size()), ec);
      rest.remove_prefix(used);
      if (ec && ec != bhttp::error::need_more) break;
      ec = {};
      if (used == 0) {  // it has all there is and wants more: the client closed the connection here
        parser.put_eof(ec);
        break;
      }
    }
    // What HttpSession::on_read_error answers before it stops reading.
    if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message) return 0;
    if (ec == bhttp::error::header_limit) {
      check_response(ayc::http::failure_response(ayc::http::HttpFailure::kHeaderTooLarge, "request header too large"),
                     11, true, false, context + " (431)");
      return 0;
    }
    if (ec == bhttp::error::body_limit) {
      check_response(ayc::http::failure_response(ayc::http::HttpFailure::kPayloadTooLarge, "request body too large"),
                     11, true, false, context + " (413)");
      return 0;
    }
    if (ec) {
      check_response(ayc::http::failure_response(ayc::http::HttpFailure::kMalformedRequest,
                                                 "malformed HTTP request: " + ec.message()),
                     11, true, false, context + " (400)");
      return 0;
    }
    AYC_FUZZ_CHECK(parser.is_done(), context + ": parser stopped without an error or a message");
    const bool chunked = parser.chunked();
    auto message = parser.release();

    // HttpSession::handle_request and to_request.
    const bool keep_alive = message.keep_alive();
    const bool head = message.method() == bhttp::verb::head;
    const unsigned version = message.version();
    ayc::http::HttpRequest req;
    req.method = std::string(message.method_string());
    req.target = std::string(message.target());
    for (const auto& field : message) {
      req.headers.emplace_back(ayc::text::ascii_lower(field.name_string()), std::string(field.value()));
    }
    req.body = std::move(message.body());
    req.remote_ip = client_of(req);
    const auto incoming_id = req.header("x-request-id");
    req.request_id = incoming_id && usable_request_id(*incoming_id) ? std::string(*incoming_id)
                                                                     : ayc::new_uuid_v7(req.received_at);
    const std::string request_id = req.request_id;
    AYC_FUZZ_CHECK(usable_request_id(request_id), "a made request id is not usable: " + escaped(request_id));

    if (auto problem = ayc::http::framing_problem(version, req.headers)) {
      ayc::http::HttpResponse refused = ayc::http::failure_response(ayc::http::HttpFailure::kMalformedRequest, *problem);
      refused.headers.emplace_back("X-Request-Id", request_id);
      check_response(refused, version, true, head, context + " (framing)");
      return 0;  // nothing after it is read
    }
    const ayc::http::HttpRequest logged = req;  // the access log's view (router.handle takes the request)
    check_framing_agreement(req, chunked, context);
    check_params(req);

    ayc::http::HttpResponse response;
    try {
      response = server.router->handle(std::move(req));
    } catch (const std::exception& e) {
      AYC_FUZZ_CHECK(false, context + ": Router::handle threw " + e.what());
    } catch (...) {
      AYC_FUZZ_CHECK(false, context + ": Router::handle threw a non-standard exception");
    }
    AYC_FUZZ_CHECK(server.errors.empty(), context + ": a handler failed: " + server.errors);
    response.headers.emplace_back("X-Request-Id", request_id);
    check_response(response, version, !keep_alive, head, context);
    check_access_log(logged, response.status, response.body.size());
    if (!keep_alive) return 0;
  }
  return 0;
}
