// Hostile and odd requests against the real server process: every bad
// parameter is a 400 JSON error naming it, odd-looking queries are answered
// as well as they can be, oversized headers and slow clients are cut off, and
// nothing ever gets a 500, a crash or a hang.
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "tests/server/e2e/catalog.h"
#include "tests/server/e2e/http.h"
#include "tests/server/e2e/json.h"

namespace ayc::e2e {
namespace {

struct BadRequest {
  std::string target;
  std::string names;  // what the error message must mention
};

std::vector<BadRequest> bad_requests() {
  std::string many_brands;
  for (int i = 0; i < 51; ++i) many_brands += (i ? "," : "") + std::string("b") + std::to_string(i);
  return {
      {"/search?q=oil&limit=abc", "'limit'"},
      {"/search?q=oil&limit=101", "'limit'"},
      {"/search?q=oil&limit=0", "'limit'"},
      {"/search?q=oil&limit=-5", "'limit'"},
      {"/search?q=oil&limit=", "'limit'"},
      {"/search?q=oil&limit=99999999999999999999999", "'limit'"},
      {"/search?q=oil&limit=1.5", "'limit'"},
      {"/search?q=oil&offset=-1", "'offset'"},
      {"/search?q=oil&offset=1e3", "'offset'"},
      {"/search?q=oil&sort=cheapest", "'sort'"},
      {"/search?q=oil&sort=PRICE_ASC", "'sort'"},
      {"/search?q=" + std::string(257, 'a'), "'q'"},
      {"/search?q=" + std::string(200, 'a') + "%E0%A4%85" + std::string(56, 'a'), "'q'"},  // 257 code points
      {"/search?q=%FF", "'q'"},
      {"/search?q=abc%C0%AF", "'q'"},   // overlong encoding
      {"/search?q=abc%E2%82", "'q'"},   // truncated sequence
      {"/search?q=%ED%A0%80", "'q'"},   // UTF-16 surrogate
      {"/search?q=abc%01", "'q'"},
      {"/search?q=abc%0Adef", "'q'"},
      {"/search?q=abc%7F", "'q'"},
      {"/search?q=abc%zz", "'q'"},      // malformed percent-encoding
      {"/search?q=abc%4", "'q'"},
      {"/search?q=oil&currency=XYZ", "'currency'"},
      {"/search?q=oil&currency=dollars", "'currency'"},
      {"/search?q=oil&currency=%FF", "'currency'"},
      {"/search?q=oil&min_price=500&max_price=100", "'min_price'"},
      {"/search?q=oil&min_price=abc", "'min_price'"},
      {"/search?q=oil&min_price=nan", "'min_price'"},
      {"/search?q=oil&max_price=-1", "'max_price'"},
      {"/search?q=oil&max_price=inf", "'max_price'"},
      {"/search?q=oil&max_price=1e400", "'max_price'"},
      {"/search?q=oil&country=I", "'country'"},
      {"/search?q=oil&country=123", "'country'"},
      {"/search?q=oil&country=Narnia", "'country'"},
      {"/search?q=oil&in_stock=true&country=%01", "'country'"},
      {"/search?q=a&q=b", "'q'"},
      {"/search?q=oil&limit=5&limit=6", "'limit'"},
      {"/search?q=oil&brand=dabur&brand=kottakkal", "'brand'"},
      {"/search?q=oil&in_stock=maybe", "'in_stock'"},
      {"/search?q=oil&facets=perhaps", "'facets'"},
      {"/search?q=oil&brand=" + many_brands, "'brand'"},
      {"/search?q=oil&user_id=%FF", "'user_id'"},
      {"/search?q=oil&session_id=" + std::string(101, 's'), "'session_id'"},
      {"/autocomplete?q=ash&limit=500", "'limit'"},
      {"/autocomplete?q=%FF", "'q'"},
      {"/autocomplete?q=a&q=b", "'q'"},
      {"/products/ashwagandha-churna-100-g/related?kind=cheapest", "'kind'"},
      {"/products/ashwagandha-churna-100-g/related?limit=0", "'limit'"},
      {"/products/ashwagandha-churna-100-g/related?country=Narnia", "'country'"},
      {"/users/not-a-uuid/recommendations", "'id'"},
      {"/users/40000000-0000-4000-8000-000000000001/recommendations?limit=51", "'limit'"},
      {"/users/40000000-0000-4000-8000-000000000001/recommendations?kind=refills", "'kind'"},
      {"/products/%FF/related", "path"},
      {"/products/%00/related", "path"},
  };
}

// No answer of this server process so far was a 5xx (from /metrics).
void check_no_server_errors(std::uint16_t port) {
  auto r = http_get(port, "/metrics");
  REQUIRE(r);
  REQUIRE(r->status == 200);
  std::size_t start = 0;
  while (start < r->body.size()) {
    std::size_t end = r->body.find('\n', start);
    if (end == std::string::npos) end = r->body.size();
    const std::string line = r->body.substr(start, end - start);
    if (line.rfind("ayurvedacart_http_requests_total{", 0) == 0 && line.find("status_class=\"5xx\"") != std::string::npos) {
      INFO(line);
      CHECK(line.substr(line.rfind(' ') + 1) == "0");
    }
    start = end + 1;
  }
}

TEST_CASE("bad parameters get a 400 JSON error that names them", "[e2e]") {
  auto& world = shared_server();
  for (const auto& bad : bad_requests()) {
    INFO("GET " << bad.target);
    auto r = http_get(world.port(), bad.target, "", std::chrono::seconds(5));
    REQUIRE(r);  // an answer, not a hang or a dropped connection
    INFO(r->body);
    CHECK(r->status == 400);
    CHECK(r->header("content-type").find("application/json") != std::string::npos);
    CHECK(error_message(r->body).find(bad.names) != std::string::npos);
  }
  check_no_server_errors(world.port());
}

// Known gap (reported to the lead): common/countries.cpp accepts any two
// letters as a country code, so unassigned codes filter silently to nothing.
TEST_CASE("two letters that are no ISO 3166 country get a 400", "[e2e]") {
  auto& world = shared_server();
  for (const char* target : {"/search?q=oil&in_stock=true&country=ZZ", "/search?q=oil&country=XX",
                             "/products/ashwagandha-churna-100-g/related?country=QQ"}) {
    INFO("GET " << target);
    auto r = http_get(world.port(), target);
    REQUIRE(r);
    CHECK(r->status == 400);
    CHECK(error_message(r->body).find("'country'") != std::string::npos);
  }
}

TEST_CASE("odd-looking queries get a best-effort 200", "[e2e]") {
  auto& world = shared_server();
  const std::vector<std::string> queries = {
      "\"unbalanced", "AND OR NOT", "((((", "))))", "*", "?", "-", "+", "~", "^", "\\", "'", "%", "&", "=",
      "NOT ashwagandha", "ashwagandha AND", "title:oil", "oil NEAR joint", "a:b:c", "ashwagandha~2", "\"\"",
      "🌿🌿 tulsi 🍯", "अश्वगंधा", "அஸ்வகந்தா", "ashwagandha\xc2\xa0" "churna", " ", "   oil   ", "x",
      std::string(256, 'a'), std::string(128, '('), "oil oil oil oil oil oil oil oil oil oil oil oil oil oil oil",
      "0", "-1", "1e308", "NaN", "DAB-ASH-100", "dab-ash-100", "<script>alert(1)</script>", "'; DROP TABLE products; --",
  };
  for (const auto& q : queries) {
    for (const char* extra : {"", "&sort=price_asc&in_stock=true&country=IN", "&offset=10000&limit=100"}) {
      const std::string target = "/search?q=" + url_encode(q) + extra;
      INFO("GET " << target);
      auto r = http_get(world.port(), target, "", std::chrono::seconds(5));
      REQUIRE(r);
      INFO(r->body);
      CHECK(r->status == 200);
      Json doc(r->body);
      CHECK(doc.ok());
    }
    auto ac = http_get(world.port(), "/autocomplete?q=" + url_encode(q.substr(0, 100)), "", std::chrono::seconds(5));
    REQUIRE(ac);
    CHECK(ac->status == 200);
  }
  check_no_server_errors(world.port());
}

TEST_CASE("unknown routes and methods are JSON errors", "[e2e]") {
  auto& world = shared_server();
  auto missing = http_get(world.port(), "/nope");
  REQUIRE(missing);
  CHECK(missing->status == 404);
  CHECK_FALSE(error_message(missing->body).empty());
  auto wrong_method = http_post_json(world.port(), "/search?q=oil", "{}");
  REQUIRE(wrong_method);
  CHECK(wrong_method->status == 405);
  CHECK_FALSE(error_message(wrong_method->body).empty());
  auto not_json = http_post_json(world.port(), "/events/click", "search_id=1");
  REQUIRE(not_json);
  CHECK(not_json->status == 400);
}

TEST_CASE("a huge header or target is refused with 431 or 400 and the server goes on", "[e2e]") {
  auto& world = shared_server();
  auto big_header = http_get(world.port(), "/search?q=oil", "X-Padding: " + std::string(20000, 'p') + "\r\n");
  REQUIRE(big_header);
  CHECK((big_header->status == 431 || big_header->status == 400));
  auto big_target = http_get(world.port(), "/search?q=" + std::string(20000, 'a'));
  REQUIRE(big_target);
  CHECK((big_target->status == 431 || big_target->status == 414 || big_target->status == 400));
  std::string many_headers;
  for (int i = 0; i < 2000; ++i) many_headers += "X-H" + std::to_string(i) + ": v\r\n";
  auto many = http_get(world.port(), "/healthz", many_headers);
  REQUIRE(many);
  CHECK((many->status == 431 || many->status == 400));
  auto health = http_get(world.port(), "/healthz");
  REQUIRE(health);
  CHECK(health->status == 200);
  check_no_server_errors(world.port());
}

TEST_CASE("a slow client is cut off by the read timeout", "[e2e]") {
  auto& world = shared_server();  // --read-timeout-ms 1500
  SECTION("half a request, then silence") {
    RawClient slow(world.port());
    REQUIRE(slow.connected());
    REQUIRE(slow.send("GET /search?q=ashwagandha HTTP/1.1\r\nHo"));
    CHECK(slow.wait_closed(std::chrono::seconds(6)));
  }
  SECTION("one byte at a time (slowloris)") {
    RawClient slow(world.port());
    REQUIRE(slow.connected());
    const std::string request = testing::get_request("/search?q=ashwagandha", "X-Slow: yes\r\n");
    bool cut_off = false;
    for (std::size_t i = 0; i < request.size() && !cut_off; ++i) {
      if (!slow.send(request.substr(i, 1))) cut_off = true;
      else cut_off = slow.wait_closed(std::chrono::milliseconds(250));
    }
    CHECK(cut_off);  // 60+ bytes at 4 a second cannot beat a 1.5 s budget
  }
  SECTION("the server answers others meanwhile") {
    RawClient slow(world.port());
    REQUIRE(slow.connected());
    REQUIRE(slow.send("GET /search?q=ash"));
    auto r = http_get(world.port(), "/search?q=ashwagandha", "", std::chrono::seconds(2));
    REQUIRE(r);
    CHECK(r->status == 200);
  }
}

}  // namespace
}  // namespace ayc::e2e
