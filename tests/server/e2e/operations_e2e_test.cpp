// What operators and load balancers see of the real server process: the
// admin listener, readiness while draining after SIGTERM and for an index
// that is too old.
#include <algorithm>
#include <cctype>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "tests/server/e2e/catalog.h"
#include "tests/server/e2e/http.h"
#include "tests/server/e2e/json.h"
#include "tests/support/catalog_fixture.h"
#include "tests/support/eventually.h"

namespace ayc::e2e {
namespace {

using namespace std::chrono_literals;
using testing::eventually;

// The admin port the server names in its log, 0 when it names none.
std::uint16_t admin_port(const ServerProcess& server) {
  const std::string marker = "/readyz) on 127.0.0.1:";
  const std::string log = server.log();
  const auto at = log.find(marker);
  return at == std::string::npos ? 0 : static_cast<std::uint16_t>(std::atoi(log.c_str() + at + marker.size()));
}

TEST_CASE("with --admin-listen, /metrics is served on the admin port only", "[e2e]") {
  auto& world = shared_server();
  testing::TempDir dir;
  ServerArgs args{world.catalog.db().server_url(), world.catalog.index_dir(), (dir.path() / "spool").string(),
                  {"--admin-listen", "127.0.0.1:0"}};
  ServerProcess server(args, dir.path() / "server.log");
  REQUIRE(eventually([&] { return admin_port(server) != 0; }, 10s));
  const std::uint16_t admin = admin_port(server);
  auto public_metrics = http_get(server.port(), "/metrics");
  REQUIRE(public_metrics);
  CHECK(public_metrics->status == 404);
  auto admin_metrics = http_get(admin, "/metrics");
  REQUIRE(admin_metrics);
  CHECK(admin_metrics->status == 200);
  CHECK(admin_metrics->body.find("ayurvedacart_http_requests_total") != std::string::npos);
  CHECK(admin_metrics->header("x-content-type-options") == "nosniff");
  auto admin_search = http_get(admin, "/search?q=ashwagandha");
  REQUIRE(admin_search);
  CHECK(admin_search->status == 404);  // the storefront API is not on the admin port
  auto search = http_get(server.port(), "/search?q=ashwagandha");
  REQUIRE(search);
  CHECK(search->status == 200);
  CHECK(search->header("x-content-type-options") == "nosniff");
  CHECK(eventually([&] {
    auto ready = http_get(admin, "/readyz");
    return ready && ready->status == 200;
  }, 10s));
}

TEST_CASE("after SIGTERM the server drains: /readyz answers 503 while searches are still served", "[e2e]") {
  auto& world = shared_server();
  testing::TempDir dir;
  ServerArgs args{world.catalog.db().server_url(), world.catalog.index_dir(), (dir.path() / "spool").string(),
                  {"--drain-ms", "3000"}};
  ServerProcess server(args, dir.path() / "server.log");
  REQUIRE(eventually([&] {
    auto ready = http_get(server.port(), "/readyz");
    return ready && ready->status == 200;
  }, 10s));
  server.signal(SIGTERM);
  REQUIRE(eventually([&] {
    auto ready = http_get(server.port(), "/readyz");
    return ready && ready->status == 503 && ready->body.find("draining") != std::string::npos;
  }, 2s));
  auto search = http_get(server.port(), "/search?q=ashwagandha");  // the listener is still open
  REQUIRE(search);
  CHECK(search->status == 200);
  CHECK(server.wait_exit(15s) == 0);
}

TEST_CASE("/readyz answers 503 while the served generation is older than --max-index-age", "[e2e]") {
  auto& world = shared_server();
  testing::TempDir dir;
  {
    ServerArgs args{world.catalog.db().server_url(), world.catalog.index_dir(), (dir.path() / "spool").string(),
                    {"--max-index-age", "1"}};
    ServerProcess server(args, dir.path() / "server.log");
    // The shared catalogue's generation was built before this test: within
    // seconds it is more than a second old.
    REQUIRE(eventually([&] {
      auto ready = http_get(server.port(), "/readyz");
      return ready && ready->status == 503 && ready->body.find("--max-index-age") != std::string::npos;
    }, 10s));
    auto search = http_get(server.port(), "/search?q=ashwagandha");  // an old index still answers
    REQUIRE(search);
    CHECK(search->status == 200);
  }
  ServerArgs fresh{world.catalog.db().server_url(), world.catalog.index_dir(), (dir.path() / "spool2").string(),
                   {"--max-index-age", "86400"}};
  ServerProcess server(fresh, dir.path() / "server2.log");
  CHECK(eventually([&] {
    auto ready = http_get(server.port(), "/readyz");
    return ready && ready->status == 200;
  }, 10s));
}

TEST_CASE("with --log-format json the server logs JSON lines and the access log carries each request id", "[e2e]") {
  auto& world = shared_server();
  testing::TempDir dir;
  const auto access_log = dir.path() / "access.log";
  ServerArgs args{world.catalog.db().url(), world.catalog.index_dir(), (dir.path() / "spool").string(),
                  {"--log-format", "json", "--access-log", access_log.string()}};
  ServerProcess server(args, dir.path() / "server.log");
  auto made = http_get(server.port(), "/search?q=ashwagandha");
  REQUIRE(made);
  const std::string id = made->header("x-request-id");
  CHECK(id.size() == 36);  // made here
  auto kept = http_get(server.port(), "/healthz", "X-Request-Id: lb-7f3a.42\r\n");
  REQUIRE(kept);
  CHECK(kept->header("x-request-id") == "lb-7f3a.42");  // the load balancer's, passed through
  auto replaced = http_get(server.port(), "/healthz", "X-Request-Id: no spaces \"allowed\"\r\n");
  REQUIRE(replaced);
  CHECK(replaced->header("x-request-id").size() == 36);
  REQUIRE(server.terminate() == 0);

  std::istringstream lines(server.log());
  int json_lines = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) continue;
    INFO(line);
    Json doc(line);
    REQUIRE(doc.ok());
    CHECK(string_field(doc.root(), "program") == "ayurvedacart-server");
    CHECK_FALSE(string_field(doc.root(), "level").empty());
    CHECK(string_field(doc.root(), "time").size() == 24);
    ++json_lines;
  }
  CHECK(json_lines >= 3);  // listening, serving a generation, stopped
  std::ifstream in(access_log);
  std::vector<std::string> ids;
  for (std::string line; std::getline(in, line);) {
    INFO(line);
    Json doc(line);
    REQUIRE(doc.ok());
    ids.push_back(string_field(doc.root(), "request_id"));
  }
  CHECK(std::find(ids.begin(), ids.end(), id) != ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "lb-7f3a.42") != ids.end());
}

TEST_CASE("spelling variants of one request share one cached answer, and caches report their bytes", "[e2e]") {
  auto& world = shared_server();
  const std::uint16_t port = world.port();
  const auto answers = [&] { return metric_value(port, "ayurvedacart_cache_entries{cache=\"answers\"}").value_or(-1); };
  const std::string id = testing::kAshwagandhaChurna;
  auto first = http_get(port, "/products/" + id + "/related");
  REQUIRE(first);
  REQUIRE(first->status == 200);
  const double before = answers();
  REQUIRE(before >= 1);
  // The same id in 200 mixes of upper and lower case: one product, one entry.
  for (int variant = 1; variant <= 200; ++variant) {
    std::string mixed = id;
    for (std::size_t i = 0; i < mixed.size(); ++i) {
      if ((variant >> (i % 8)) & 1) mixed[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(mixed[i])));
    }
    auto r = http_get(port, "/products/" + mixed + "/related");
    REQUIRE(r);
    REQUIRE(r->status == 200);
    CHECK(r->body == first->body);
  }
  CHECK(answers() == before);
  // Prefixes that completion reads alike share their suggestions; each
  // answer still echoes the query as typed.
  auto typed = http_get(port, "/autocomplete?q=ashwa");
  REQUIRE(typed);
  const double with_prefix = answers();
  CHECK(with_prefix == before + 1);
  for (const char* q : {"Ashwa", "ASHWA", "%20ashwa", "ashwa%20%20"}) {
    auto r = http_get(port, std::string("/autocomplete?q=") + q);
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->body.find("\"suggestions\":[{") != std::string::npos);
  }
  auto upper = http_get(port, "/autocomplete?q=ASHWA");
  REQUIRE(upper);
  CHECK(upper->body.rfind("{\"query\":\"ASHWA\",", 0) == 0);
  CHECK(answers() == with_prefix);
  CHECK(metric_value(port, "ayurvedacart_cache_bytes{cache=\"answers\"}").value_or(0) > 0);
  CHECK(metric_value(port, "ayurvedacart_cache_bytes{cache=\"products\"}").value_or(0) > 0);
}

}  // namespace
}  // namespace ayc::e2e
