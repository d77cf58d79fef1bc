// Who a request comes from, when some peers are trusted proxies (the load
// balancer in front of the replicas).
//
// TrustedProxies is a list of addresses and CIDR ranges ("10.0.0.0/8",
// "127.0.0.1", "fd00::/8"). A connection from one of them is exempt from the
// per-client connection cap, and its X-Forwarded-For header names the
// client: the rightmost address in it that is not itself a trusted proxy.
// From any other peer X-Forwarded-For is ignored (anyone can send one).
// IPv4-mapped IPv6 peers ("::ffff:10.0.0.1") are read as IPv4.
//
// Thread-safety: immutable after parse(); const methods are safe to share.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace ayc::http {

class TrustedProxies {
 public:
  // Comma-separated entries; InvalidArgument naming the entry that is not an
  // address or CIDR range. An empty list trusts nobody.
  static Result<TrustedProxies> parse(std::string_view list);

  bool empty() const { return ranges_.empty(); }
  // Whether `address` (text, as the session reports its peer) is trusted.
  bool contains(std::string_view address) const;

  // The client a request stands for: `peer` itself unless it is trusted and
  // `forwarded_for` (the X-Forwarded-For values, in order) names an
  // untrusted address; malformed entries end the search (nothing left of
  // them can be believed).
  std::string client_address(const std::string& peer, const std::vector<std::string_view>& forwarded_for) const;

 private:
  struct Range {
    std::vector<std::uint8_t> bytes;  // 4 or 16
    unsigned prefix = 0;              // leading bits that must match
  };
  static std::optional<std::vector<std::uint8_t>> address_bytes(std::string_view text);
  std::vector<Range> ranges_;
};

}  // namespace ayc::http
