// The demo storefront (web/) in Debian's chromium: tests/web/storefront_test.mjs
// drives it with puppeteer-core against the shared server (which serves web/
// with --web-root) and clicks a hit; here the click is looked for on that
// search's search_logs row. Screenshots of each page are left in the build
// folder (build-test/tests/server/e2e/storefront-screenshots/ under scripts/test.sh).
#include <filesystem>
#include <string>

#include <catch2/catch.hpp>

#include "tests/server/e2e/catalog.h"
#include "tests/server/e2e/node_script.h"
#include "tests/support/eventually.h"

namespace ayc::e2e {
namespace {

using testing::eventually;

TEST_CASE("the demo storefront in chromium: suggest, search, refine, page, sort, open a product, click", "[e2e]") {
  auto& world = shared_server();
  auto& conn = world.catalog.db().conn();
  const std::filesystem::path source(AYC_SOURCE_DIR);
  INFO("needs chromium (Debian package) and npm ci --prefix web and --prefix tests/web (scripts/test.sh does all)");
  REQUIRE(std::filesystem::exists("/usr/bin/chromium"));
  REQUIRE(std::filesystem::exists(source / "web" / "node_modules" / "instantsearch.js"));
  REQUIRE(std::filesystem::exists(source / "tests" / "web" / "node_modules" / "puppeteer-core"));
  const std::filesystem::path shots = std::filesystem::current_path() / "storefront-screenshots";
  const ScriptRun run = run_node("tests/web/storefront_test.mjs",
                                 {"http://127.0.0.1:" + std::to_string(world.port()), shots.string()});
  INFO(run.output);
  REQUIRE(run.status == 0);
  const auto clicked = clicked_line(run.output);
  REQUIRE(clicked.has_value());
  const std::string& search_id = clicked->search_id;
  const std::string& product_id = clicked->product_id;
  CHECK(eventually([&] {
    pqxx::nontransaction tx(conn);
    auto r = tx.exec("SELECT COALESCE(clicked_product_id::text, ''), COALESCE(clicked_position, 0) FROM search_logs "
                     "WHERE id = '" + search_id + "'");
    return r.size() == 1 && r[0][0].as<std::string>() == product_id && r[0][1].as<int>() == 1;  // the first hit
  }, std::chrono::seconds(10)));
}

}  // namespace
}  // namespace ayc::e2e
