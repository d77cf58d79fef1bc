// A blocking HTTP/1.1 client on a raw socket, for driving the server the way
// misbehaving clients do: pipelined writes, half requests, oversized headers.
// Thread-safety: one object per thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace ayc::testing {

struct RawResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-cased names
  std::string body;
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

class RawClient {
 public:
  // Connects to 127.0.0.1:port; connected() says whether that worked.
  explicit RawClient(std::uint16_t port);
  ~RawClient();
  RawClient(const RawClient&) = delete;
  RawClient& operator=(const RawClient&) = delete;

  bool connected() const { return fd_ >= 0; }
  // False when the connection is gone.
  bool send(std::string_view bytes);
  // One response (Content-Length framed); nullopt on timeout or close.
  // `head` skips the body a HEAD response announces.
  std::optional<RawResponse> read_response(std::chrono::milliseconds timeout = std::chrono::seconds(5),
                                           bool head = false);
  // True when the server closes the connection within `timeout`.
  bool wait_closed(std::chrono::milliseconds timeout);

 private:
  bool fill(std::chrono::steady_clock::time_point deadline);  // reads more into buffer_; false on close/timeout
  int fd_ = -1;
  std::string buffer_;
};

// "GET /path HTTP/1.1\r\nHost: test\r\n\r\n" with optional extra header lines.
std::string get_request(std::string_view target, std::string_view extra_headers = "");

}  // namespace ayc::testing
