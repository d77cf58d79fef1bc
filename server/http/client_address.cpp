#include "server/http/client_address.h"

#include <charconv>

#include <boost/asio/ip/address.hpp>

#include "server/http/http_message.h"

namespace ayc::http {

namespace {

// `text` as an address, or nullopt. A zone ("fe80::1%eth0") is refused: it
// means nothing off the host that wrote it, and Asio takes any text after
// the '%', which would then be stored as the client.
std::optional<boost::asio::ip::address> parse_address(std::string_view text) {
  if (text.find('%') != std::string_view::npos) return std::nullopt;
  boost::system::error_code ec;
  auto address = boost::asio::ip::make_address(std::string(text), ec);
  if (ec) return std::nullopt;
  return address;
}

}  // namespace

std::optional<std::vector<std::uint8_t>> TrustedProxies::address_bytes(std::string_view text) {
  auto parsed = parse_address(text);
  if (!parsed) return std::nullopt;
  auto address = *parsed;
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    address = boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, address.to_v6());
  }
  if (address.is_v4()) {
    const auto b = address.to_v4().to_bytes();
    return std::vector<std::uint8_t>(b.begin(), b.end());
  }
  const auto b = address.to_v6().to_bytes();
  return std::vector<std::uint8_t>(b.begin(), b.end());
}

Result<TrustedProxies> TrustedProxies::parse(std::string_view list) {
  TrustedProxies out;
  for (std::string_view entry : split_header_list(list)) {
    const std::size_t slash = entry.find('/');
    auto bytes = address_bytes(entry.substr(0, slash));
    if (!bytes) {
      return Status::InvalidArgument("trusted proxy '" + std::string(entry) + "' is not an IP address or CIDR range");
    }
    unsigned prefix = static_cast<unsigned>(bytes->size() * 8);
    if (slash != std::string_view::npos) {
      const std::string_view bits = entry.substr(slash + 1);
      unsigned parsed = 0;
      auto [end, err] = std::from_chars(bits.data(), bits.data() + bits.size(), parsed);
      if (err != std::errc() || end != bits.data() + bits.size() || bits.empty() || parsed > prefix) {
        return Status::InvalidArgument("trusted proxy '" + std::string(entry) + "' has a bad prefix length");
      }
      prefix = parsed;
    }
    out.ranges_.push_back({std::move(*bytes), prefix});
  }
  return out;
}

bool TrustedProxies::contains(std::string_view address) const {
  if (ranges_.empty()) return false;
  auto bytes = address_bytes(address);
  if (!bytes) return false;
  for (const auto& r : ranges_) {
    if (r.bytes.size() != bytes->size()) continue;
    unsigned bit = 0;
    bool match = true;
    for (; bit + 8 <= r.prefix && match; bit += 8) match = r.bytes[bit / 8] == (*bytes)[bit / 8];
    if (match && bit < r.prefix) {
      const std::uint8_t mask = static_cast<std::uint8_t>(0xFF << (8 - (r.prefix - bit)));
      match = (r.bytes[bit / 8] & mask) == ((*bytes)[bit / 8] & mask);
    }
    if (match) return true;
  }
  return false;
}

std::string TrustedProxies::client_address(const std::string& peer,
                                           const std::vector<std::string_view>& forwarded_for) const {
  if (forwarded_for.empty() || !contains(peer)) return peer;
  std::vector<std::string_view> hops;
  for (auto header : forwarded_for)
    for (auto hop : split_header_list(header)) hops.push_back(hop);
  std::string client = peer;
  for (auto it = hops.rbegin(); it != hops.rend(); ++it) {
    auto address = parse_address(*it);
    if (!address) break;  // garbage: believe nothing further left
    client = address->to_string();  // as PostgreSQL's inet will print it
    if (!contains(client)) break;
  }
  return client;
}

}  // namespace ayc::http
