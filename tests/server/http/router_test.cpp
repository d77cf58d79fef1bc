#include "server/http/router.h"

#include <stdexcept>

#include <catch2/catch.hpp>

#include "server/http/error_response.h"
#include "tests/support/test_json.h"

namespace ayc::http {
namespace {

using testing::json_string;

Handler reply(std::string text) {
  return [text](const HttpRequest&, const PathParams& params) -> Result<HttpResponse> {
    std::string body = text;
    for (const auto& [k, v] : params.entries()) body += " " + k + "=" + v;
    return HttpResponse::text(200, "text/plain", body);
  };
}

Handler failing(Status status) {
  return [status](const HttpRequest&, const PathParams&) -> Result<HttpResponse> { return status; };
}

TEST_CASE("router matches literal and {param} segments, decoding parameters") {
  Router router;
  router.add("GET", "/products/{id}/related", reply("related"));
  router.add("GET", "/users/{id}/recommendations", reply("recs"));
  auto r = router.handle(make_request("GET", "/products/ashwagandha%20churna/related?kind=similar"));
  CHECK(r.status == 200);
  CHECK(r.body == "related id=ashwagandha churna");
  CHECK(router.handle(make_request("GET", "/products/a%2Fb/related")).body == "related id=a/b");
  CHECK(router.handle(make_request("GET", "/users/42/recommendations")).body == "recs id=42");
}

TEST_CASE("router prefers the route with the earliest literal segment") {
  Router router;
  router.add("GET", "/products/{id}", reply("by id"));
  router.add("GET", "/products/popular", reply("popular"));
  CHECK(router.handle(make_request("GET", "/products/popular")).body == "popular");
  CHECK(router.handle(make_request("GET", "/products/x")).body == "by id id=x");
}

TEST_CASE("unknown paths are 404 JSON - empty parameter segments do not match") {
  Router router;
  router.add("GET", "/products/{id}/related", reply("related"));
  for (const char* target : {"/nope", "/products//related", "/products/x/related/", "/products/x"}) {
    INFO(target);
    auto r = router.handle(make_request("GET", target));
    CHECK(r.status == 404);
    CHECK(json_string(r.body, "error", "code") == "not_found");
  }
}

TEST_CASE("a known path with another method is 405 with Allow") {
  Router router;
  router.add("GET", "/healthz", reply("ok"));
  router.add("POST", "/events/click", reply("click"));
  auto r = router.handle(make_request("DELETE", "/healthz"));
  CHECK(r.status == 405);
  CHECK(json_string(r.body, "error", "code") == "method_not_allowed");
  REQUIRE(r.headers.size() == 1);
  CHECK(r.headers[0] == std::pair<std::string, std::string>("Allow", "GET, HEAD"));
  CHECK(router.handle(make_request("GET", "/events/click")).status == 405);
}

TEST_CASE("HEAD is answered by the GET route") {
  Router router;
  router.add("GET", "/healthz", reply("ok"));
  CHECK(router.handle(make_request("HEAD", "/healthz")).status == 200);
}

TEST_CASE("Status codes map to HTTP statuses in one place") {
  struct Case {
    Status status;
    int http;
    const char* code;
  };
  const Case cases[] = {
      {Status::InvalidArgument("bad q"), 400, "invalid_argument"},
      {Status::NotFound("no product"), 404, "not_found"},
      {Status::AlreadyExists("dup"), 409, "already_exists"},
      {Status::FailedPrecondition("no index"), 503, "failed_precondition"},
      {Status::Unavailable("db down"), 503, "unavailable"},
      {Status::DataLoss("corrupt"), 500, "internal"},
      {Status::Internal("bug"), 500, "internal"},
  };
  for (const auto& c : cases) {
    INFO(c.status.to_string());
    Router router;
    router.add("GET", "/x", failing(c.status));
    auto r = router.handle(make_request("GET", "/x"));
    CHECK(r.status == c.http);
    CHECK(http_status_for(c.status.code()) == c.http);
    CHECK(json_string(r.body, "error", "code") == c.code);
    if (c.http == 500) {
      CHECK(json_string(r.body, "error", "message") == "internal server error");  // no internals leak
    } else {
      CHECK(json_string(r.body, "error", "message") == c.status.message());
    }
  }
}

TEST_CASE("an exception from a handler becomes a 500 JSON error, never a crash") {
  Router router;
  router.add("GET", "/std", [](const HttpRequest&, const PathParams&) -> Result<HttpResponse> {
    throw std::runtime_error("boom");
  });
  router.add("GET", "/other", [](const HttpRequest&, const PathParams&) -> Result<HttpResponse> { throw 42; });
  for (const char* target : {"/std", "/other"}) {
    auto r = router.handle(make_request("GET", target));
    CHECK(r.status == 500);
    CHECK(r.content_type == "application/json; charset=utf-8");
    CHECK(json_string(r.body, "error", "code") == "internal");
  }
}

TEST_CASE("malformed targets are 400 before any handler runs") {
  Router router;
  router.add("GET", "/x", reply("x"));
  auto r = router.handle(make_request("GET", "/x?q=%G0"));
  CHECK(r.status == 400);
  CHECK(json_string(r.body, "error", "message") == "parameter 'q' has malformed percent-encoding");
  CHECK(router.handle(make_request("GET", "*")).status == 400);
}

TEST_CASE("bad and duplicate patterns are programming errors found at start-up") {
  Router router;
  router.add("GET", "/a/{id}", reply("a"));
  CHECK_THROWS_AS(router.add("GET", "/a/{id}", reply("again")), std::invalid_argument);
  CHECK_THROWS_AS(router.add("GET", "no-slash", reply("x")), std::invalid_argument);
  CHECK_THROWS_AS(router.add("GET", "/a/{id", reply("x")), std::invalid_argument);
  CHECK_NOTHROW(router.add("POST", "/a/{id}", reply("post")));
}

TEST_CASE("the router records metrics under the route pattern, not the raw path") {
  metrics::Metrics metrics;
  Router router(&metrics);
  router.add("GET", "/products/{id}/related", reply("r"));
  router.handle(make_request("GET", "/products/a/related"));
  router.handle(make_request("GET", "/products/b/related"));
  router.handle(make_request("GET", "/nope"));
  CHECK(metrics.route("GET", "/products/{id}/related").requests(2) == 2);
  CHECK(metrics.route("*", "<unmatched>").requests(4) == 1);
  const std::string text = metrics.render(std::chrono::system_clock::now());
  CHECK_THAT(text, Catch::Contains("route=\"/products/{id}/related\",status_class=\"2xx\"} 2"));
  CHECK_THAT(text, !Catch::Contains("/products/a/related"));
}

TEST_CASE("failure responses carry the documented statuses") {
  CHECK(failure_response(HttpFailure::kPayloadTooLarge, "m").status == 413);
  CHECK(failure_response(HttpFailure::kHeaderTooLarge, "m").status == 431);
  CHECK(failure_response(HttpFailure::kUnsupportedMediaType, "m").status == 415);
  CHECK(failure_response(HttpFailure::kMalformedRequest, "m").status == 400);
  CHECK(error_response(Status::Unavailable("x")).headers.at(0).first == "Retry-After");
  CHECK(testing::is_valid_json(error_body("internal", "quote \" backslash \\ newline \n bad \xff")));
}

}  // namespace
}  // namespace ayc::http
