// --only-recommendations: a new generation with fresh lists beside the
// served one's databases.
#include <filesystem>

#include <catch2/catch.hpp>

#include "index/feature_store.h"
#include "index/generations.h"
#include "indexer/index_job.h"
#include "indexer/recommendation_stage.h"
#include "tests/indexer/index_test_util.h"
#include "tests/support/catalog_fixture.h"
#include "tests/support/temp_database.h"
#include "tests/support/temp_dir.h"

namespace ayc::indexer {
namespace {

namespace fs = std::filesystem;

Result<std::optional<std::vector<features::ScoredItem>>> bought_together_of(const fs::path& generation) {
  auto store = index::FeatureStore::open((generation / index::kFeaturesSubdir).string(),
                                         index::FeatureStore::Mode::kReadOnly);
  if (!store.ok()) return store.status();
  return (*store)->scored_list(index::FeatureStore::Family::kRelated,
                               index::FeatureStore::related_key(ayc::testing::kAshwagandhaChurna, "bought_together"));
}

TEST_CASE("a run of the lists alone shares the served databases and adds the lists") {
  ayc::testing::TempDatabase db;
  ayc::testing::load_small_catalog(db.conn());
  ayc::testing::load_regular_customer(db.conn());
  ayc::testing::TempDir dir;
  IndexerConfig c = ayc::testing::config_for(db, dir);
  c.recommendations = false;
  REQUIRE(run_full(c).ok());
  const fs::path served = ayc::testing::current_generation_path(c.index_dir);
  auto none = bought_together_of(served);
  REQUIRE(none.ok());
  CHECK_FALSE(none->has_value());

  auto run = run_only_recommendations(c);
  INFO((run.ok() ? std::string() : run.status().message()));
  REQUIRE(run.ok());
  const fs::path fresh = ayc::testing::current_generation_path(c.index_dir);
  REQUIRE(fresh != served);
  auto lists = bought_together_of(fresh);
  REQUIRE(lists.ok());
  REQUIRE(lists->has_value());
  REQUIRE_FALSE((*lists)->empty());
  CHECK((*lists)->front().id == ayc::testing::kMahanarayanOil);  // bought in the same order
  // The databases are the served generation's files, not copies.
  int linked = 0;
  for (const auto& entry : fs::directory_iterator(fresh / index::kXapianSubdir)) {
    CHECK(fs::equivalent(entry.path(), served / index::kXapianSubdir / entry.path().filename()));
    ++linked;
  }
  CHECK(linked > 0);
  auto manifest = index::read_manifest(fresh);
  REQUIRE(manifest.ok());
  CHECK(manifest->get("kind") == "recommendations");
  // The served generation is untouched: still without lists.
  auto before = bought_together_of(served);
  REQUIRE(before.ok());
  CHECK_FALSE(before->has_value());
}

}  // namespace
}  // namespace ayc::indexer
