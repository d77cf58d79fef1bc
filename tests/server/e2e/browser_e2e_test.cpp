// What a storefront page in a browser needs from the real server process:
// CORS for its origin (--cors-origins http://shop.test on the shared server),
// preflights, clicks sent with navigator.sendBeacon (text/plain), answers a
// browser can revalidate (ETag, 304), and searches asked while the shopper
// types that are answered but not logged (analytics=false).
#include <string>

#include <catch2/catch.hpp>

#include "common/uuid.h"
#include "tests/server/e2e/catalog.h"
#include "tests/server/e2e/http.h"
#include "tests/server/e2e/json.h"
#include "tests/support/catalog_fixture.h"
#include "tests/support/eventually.h"

namespace ayc::e2e {
namespace {

using testing::eventually;
using testing::kAshwagandhaChurna;

std::optional<RawResponse> send_raw(std::uint16_t port, const std::string& request) {
  RawClient client(port);
  if (!client.send(request)) return std::nullopt;
  return client.read_response(std::chrono::seconds(10));
}

TEST_CASE("an allowed origin reads answers, preflights pass, another origin gets no CORS headers", "[e2e]") {
  auto& world = shared_server();
  auto allowed = http_get(world.port(), "/search?q=ashwagandha&analytics=false", "Origin: http://shop.test\r\n");
  REQUIRE(allowed);
  CHECK(allowed->status == 200);
  CHECK(allowed->header("access-control-allow-origin") == "http://shop.test");
  CHECK(allowed->header("vary") == "Origin");
  auto other = http_get(world.port(), "/search?q=ashwagandha&analytics=false", "Origin: http://evil.test\r\n");
  REQUIRE(other);
  CHECK(other->status == 200);
  CHECK(other->header("access-control-allow-origin").empty());

  auto preflight = send_raw(world.port(),
                            "OPTIONS /events/click HTTP/1.1\r\nHost: t\r\nOrigin: http://shop.test\r\n"
                            "Access-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: content-type\r\n\r\n");
  REQUIRE(preflight);
  CHECK(preflight->status == 204);
  CHECK(preflight->header("access-control-allow-origin") == "http://shop.test");
  CHECK(preflight->header("access-control-allow-methods") == "POST, OPTIONS");
  CHECK(preflight->header("access-control-max-age") == "600");
}

TEST_CASE("autocomplete and related answers carry a generation ETag and answer 304 to it", "[e2e]") {
  auto& world = shared_server();
  for (const std::string target : {std::string("/autocomplete?q=ashw"),
                                   std::string("/products/") + kAshwagandhaChurna + "/related"}) {
    INFO(target);
    auto first = http_get(world.port(), target);
    REQUIRE(first);
    REQUIRE(first->status == 200);
    const std::string etag = first->header("etag");
    CHECK_THAT(etag, Catch::StartsWith("W/\"gen-"));
    CHECK_THAT(first->header("cache-control"), Catch::Contains("max-age="));
    auto again = http_get(world.port(), target, "If-None-Match: " + etag + "\r\n");
    REQUIRE(again);
    CHECK(again->status == 304);
    CHECK(again->body.empty());
    CHECK(again->header("etag") == etag);
    auto stale = http_get(world.port(), target, "If-None-Match: W/\"gen-000000\"\r\n");
    REQUIRE(stale);
    CHECK(stale->status == 200);
    CHECK(stale->body == first->body);
  }
}

TEST_CASE("analytics=false searches are answered but not logged, and a sendBeacon click lands", "[e2e]") {
  auto& world = shared_server();
  auto& conn = world.catalog.db().conn();
  const std::string typed = "typed-" + new_uuid_v4().substr(0, 8);
  auto keystroke = http_get(world.port(), "/search?q=" + typed + "&analytics=false");
  REQUIRE(keystroke);
  CHECK(keystroke->status == 200);
  CHECK_THAT(keystroke->body, Catch::StartsWith("{\"search_id\":null"));
  auto bad = http_get(world.port(), "/search?q=tulsi&analytics=maybe");
  REQUIRE(bad);
  CHECK(bad->status == 400);
  CHECK(error_message(bad->body).find("analytics") != std::string::npos);

  // A logged search after it: once its row is stored, everything queued before it was written.
  auto submitted = http_get(world.port(), "/search?q=ashwagandha");
  REQUIRE(submitted);
  Json doc(submitted->body);
  REQUIRE(doc.ok());
  const std::string search_id = string_field(doc.root(), "search_id");
  REQUIRE(eventually([&] { return count_search_logs(conn, {search_id}) == 1; }, std::chrono::seconds(10)));
  {
    pqxx::nontransaction tx(conn);
    CHECK(tx.exec1("SELECT count(*) FROM search_logs WHERE query = '" + typed + "'")[0].as<long>() == 0);
  }

  const std::string body = "{\"search_id\":\"" + search_id + "\",\"product_id\":\"" + kAshwagandhaChurna + "\"}";
  auto beacon = send_raw(world.port(), "POST /events/click HTTP/1.1\r\nHost: t\r\nOrigin: http://shop.test\r\n"
                                       "Content-Type: text/plain;charset=UTF-8\r\nContent-Length: " +
                                           std::to_string(body.size()) + "\r\n\r\n" + body);
  REQUIRE(beacon);
  CHECK(beacon->status == 204);
  CHECK(beacon->header("access-control-allow-origin") == "http://shop.test");
  CHECK(eventually([&] {
    pqxx::nontransaction t(conn);
    return t.exec1("SELECT COALESCE(clicked_product_id::text, '') FROM search_logs WHERE id = '" + search_id + "'")[0]
               .as<std::string>() == kAshwagandhaChurna;
  }, std::chrono::seconds(10)));
}

}  // namespace
}  // namespace ayc::e2e
