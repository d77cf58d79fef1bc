// The feature store's recommendation lists: written compact, read back with
// product ids through the generation's ordinal table.
#include <catch2/catch.hpp>

#include "index/feature_store.h"
#include "tests/support/temp_dir.h"

namespace ayc::index {
namespace {

using Family = FeatureStore::Family;

TEST_CASE("a store's compact lists read back as the products they were written for") {
  ayc::testing::TempDir dir;
  const std::string path = (dir.path() / "features").string();
  const std::vector<std::string> ids = {"00000000-0000-4000-8000-00000000000a", "00000000-0000-4000-8000-00000000000b",
                                        "00000000-0000-4000-8000-00000000000c"};
  {
    auto store = FeatureStore::open(path, FeatureStore::Mode::kCreate);
    REQUIRE(store.ok());
    FeatureStore::Batch b;
    FeatureStore::put_product_ordinals(b, ids);
    FeatureStore::put_scored_list(b, Family::kRelated, FeatureStore::related_key(ids[0], "similar"),
                                  {{2, 0.75f}, {1, 0.5f}});
    FeatureStore::put_scored_list(b, Family::kUsers, "user-1", {});
    REQUIRE((*store)->commit(b).ok());
    REQUIRE((*store)->finalize().ok());
  }
  auto store = FeatureStore::open(path, FeatureStore::Mode::kReadOnly);
  REQUIRE(store.ok());
  auto similar = (*store)->scored_list(Family::kRelated, FeatureStore::related_key(ids[0], "similar"));
  REQUIRE(similar.ok());
  REQUIRE(similar->has_value());
  REQUIRE((*similar)->size() == 2);
  CHECK((**similar)[0].id == ids[2]);
  CHECK((**similar)[0].score == 0.75f);
  CHECK((**similar)[1].id == ids[1]);
  auto user = (*store)->scored_list(Family::kUsers, "user-1");
  REQUIRE(user.ok());
  REQUIRE(user->has_value());  // present and empty: a known user with nothing to recommend
  CHECK((*user)->empty());
  auto absent = (*store)->scored_list(Family::kUsers, "user-2");
  REQUIRE(absent.ok());
  CHECK_FALSE(absent->has_value());
}

TEST_CASE("a list without its ordinal table, or naming a product outside it, is DataLoss") {
  ayc::testing::TempDir dir;
  auto store = FeatureStore::open((dir.path() / "features").string(), FeatureStore::Mode::kCreate);
  REQUIRE(store.ok());
  FeatureStore::Batch b;
  FeatureStore::put_scored_list(b, Family::kRelated, FeatureStore::related_key("global", "trending"), {{0, 0.5f}});
  REQUIRE((*store)->commit(b).ok());
  auto missing = (*store)->scored_list(Family::kRelated, FeatureStore::related_key("global", "trending"));
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == StatusCode::kDataLoss);

  ayc::testing::TempDir other;
  auto small = FeatureStore::open((other.path() / "features").string(), FeatureStore::Mode::kCreate);
  REQUIRE(small.ok());
  FeatureStore::Batch c;
  FeatureStore::put_product_ordinals(c, {"only"});
  FeatureStore::put_scored_list(c, Family::kRelated, "k", {{0, 0.5f}, {1, 0.25f}});
  REQUIRE((*small)->commit(c).ok());
  auto outside = (*small)->scored_list(Family::kRelated, "k");
  REQUIRE_FALSE(outside.ok());
  CHECK(outside.status().code() == StatusCode::kDataLoss);
}

}  // namespace
}  // namespace ayc::index
