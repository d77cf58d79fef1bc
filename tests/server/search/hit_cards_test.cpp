#include <catch2/catch.hpp>

#include "server/search/hit_cards.h"
#include "tests/server/search/search_index_fixture.h"

namespace ayc::search {
namespace {

TEST_CASE("every searchable product's card shows what the feature store holds for it") {
  ayc::testing::SearchIndexFixture fx;
  const IndexSnapshot& snap = *fx.snapshot;
  const HitCards& cards = snap.hit_cards();
  REQUIRE(snap.docs().live().size() == 3);
  for (Xapian::docid d : snap.docs().live()) {
    const std::string id(snap.docs().id(d));
    INFO(id);
    auto p = snap.features().product(id);
    REQUIRE(p.ok());
    REQUIRE(p->has_value());
    const features::ProductFeatures& want = **p;
    const HitCard card = cards.at(d);
    REQUIRE(card.present);
    CHECK(card.slug == want.slug);
    CHECK(card.name == want.name);
    CHECK(card.brand_name == want.brand_name);
    CHECK(card.short_description == want.short_description);
    CHECK(card.price == want.price);
    CHECK(card.rating == want.rating);
    CHECK(card.review_count == want.review_count);
    CHECK(cards.in_stock_in(d, "") == want.in_stock());
    for (const auto& [country, units] : want.stock_by_country) {
      CHECK(cards.in_stock_in(d, country) == want.in_stock_in(country));
    }
    CHECK(cards.in_stock_in(d, "ZZ") == want.in_stock_in("ZZ"));
  }
  CHECK(cards.bytes() > 0);
}

TEST_CASE("a docid the generation does not have gets no card") {
  ayc::testing::SearchIndexFixture fx;
  const HitCards& cards = fx.snapshot->hit_cards();
  CHECK_FALSE(cards.at(0).present);
  CHECK_FALSE(cards.at(1000000).present);
  CHECK_FALSE(cards.in_stock_in(1000000, ""));
  CHECK_FALSE(HitCards().at(1).present);
}

}  // namespace
}  // namespace ayc::search
