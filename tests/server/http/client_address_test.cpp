#include "server/http/client_address.h"

#include <catch2/catch.hpp>

namespace ayc::http {
namespace {

TEST_CASE("trusted proxies: addresses and CIDR ranges, IPv4 and IPv6, mapped IPv4 read as IPv4") {
  auto p = TrustedProxies::parse("10.0.0.0/8, 192.168.1.7 ,fd00::/8,172.16.0.0/12");
  REQUIRE(p.ok());
  CHECK(p->contains("10.1.2.3"));
  CHECK(p->contains("::ffff:10.1.2.3"));
  CHECK(p->contains("192.168.1.7"));
  CHECK_FALSE(p->contains("192.168.1.8"));
  CHECK(p->contains("172.31.255.255"));
  CHECK_FALSE(p->contains("172.32.0.1"));
  CHECK(p->contains("fd12::1"));
  CHECK_FALSE(p->contains("fe80::1"));
  CHECK_FALSE(p->contains("11.0.0.1"));
  CHECK_FALSE(p->contains("not an address"));
  CHECK(TrustedProxies::parse("")->empty());
  CHECK_FALSE(TrustedProxies::parse("")->contains("127.0.0.1"));
  CHECK(TrustedProxies::parse("0.0.0.0/0")->contains("8.8.8.8"));
}

TEST_CASE("trusted proxies: a bad entry is refused, naming it") {
  for (const char* bad : {"10.0.0.0/33", "10.0.0.0/", "10.0.0/8", "lb.internal", "::1/129", "10.0.0.0/8x"}) {
    INFO(bad);
    auto p = TrustedProxies::parse(bad);
    REQUIRE_FALSE(p.ok());
    CHECK(p.status().message().find(bad) != std::string::npos);
  }
}

TEST_CASE("the client is the rightmost forwarded address that is not a trusted proxy") {
  auto p = *TrustedProxies::parse("10.0.0.0/8");
  CHECK(p.client_address("10.0.0.5", {"203.0.113.7"}) == "203.0.113.7");
  CHECK(p.client_address("10.0.0.5", {"198.51.100.1, 203.0.113.7, 10.0.0.9"}) == "203.0.113.7");
  CHECK(p.client_address("10.0.0.5", {"198.51.100.1", "203.0.113.7"}) == "203.0.113.7");  // two headers, in order
  CHECK(p.client_address("10.0.0.5", {}) == "10.0.0.5");
  // Not from a proxy: the header is the client's own claim.
  CHECK(p.client_address("203.0.113.50", {"1.2.3.4"}) == "203.0.113.50");
  // Garbage ends the walk; nothing left of it is believed.
  CHECK(p.client_address("10.0.0.5", {"1.2.3.4, <script>"}) == "10.0.0.5");
  CHECK(p.client_address("10.0.0.5", {"1.2.3.4, bogus, 10.0.0.7"}) == "10.0.0.7");
  // A zone is no client address (Asio would take any text after the '%').
  CHECK(p.client_address("10.0.0.5", {"fd00::1E0%\"/products/\"A2"}) == "10.0.0.5");
  CHECK_FALSE(p.contains("10.0.0.1%eth0"));
  // Addresses are stored as written canonically.
  CHECK(p.client_address("10.0.0.5", {"2001:DB8:0:0:0:0:0:1"}) == "2001:db8::1");
}

}  // namespace
}  // namespace ayc::http
