// The API description against the real server: tests/api/check_openapi.mjs
// (Node, ajv) asks every described route of the shared server, with good and
// bad parameters, and checks each answer's status and body against
// server/api/openapi/openapi.json, which the server also serves.
#include <filesystem>
#include <string>

#include <catch2/catch.hpp>

#include "tests/server/e2e/catalog.h"
#include "tests/server/e2e/node_script.h"

namespace ayc::e2e {
namespace {

TEST_CASE("every route's real answers match the OpenAPI description, checked with ajv from Node", "[e2e]") {
  auto& world = shared_server();
  const std::filesystem::path dir = std::filesystem::path(AYC_SOURCE_DIR) / "tests" / "api";
  INFO("needs Node and the checker's packages: npm ci --prefix tests/api (scripts/test.sh runs it)");
  REQUIRE(std::filesystem::exists(dir / "node_modules" / "ajv"));
  const ScriptRun run =
      run_node("tests/api/check_openapi.mjs", {"http://127.0.0.1:" + std::to_string(world.port()),
                                               std::string(AYC_SOURCE_DIR) + "/server/api/openapi/openapi.json"});
  INFO(run.output);
  CHECK(run.status == 0);
  CHECK(run.output.find("answers match the description") != std::string::npos);
}

}  // namespace
}  // namespace ayc::e2e
