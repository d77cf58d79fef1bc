// Talking HTTP to a server process in end-to-end tests: one-shot requests,
// a keep-alive client for load loops, query-string encoding and reading
// single values out of /metrics. Built on the raw socket client of the server
// tests, so every wait is bounded by a timeout.
//
// Thread-safety: free functions are reentrant; a KeepAliveClient belongs to
// one thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/text.h"
#include "tests/support/raw_client.h"

namespace ayc::e2e {

using testing::RawClient;
using testing::RawResponse;

// One request on a fresh connection; nullopt when there is no complete
// answer within `timeout`.
std::optional<RawResponse> http_get(std::uint16_t port, std::string_view target, std::string_view extra_headers = "",
                                    std::chrono::milliseconds timeout = std::chrono::seconds(10));
std::optional<RawResponse> http_post_json(std::uint16_t port, std::string_view target, std::string_view body,
                                          std::chrono::milliseconds timeout = std::chrono::seconds(10));

using text::url_encode;  // common/text.h

// The value of an unlabelled metric ("name 42"), nullopt when absent or when
// /metrics does not answer.
std::optional<double> metric_value(std::uint16_t port, std::string_view name);

// Requests on one persistent connection, reconnecting once when the server
// closed it between requests.
class KeepAliveClient {
 public:
  explicit KeepAliveClient(std::uint16_t port) : port_(port) {}
  std::optional<RawResponse> get(std::string_view target,
                                 std::chrono::milliseconds timeout = std::chrono::seconds(10));

 private:
  std::uint16_t port_;
  std::unique_ptr<RawClient> conn_;
};

}  // namespace ayc::e2e
