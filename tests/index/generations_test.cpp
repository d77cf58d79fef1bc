#include <fstream>

#include <catch2/catch.hpp>

#include "index/generations.h"
#include "tests/support/temp_dir.h"

namespace ayc::index {
namespace {

namespace fs = std::filesystem;

void stage(const Generations& g, const std::string& name) {
  fs::create_directories(g.staging_path(name) / "xapian");
}

TEST_CASE("publish moves staging into place and points CURRENT at it") {
  ayc::testing::TempDir dir;
  Generations g(dir.path());
  REQUIRE(g.current().ok());
  CHECK_FALSE(g.current()->has_value());
  std::string first = g.next_name();
  CHECK(first == "gen-000001");
  stage(g, first);
  CHECK(g.next_name() == "gen-000002");  // a staging dir counts too
  REQUIRE(g.publish(first).ok());
  CHECK(**g.current() == first);
  CHECK(fs::is_directory(g.path_of(first)));
  CHECK_FALSE(fs::exists(g.staging_path(first)));
}

TEST_CASE("cleanup keeps the newest generations and removes dead staging") {
  ayc::testing::TempDir dir;
  Generations g(dir.path());
  for (int i = 0; i < 4; ++i) {
    std::string name = g.next_name();
    stage(g, name);
    REQUIRE(g.publish(name).ok());
  }
  stage(g, g.next_name());  // a run that died
  auto removed = g.cleanup(2);
  REQUIRE(removed.ok());
  CHECK(*removed == 3);
  CHECK(fs::exists(g.path_of("gen-000004")));
  CHECK(fs::exists(g.path_of("gen-000003")));
  CHECK_FALSE(fs::exists(g.path_of("gen-000002")));
  CHECK_FALSE(fs::exists(g.staging_path("gen-000005")));
}

TEST_CASE("a damaged CURRENT is reported, not trusted") {
  ayc::testing::TempDir dir;
  Generations g(dir.path());
  std::ofstream(dir.path() / "CURRENT") << "../../etc\n";
  auto cur = g.current();
  REQUIRE_FALSE(cur.ok());
  CHECK(cur.status().code() == StatusCode::kDataLoss);
  std::ofstream(dir.path() / "CURRENT", std::ios::trunc) << "gen-000007\n";
  CHECK_FALSE(g.current().ok());  // names a generation that is missing
}

TEST_CASE("manifests round-trip and the run lock is exclusive") {
  ayc::testing::TempDir dir;
  Manifest m;
  m.fields["watermark"] = "1700000000";
  REQUIRE(write_manifest(dir.path(), m).ok());
  auto back = read_manifest(dir.path());
  REQUIRE(back.ok());
  CHECK(back->get("watermark") == "1700000000");
  CHECK(back->get("missing").empty());

  auto first = RunLock::acquire(dir.path());
  REQUIRE(first.ok());
  auto second = RunLock::acquire(dir.path());
  CHECK(second.status().code() == StatusCode::kAlreadyExists);
}

}  // namespace
}  // namespace ayc::index
