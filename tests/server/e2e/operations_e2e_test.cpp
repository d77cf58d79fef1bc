// What operators and load balancers see of the real server process: the
// admin listener, readiness while draining after SIGTERM and for an index
// that is too old.
#include <csignal>
#include <cstdlib>
#include <string>

#include <catch2/catch.hpp>

#include "tests/server/e2e/catalog.h"
#include "tests/server/e2e/http.h"
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
  ServerArgs args{world.catalog.db().url(), world.catalog.index_dir(), (dir.path() / "spool").string(),
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
  ServerArgs args{world.catalog.db().url(), world.catalog.index_dir(), (dir.path() / "spool").string(),
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
    ServerArgs args{world.catalog.db().url(), world.catalog.index_dir(), (dir.path() / "spool").string(),
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
  ServerArgs fresh{world.catalog.db().url(), world.catalog.index_dir(), (dir.path() / "spool2").string(),
                   {"--max-index-age", "86400"}};
  ServerProcess server(fresh, dir.path() / "server2.log");
  CHECK(eventually([&] {
    auto ready = http_get(server.port(), "/readyz");
    return ready && ready->status == 200;
  }, 10s));
}

}  // namespace
}  // namespace ayc::e2e
