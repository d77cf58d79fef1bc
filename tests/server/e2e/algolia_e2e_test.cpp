// The official Algolia JavaScript clients against the real server:
// tests/api/check_algolia_clients.mjs drives `algoliasearch/lite` and
// `algoliasearch-helper` (InstantSearch's engine) at the shared server, then
// clicks a hit with the queryID it got; here the click is looked for on that
// search's search_logs row.
#include <filesystem>
#include <string>

#include <catch2/catch.hpp>

#include "tests/server/e2e/catalog.h"
#include "tests/server/e2e/node_script.h"
#include "tests/support/eventually.h"

namespace ayc::e2e {
namespace {

using testing::eventually;

TEST_CASE("the official algoliasearch lite client and InstantSearch's helper search, refine, sort, page and click", "[e2e]") {
  auto& world = shared_server();
  auto& conn = world.catalog.db().conn();
  const std::filesystem::path dir = std::filesystem::path(AYC_SOURCE_DIR) / "tests" / "api";
  INFO("needs Node and the clients: npm ci --prefix tests/api (scripts/test.sh runs it)");
  REQUIRE(std::filesystem::exists(dir / "node_modules" / "algoliasearch"));
  const ScriptRun run =
      run_node("tests/api/check_algolia_clients.mjs", {"http://127.0.0.1:" + std::to_string(world.port())});
  INFO(run.output);
  REQUIRE(run.status == 0);
  const auto clicked = clicked_line(run.output);
  REQUIRE(clicked.has_value());
  const std::string& search_id = clicked->search_id;
  const std::string& product_id = clicked->product_id;
  CHECK(eventually([&] {
    pqxx::nontransaction tx(conn);
    auto r = tx.exec("SELECT COALESCE(clicked_product_id::text, '') FROM search_logs WHERE id = '" + search_id + "'");
    return r.size() == 1 && r[0][0].as<std::string>() == product_id;
  }, std::chrono::seconds(10)));
}

}  // namespace
}  // namespace ayc::e2e
