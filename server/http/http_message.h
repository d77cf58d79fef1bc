// Transport-free HTTP request and response types.
//
// The Beast session (http_session.cpp) fills an HttpRequest from the wire and
// turns an HttpResponse back into bytes; everything between - the router, the
// handlers, the parameter helpers - sees only these values, so it can be
// tested without sockets.
//
// Thread-safety: plain values; a request is handled on one thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"

namespace ayc::http {

// Decoded query parameters in the order they appeared. A name may repeat;
// single() reports that as an error so no handler silently picks one copy.
class QueryParams {
 public:
  using Entry = std::pair<std::string, std::string>;

  QueryParams() = default;
  explicit QueryParams(std::vector<Entry> entries) : entries_(std::move(entries)) {}

  // The one value of `name`; nullopt when absent; InvalidArgument naming the
  // parameter when it is given more than once.
  Result<std::optional<std::string_view>> single(std::string_view name) const;
  // Every value of `name`, in order (for parameters that may repeat).
  std::vector<std::string_view> all(std::string_view name) const;
  std::size_t count(std::string_view name) const;
  bool contains(std::string_view name) const { return count(name) > 0; }
  const std::vector<Entry>& entries() const { return entries_; }

 private:
  std::vector<Entry> entries_;
};

struct HttpRequest {
  std::string method;  // "GET", "POST", ... as sent (HTTP methods are case-sensitive)
  std::string target;  // raw request-target: "/search?q=tulsi%20tea"
  std::string path;    // percent-decoded path; filled by the router from `target`
  QueryParams query;   // decoded parameters; filled by the router from `target`
  // Header names lower-cased; values as received. Repeated headers stay separate.
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string remote_ip;  // "127.0.0.1", "::1"; empty when unknown
  // The client's X-Request-Id when it is 1-64 of [A-Za-z0-9._-], else one
  // made here; returned as X-Request-Id and written to the access log.
  std::string request_id;
  // When the whole request had been read: `arrival` for latency measurements,
  // `received_at` for timestamps stored anywhere (search_logs.created_at).
  std::chrono::steady_clock::time_point arrival = std::chrono::steady_clock::now();
  std::chrono::system_clock::time_point received_at = std::chrono::system_clock::now();

  // The first value of header `lower_case_name`, if present.
  std::optional<std::string_view> header(std::string_view lower_case_name) const;
};

struct HttpResponse {
  int status = 200;
  std::string content_type;  // empty for bodiless responses (204)
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers

  static constexpr const char* kJson = "application/json; charset=utf-8";
  static constexpr const char* kPrometheus = "text/plain; version=0.0.4; charset=utf-8";

  // A response carrying `json`, which must already be serialized JSON.
  static HttpResponse json(int status, std::string json);
  static HttpResponse text(int status, std::string content_type, std::string body);
  static HttpResponse no_content();
};

// A header value without its leading and trailing spaces and tabs.
std::string_view trim_ows(std::string_view value);
// The items of a comma-separated header value ("chunked, gzip",
// "203.0.113.7, 10.0.0.2"), each trimmed, empty ones dropped.
std::vector<std::string_view> split_header_list(std::string_view value);

// A test-friendly request: method and target set, everything else default.
HttpRequest make_request(std::string method, std::string target, std::string body = {});

}  // namespace ayc::http
