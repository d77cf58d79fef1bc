// The recommendation stage of a full run writes lists the server can read.
#include <catch2/catch.hpp>

#include "index/feature_store.h"
#include "indexer/index_job.h"
#include "indexer/recommendation_stage.h"
#include "tests/indexer/index_test_util.h"
#include "tests/support/catalog_fixture.h"
#include "tests/support/temp_database.h"
#include "tests/support/temp_dir.h"

namespace ayc::indexer {
namespace {

TEST_CASE("a run writing product_recommendations to a hot standby is refused, naming --pg-write") {
  IndexerConfig config;
  config.pg = "postgresql://standby.internal/ayurvedacart";
  CHECK(check_recommendations_writable(config, false).ok());
  Status refused = check_recommendations_writable(config, true);
  CHECK(refused.code() == StatusCode::kInvalidArgument);
  CHECK_THAT(refused.message(), Catch::Contains("--pg-write"));
  config.pg_write = "postgresql://primary.internal/ayurvedacart";
  CHECK(check_recommendations_writable(config, true).ok());
  config.pg_write.clear();
  config.pg_recommendations_per_product = 0;  // nothing written to PostgreSQL
  CHECK(check_recommendations_writable(config, true).ok());
}

TEST_CASE("a full run stores recommendation lists and every user") {
  ayc::testing::TempDatabase db;
  ayc::testing::load_small_catalog(db.conn());
  ayc::testing::load_regular_customer(db.conn());
  ayc::testing::TempDir dir;
  IndexerConfig c = ayc::testing::config_for(db, dir);
  auto run = run_full(c);
  INFO((run.ok() ? std::string() : run.status().message()));
  REQUIRE(run.ok());
  CHECK(run->recommendation_seconds > 0);

  auto store = index::FeatureStore::open(
      (ayc::testing::current_generation_path(c.index_dir) / index::kFeaturesSubdir).string(), index::FeatureStore::Mode::kReadOnly);
  REQUIRE(store.ok());
  auto user = (*store)->get(index::FeatureStore::Family::kUsers, "40000000-0000-4000-8000-000000000001");
  REQUIRE(user.ok());
  CHECK(user->has_value());  // known users are listed, even with nothing to recommend
  // One order of two products: nothing to rebuy, so no buy_again entry.
  auto none = (*store)->get(index::FeatureStore::Family::kUsers,
                            index::FeatureStore::user_list_key("40000000-0000-4000-8000-000000000001", "buy_again"));
  REQUIRE(none.ok());
  CHECK_FALSE(none->has_value());
  auto again = (*store)->scored_list(index::FeatureStore::Family::kUsers,
                                     index::FeatureStore::user_list_key(ayc::testing::kRegularCustomer, "buy_again"));
  REQUIRE(again.ok());
  REQUIRE(again->has_value());
  const auto& refills = *again;
  REQUIRE(refills->size() == 1);  // the oil, bought once and by nobody twice, does not qualify
  CHECK(refills->front().id == ayc::testing::kAshwagandhaChurna);
  CHECK(refills->front().score > 0.5);  // due today: 30 days since the last of a 30-day rhythm
  auto regular = (*store)->scored_list(index::FeatureStore::Family::kUsers, ayc::testing::kRegularCustomer);
  REQUIRE(regular.ok());
  REQUIRE(regular->has_value());
  for (const auto& item : **regular) {  // for_you: nothing they bought
    CHECK(item.id != ayc::testing::kAshwagandhaChurna);
    CHECK(item.id != ayc::testing::kMahanarayanOil);
  }
  auto best = (*store)->scored_list(index::FeatureStore::Family::kRelated,
                                    index::FeatureStore::related_key("global", "best_sellers"));
  REQUIRE(best.ok());
  REQUIRE(best->has_value());
  CHECK_FALSE((*best)->empty());

  auto together = (*store)->scored_list(index::FeatureStore::Family::kRelated,
                                        index::FeatureStore::related_key(ayc::testing::kAshwagandhaChurna, "bought_together"));
  REQUIRE(together.ok());
  REQUIRE(together->has_value());
  const auto& partners = *together;
  REQUIRE_FALSE(partners->empty());
  CHECK(partners->front().id == ayc::testing::kMahanarayanOil);  // bought in the same order
  // Lists name products by ordinal: every entry of the stored bytes is a few
  // bytes, not a 36-byte id, and the table maps it back to the product.
  auto raw = (*store)->get(index::FeatureStore::Family::kRelated,
                           index::FeatureStore::related_key(ayc::testing::kAshwagandhaChurna, "bought_together"));
  REQUIRE(raw.ok());
  REQUIRE(raw->has_value());
  CHECK((*raw)->size() < 2 + partners->size() * 9);
  CHECK(static_cast<std::uint8_t>((**raw)[0]) == features::kCompactListEncodingVersion);

  pqxx::work tx(db.conn());
  auto rows = tx.exec1("SELECT count(*) FROM product_recommendations WHERE recommendation_type = "
                       "'frequently_bought_together'")[0].as<int>();
  CHECK(rows > 0);
}

}  // namespace
}  // namespace ayc::indexer
