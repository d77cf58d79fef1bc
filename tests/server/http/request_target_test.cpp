#include "server/http/request_target.h"

#include <catch2/catch.hpp>

namespace ayc::http {
namespace {

TEST_CASE("percent_decode decodes escapes and optionally '+'") {
  CHECK(*percent_decode("tulsi%20tea", false, "x") == "tulsi tea");
  CHECK(*percent_decode("a+b", true, "x") == "a b");
  CHECK(*percent_decode("a+b", false, "x") == "a+b");
  CHECK(*percent_decode("%E0%A4%A4%e0%a5%81", false, "x") == "\xE0\xA4\xA4\xE0\xA5\x81");
  CHECK(percent_decode("", false, "x").value().empty());
}

TEST_CASE("percent_decode rejects malformed escapes, naming the thing") {
  for (const char* bad : {"%", "%2", "%zz", "abc%g1", "%%41"}) {
    auto r = percent_decode(bad, true, "parameter 'q'");
    INFO(bad);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == StatusCode::kInvalidArgument);
    CHECK(r.status().message() == "parameter 'q' has malformed percent-encoding");
  }
}

TEST_CASE("parse_target splits path segments before decoding") {
  auto t = parse_target("/products/abc%2Fdef/related?kind=similar&q=tulsi+tea%21");
  REQUIRE(t.ok());
  CHECK(t->path == "/products/abc/def/related");
  CHECK(t->segments == std::vector<std::string>{"products", "abc/def", "related"});
  CHECK(*t->query.single("kind").value() == "similar");
  CHECK(*t->query.single("q").value() == "tulsi tea!");
}

TEST_CASE("parse_target handles the root, empty pieces, fragments and absolute-form") {
  auto root = parse_target("/");
  REQUIRE(root.ok());
  CHECK(root->segments == std::vector<std::string>{""});
  auto t = parse_target("http://example.com:8080/healthz?&a=1&&=x&b#frag");
  REQUIRE(t.ok());
  CHECK(t->path == "/healthz");
  CHECK(t->query.entries().size() == 2);  // "a" and "b"; the nameless piece is ignored
  CHECK(*t->query.single("b").value() == "");
}

TEST_CASE("parse_target rejects bad targets with a 400-able status") {
  CHECK(parse_target("*").status().code() == StatusCode::kInvalidArgument);
  CHECK(parse_target("/a%zz").status().message() == "request path has malformed percent-encoding");
  CHECK(parse_target("/a%00b").status().code() == StatusCode::kInvalidArgument);  // NUL in the path
  CHECK(parse_target("/%ff").status().code() == StatusCode::kInvalidArgument);    // not UTF-8
  CHECK(parse_target("/x?limit=%4").status().message() == "parameter 'limit' has malformed percent-encoding");
}

TEST_CASE("QueryParams reports duplicates instead of picking one") {
  auto t = parse_target("/s?limit=1&limit=2&facets=brand&facets=form");
  REQUIRE(t.ok());
  auto limit = t->query.single("limit");
  REQUIRE_FALSE(limit.ok());
  CHECK(limit.status().message() == "parameter 'limit' is given more than once");
  CHECK(t->query.all("facets") == std::vector<std::string_view>{"brand", "form"});
  CHECK(t->query.count("facets") == 2);
  CHECK_FALSE(t->query.single("absent").value().has_value());
}

}  // namespace
}  // namespace ayc::http
