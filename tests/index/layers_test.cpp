#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "index/layers.h"
#include "tests/support/temp_dir.h"

namespace ayc::index {
namespace {

namespace fs = std::filesystem;

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p) << text;
}

std::string read(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST_CASE("link_tree links what it is told to and copies the rest") {
  ayc::testing::TempDir dir;
  const fs::path from = dir.path() / "from", to = dir.path() / "to";
  write(from / "000001.sst", "table");
  write(from / "MANIFEST-000002", "manifest");
  write(from / "sub" / "000003.sst", "nested");
  REQUIRE(link_tree(from, to, [](const fs::path& p) { return p.extension() == ".sst"; }).ok());
  CHECK(fs::equivalent(from / "000001.sst", to / "000001.sst"));
  CHECK(fs::equivalent(from / "sub" / "000003.sst", to / "sub" / "000003.sst"));
  CHECK_FALSE(fs::equivalent(from / "MANIFEST-000002", to / "MANIFEST-000002"));
  CHECK(read(to / "MANIFEST-000002") == "manifest");
  // Writing the copy leaves the original alone.
  write(to / "MANIFEST-000002", "changed");
  CHECK(read(from / "MANIFEST-000002") == "manifest");
}

TEST_CASE("link_tree names the file it could not link") {
  ayc::testing::TempDir dir;
  write(dir.path() / "from" / "a.sst", "x");
  write(dir.path() / "to" / "a.sst", "already there");
  auto s = link_tree(dir.path() / "from", dir.path() / "to", [](const fs::path&) { return true; });
  REQUIRE_FALSE(s.ok());
  CHECK(s.message().find("a.sst") != std::string::npos);
}

TEST_CASE("superseded docids round-trip sorted and unique, and none without the file") {
  ayc::testing::TempDir dir;
  auto none = read_superseded(dir.path());
  REQUIRE(none.ok());
  CHECK(none->empty());
  REQUIRE(write_superseded(dir.path(), {7, 3, 3, 100000}).ok());
  auto back = read_superseded(dir.path());
  REQUIRE(back.ok());
  CHECK(*back == std::vector<std::uint32_t>{3, 7, 100000});
}

TEST_CASE("a superseded file that is not docids is data loss, naming the line") {
  ayc::testing::TempDir dir;
  for (const char* bad : {"12x\n", "0\n", "-4\n", "99999999999\n"}) {
    INFO(bad);
    write(dir.path() / kSupersededFile, bad);
    auto r = read_superseded(dir.path());
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message().find("not a docid") != std::string::npos);
  }
}

}  // namespace
}  // namespace ayc::index
