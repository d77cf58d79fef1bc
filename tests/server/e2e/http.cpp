#include "tests/server/e2e/http.h"

#include <cstdlib>

namespace ayc::e2e {

std::optional<RawResponse> http_get(std::uint16_t port, std::string_view target, std::string_view extra_headers,
                                    std::chrono::milliseconds timeout) {
  RawClient client(port);
  if (!client.connected()) return std::nullopt;
  if (!client.send(testing::get_request(target, extra_headers))) return std::nullopt;
  return client.read_response(timeout);
}

std::optional<RawResponse> http_post_json(std::uint16_t port, std::string_view target, std::string_view body,
                                          std::chrono::milliseconds timeout) {
  RawClient client(port);
  if (!client.connected()) return std::nullopt;
  const std::string request = "POST " + std::string(target) +
                              " HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: " +
                              std::to_string(body.size()) + "\r\n\r\n" + std::string(body);
  if (!client.send(request)) return std::nullopt;
  return client.read_response(timeout);
}

std::optional<double> metric_value(std::uint16_t port, std::string_view name) {
  auto r = http_get(port, "/metrics");
  if (!r || r->status != 200) return std::nullopt;
  const std::string prefix = std::string(name) + " ";
  std::size_t start = 0;
  while (start < r->body.size()) {
    std::size_t end = r->body.find('\n', start);
    if (end == std::string::npos) end = r->body.size();
    if (r->body.compare(start, prefix.size(), prefix) == 0) {
      return std::strtod(r->body.c_str() + start + prefix.size(), nullptr);
    }
    start = end + 1;
  }
  return std::nullopt;
}

std::optional<RawResponse> KeepAliveClient::get(std::string_view target, std::chrono::milliseconds timeout) {
  // Only a reused connection is retried: the server may have closed it while
  // idle. A failure on a fresh connection is the answer.
  for (bool reused = conn_ != nullptr;; reused = false) {
    if (!conn_) {
      conn_ = std::make_unique<RawClient>(port_);
      if (!conn_->connected()) {
        conn_.reset();
        return std::nullopt;
      }
    }
    if (conn_->send(testing::get_request(target))) {
      auto r = conn_->read_response(timeout);
      if (r) {
        if (r->header("connection") == "close") conn_.reset();
        return r;
      }
    }
    conn_.reset();
    if (!reused) return std::nullopt;
  }
}

}  // namespace ayc::e2e
