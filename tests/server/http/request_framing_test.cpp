#include "server/http/request_framing.h"

#include <catch2/catch.hpp>

namespace ayc::http {
namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;

TEST_CASE("framing: an HTTP/1.1 request needs exactly one Host, and HTTP/1.0 may omit it") {
  CHECK_FALSE(framing_problem(11, {{"host", "shop.example"}}));
  CHECK(framing_problem(11, {}) == "an HTTP/1.1 request needs a Host header");
  CHECK(framing_problem(11, {{"host", "a"}, {"host", "b"}}) == "more than one Host header");
  CHECK_FALSE(framing_problem(10, {}));
}

TEST_CASE("framing: Transfer-Encoding is accepted only as chunked alone") {
  const Headers ok = {{"host", "h"}, {"transfer-encoding", "chunked"}};
  CHECK_FALSE(framing_problem(11, ok));
  CHECK_FALSE(framing_problem(11, {{"host", "h"}, {"transfer-encoding", " Chunked "}}));
  for (const char* te : {"gzip", "identity", "chunked, gzip", "xchunked", "chunkedx", "", " , "}) {
    INFO(te);
    CHECK(framing_problem(11, {{"host", "h"}, {"transfer-encoding", te}}) == "Transfer-Encoding must end in chunked");
  }
  // Chunked last, but another coding (or chunked twice) before it.
  CHECK(framing_problem(11, {{"host", "h"}, {"transfer-encoding", "gzip, chunked"}}).has_value());
  CHECK(framing_problem(11, {{"host", "h"}, {"transfer-encoding", "chunked, chunked"}}).has_value());
  // Split over two headers: read as one list, in order.
  CHECK(framing_problem(11, {{"host", "h"}, {"transfer-encoding", "chunked"}, {"transfer-encoding", "gzip"}}) ==
        "Transfer-Encoding must end in chunked");
}

TEST_CASE("framing: Transfer-Encoding beside Content-Length, or in HTTP/1.0, is refused") {
  CHECK(framing_problem(11, {{"host", "h"}, {"transfer-encoding", "chunked"}, {"content-length", "5"}}) ==
        "Transfer-Encoding and Content-Length together");
  CHECK(framing_problem(10, {{"transfer-encoding", "chunked"}}) ==
        "Transfer-Encoding is not allowed in an HTTP/1.0 request");
  CHECK_FALSE(framing_problem(11, {{"host", "h"}, {"content-length", "5"}}));
}

}  // namespace
}  // namespace ayc::http
