#include "server/http/cors.h"

#include <string>

#include <catch2/catch.hpp>

#include "server/http/router.h"

namespace ayc::http {
namespace {

std::string header(const HttpResponse& r, const std::string& name) {
  std::string out;
  for (const auto& [k, v] : r.headers) {
    if (k == name) out += (out.empty() ? "" : "|") + v;
  }
  return out;
}

HttpRequest from(std::string origin, std::string method = "GET", std::string target = "/search?q=tulsi") {
  HttpRequest req = make_request(std::move(method), std::move(target));
  if (!origin.empty()) req.headers.emplace_back("origin", std::move(origin));
  return req;
}

HttpRequest preflight(std::string origin, std::string target = "/events/click") {
  HttpRequest req = from(std::move(origin), "OPTIONS", std::move(target));
  req.headers.emplace_back("access-control-request-method", "POST");
  req.headers.emplace_back("access-control-request-headers", "content-type");
  return req;
}

Router storefront(std::string_view origins) {
  Router router;
  auto ok = [](const HttpRequest&, const PathParams&) -> Result<HttpResponse> { return HttpResponse::json(200, "{}"); };
  router.add("GET", "/search", ok);
  router.add("POST", "/events/click", ok);
  router.set_cors(CorsPolicy::parse(origins).value());
  return router;
}

TEST_CASE("cors: --cors-origins takes *, or origins as browsers send them") {
  CHECK_FALSE(CorsPolicy::parse("").value().enabled());
  CHECK(CorsPolicy::parse("*").value().allows("https://anything.example"));
  auto list = CorsPolicy::parse("https://Shop.Example.com, http://localhost:5173").value();
  CHECK(list.allows("https://shop.example.com"));
  CHECK(list.allows("http://localhost:5173"));
  CHECK_FALSE(list.allows("http://shop.example.com"));  // another scheme is another origin
  CHECK_FALSE(list.allows("http://localhost:5174"));
  CHECK_FALSE(list.allows("null"));
  CHECK_FALSE(list.allows(""));
  for (const char* bad : {"shop.example.com", "https://shop.example.com/", "https://shop.example.com/path",
                          "https://user@shop.example.com", "https://shop.example.com:80x", "*, https://a.example"}) {
    INFO(bad);
    CHECK(CorsPolicy::parse(bad).status().code() == StatusCode::kInvalidArgument);
  }
}

TEST_CASE("cors: an allowed origin may read every answer, errors included") {
  Router router = storefront("https://shop.example.com");
  auto ok = router.handle(from("https://shop.example.com"));
  CHECK(ok.status == 200);
  CHECK(header(ok, "Access-Control-Allow-Origin") == "https://shop.example.com");
  CHECK(header(ok, "Vary") == "Origin");
  CHECK_THAT(header(ok, "Access-Control-Expose-Headers"), Catch::Contains("ETag"));
  auto missing = router.handle(from("https://shop.example.com", "GET", "/nowhere"));
  CHECK(missing.status == 404);
  CHECK(header(missing, "Access-Control-Allow-Origin") == "https://shop.example.com");
}

TEST_CASE("cors: a disallowed origin or none gets no CORS headers, and the same answer") {
  Router router = storefront("https://shop.example.com");
  auto other = router.handle(from("https://evil.example"));
  CHECK(other.status == 200);
  CHECK(header(other, "Access-Control-Allow-Origin").empty());
  CHECK(header(other, "Vary") == "Origin");  // a shared cache must not hand it to the allowed origin either
  auto none = router.handle(from(""));
  CHECK(none.status == 200);
  CHECK(header(none, "Access-Control-Allow-Origin").empty());
  auto off = storefront("").handle(from("https://shop.example.com"));
  CHECK(off.headers.empty());
}

TEST_CASE("cors: a preflight is answered 204 with methods, headers and a max age") {
  Router router = storefront("https://shop.example.com");
  auto r = router.handle(preflight("https://shop.example.com"));
  CHECK(r.status == 204);
  CHECK(r.body.empty());
  CHECK(header(r, "Access-Control-Allow-Origin") == "https://shop.example.com");
  CHECK(header(r, "Access-Control-Allow-Methods") == "POST, OPTIONS");
  CHECK_THAT(header(r, "Access-Control-Allow-Headers"), Catch::Contains("Content-Type"));
  CHECK(header(r, "Access-Control-Max-Age") == "600");
  auto search = router.handle(preflight("https://shop.example.com", "/search?q=x"));
  CHECK(header(search, "Access-Control-Allow-Methods") == "GET, HEAD, OPTIONS");

  auto refused = router.handle(preflight("https://evil.example"));
  CHECK(refused.status == 204);  // never a 5xx; without the headers the browser stops
  CHECK(header(refused, "Access-Control-Allow-Origin").empty());
  CHECK(router.handle(preflight("https://shop.example.com", "/nowhere")).status == 404);
}

TEST_CASE("cors: a plain OPTIONS names the path methods, and * answers every origin with *") {
  Router router = storefront("*");
  auto plain = router.handle(from("", "OPTIONS", "/search"));
  CHECK(plain.status == 204);
  CHECK(header(plain, "Allow") == "GET, HEAD, OPTIONS");
  auto any = router.handle(from("https://anyone.example"));
  CHECK(header(any, "Access-Control-Allow-Origin") == "*");
  CHECK(header(any, "Vary").empty());  // the answer does not depend on the origin
}

}  // namespace
}  // namespace ayc::http
