// The official Algolia JavaScript clients against the real server:
// tests/api/check_algolia_clients.mjs drives `algoliasearch/lite` and
// `algoliasearch-helper` (InstantSearch's engine) at the shared server, then
// clicks a hit with the queryID it got; here the click is looked for on that
// search's search_logs row.
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "tests/server/e2e/catalog.h"
#include "tests/support/eventually.h"

namespace ayc::e2e {
namespace {

using testing::eventually;

std::string run_node(const std::string& command, int& status) {
  std::string output;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) {
    status = -1;
    return output;
  }
  char buf[4096];
  while (std::fgets(buf, sizeof buf, pipe) != nullptr) output += buf;
  status = pclose(pipe);
  return output;
}

TEST_CASE("the official algoliasearch lite client and InstantSearch's helper search, refine, sort, page and click", "[e2e]") {
  auto& world = shared_server();
  auto& conn = world.catalog.db().conn();
  const std::filesystem::path dir = std::filesystem::path(AYC_SOURCE_DIR) / "tests" / "api";
  INFO("needs Node and the clients: npm ci --prefix tests/api (scripts/test.sh runs it)");
  REQUIRE(std::filesystem::exists(dir / "node_modules" / "algoliasearch"));
  int status = 0;
  const std::string output = run_node(
      "node '" + (dir / "check_algolia_clients.mjs").string() + "' http://127.0.0.1:" + std::to_string(world.port()),
      status);
  INFO(output);
  REQUIRE(status == 0);
  const auto at = output.rfind("CLICKED ");
  REQUIRE(at != std::string::npos);
  std::istringstream line(output.substr(at + 8));
  std::string search_id, product_id;
  line >> search_id >> product_id;
  REQUIRE(search_id.size() == 36);
  CHECK(eventually([&] {
    pqxx::nontransaction tx(conn);
    auto r = tx.exec("SELECT COALESCE(clicked_product_id::text, '') FROM search_logs WHERE id = '" + search_id + "'");
    return r.size() == 1 && r[0][0].as<std::string>() == product_id;
  }, std::chrono::seconds(10)));
}

}  // namespace
}  // namespace ayc::e2e
