// SIGKILL at any point of a run must leave CURRENT on a complete generation,
// and the next run must clean up after the dead one.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include <catch2/catch.hpp>

#include "index/generations.h"
#include "indexer/xapian_files.h"
#include "tests/support/catalog_fixture.h"
#include "tests/support/temp_database.h"
#include "tests/support/temp_dir.h"

namespace ayc::indexer {
namespace {

namespace fs = std::filesystem;

std::string indexer_binary() {
  const char* dir = std::getenv("AYC_BIN_DIR");
  if (dir == nullptr) FAIL("AYC_BIN_DIR is not set: run the suite with scripts/test.sh");
  return std::string(dir) + "/ayurvedacart-indexer";
}

pid_t spawn_indexer(const std::string& url, const fs::path& index_dir) {
  pid_t pid = ::fork();
  if (pid == 0) {
    std::string bin = indexer_binary();
    std::string pg = "--pg=" + url;
    std::string dir = "--index-dir=" + index_dir.string();
    ::execl(bin.c_str(), bin.c_str(), pg.c_str(), dir.c_str(), "--progress=never", "--recommendations=false",
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  return pid;
}

int wait_exit(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

bool staging_exists(const fs::path& index_dir) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(index_dir, ec)) {
    std::string n = e.path().filename().string();
    if (n.size() > 4 && n.compare(n.size() - 4, 4, ".tmp") == 0) return true;
  }
  return false;
}

void check_current_is_complete(const fs::path& index_dir) {
  index::Generations gens(index_dir);
  auto cur = gens.current();
  REQUIRE(cur.ok());
  REQUIRE(cur->has_value());
  auto manifest = index::read_manifest(gens.path_of(**cur));
  REQUIRE(manifest.ok());
  auto docs = xapian_doc_count(gens.path_of(**cur) / index::kXapianSubdir);
  REQUIRE(docs.ok());
  CHECK(std::to_string(*docs) == manifest->get("searchable"));
}

TEST_CASE("a run killed at any point leaves CURRENT on a valid generation") {
  ayc::testing::TempDatabase db;
  ayc::testing::load_small_catalog(db.conn());
  {
    pqxx::work tx(db.conn());
    tx.exec0(
        "INSERT INTO products (sku, name, slug, type, form, base_price, selling_price, stock_quantity, "
        "ingredients, indications, description, status) "
        "SELECT 'GEN-' || g, 'Herbal Tablet ' || g, 'herbal-tablet-' || g, 'medicine', 'tablet', 200, 150 + g % 50, "
        "g % 7, '[\"Ashwagandha\", \"Brahmi\", \"Tulsi\"]', '[\"stress\", \"memory\"]', "
        "repeat('Traditional formulation for calm focus and restful sleep. ', 8), 'active' "
        "FROM generate_series(1, 4000) g");
    tx.commit();
  }
  ayc::testing::TempDir dir;
  fs::path index_dir = dir.path() / "index";
  REQUIRE(wait_exit(spawn_indexer(db.indexer_url(), index_dir)) == 0);
  check_current_is_complete(index_dir);

  // Kill runs at different moments: as soon as staging appears, then later.
  for (int delay_ms : {0, 40, 150, 400}) {
    INFO("killed " << delay_ms << " ms after staging appeared");
    pid_t pid = spawn_indexer(db.indexer_url(), index_dir);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (!staging_exists(index_dir) && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    ::kill(pid, SIGKILL);
    wait_exit(pid);
    check_current_is_complete(index_dir);
  }

  // The next run succeeds and removes what the dead ones left behind.
  REQUIRE(wait_exit(spawn_indexer(db.indexer_url(), index_dir)) == 0);
  check_current_is_complete(index_dir);
  CHECK_FALSE(staging_exists(index_dir));
  int generations = 0;
  for (const auto& e : fs::directory_iterator(index_dir)) {
    if (e.is_directory()) ++generations;
  }
  CHECK(generations <= 2);
}

TEST_CASE("the executable refuses a second concurrent run with exit code 3") {
  ayc::testing::TempDir dir;
  fs::path index_dir = dir.path() / "index";
  REQUIRE(index::Generations(index_dir).ensure_root().ok());
  auto lock = index::RunLock::acquire(index_dir);
  REQUIRE(lock.ok());
  ayc::testing::TempDatabase db;
  CHECK(wait_exit(spawn_indexer(db.indexer_url(), index_dir)) == 3);
}

}  // namespace
}  // namespace ayc::indexer
