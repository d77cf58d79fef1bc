// The API description against the real server: tests/api/check_openapi.mjs
// (Node, ajv) asks every described route of the shared server, with good and
// bad parameters, and checks each answer's status and body against
// server/api/openapi/openapi.json, which the server also serves.
#include <cstdio>
#include <filesystem>
#include <string>

#include <catch2/catch.hpp>

#include "tests/server/e2e/catalog.h"

namespace ayc::e2e {
namespace {

TEST_CASE("every route's real answers match the OpenAPI description, checked with ajv from Node", "[e2e]") {
  auto& world = shared_server();
  const std::filesystem::path dir = std::filesystem::path(AYC_SOURCE_DIR) / "tests" / "api";
  INFO("needs Node and the checker's packages: npm ci --prefix tests/api (scripts/test.sh runs it)");
  REQUIRE(std::filesystem::exists(dir / "node_modules" / "ajv"));
  const std::string command = "node '" + (dir / "check_openapi.mjs").string() + "' http://127.0.0.1:" +
                              std::to_string(world.port()) + " '" + AYC_SOURCE_DIR +
                              "/server/api/openapi/openapi.json' 2>&1";
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buf[4096];
  while (std::fgets(buf, sizeof buf, pipe) != nullptr) output += buf;
  const int status = pclose(pipe);
  INFO(output);
  CHECK(status == 0);
  CHECK(output.find("answers match the description") != std::string::npos);
}

}  // namespace
}  // namespace ayc::e2e
