#include <catch2/catch.hpp>

#include "server/search/facet_columns.h"
#include "tests/server/search/search_index_fixture.h"

namespace ayc::search {
namespace {

CurrencyTable rates() {
  auto t = CurrencyTable::parse("INR", "INR 83 ₹\nUSD 1 $\nEUR 0.92 €\n");
  REQUIRE(t.ok());
  return *t;
}

TEST_CASE("price bands are nice numbers in the shopper's currency") {
  const CurrencyTable fx = rates();
  const PriceBands inr(fx, "INR");
  REQUIRE(inr.count() == 5);
  CHECK(inr.label(0) == "0-250");
  CHECK(inr.label(1) == "250-500");
  CHECK(inr.label(3) == "1000-2000");
  CHECK(inr.label(4) == "2000+");
  CHECK(inr.band(249.99) == 0);
  CHECK(inr.band(250) == 1);
  CHECK(inr.band(5000) == 4);
  const PriceBands usd(fx, "USD");  // INR 250 is about USD 3, rounded to 5
  CHECK(usd.label(0) == "0-5");
  CHECK(usd.band(83.0 * 4.9) == 0);  // base-currency prices: USD 4.90
  CHECK(usd.band(83.0 * 5.1) == 1);
}

TEST_CASE("facet values come most frequent first, ties by name, named from their ids") {
  ayc::testing::SearchIndexFixture fx;
  const IndexSnapshot& snap = *fx.snapshot;
  const PriceBands bands(snap.currencies(), "INR");
  FacetCounter counter(snap.facet_columns(), bands);
  counter.add(snap.docs().live(), kAllFacets);
  counter.add(snap.docs().live(), facet_bit(FacetKind::kForm));  // forms counted twice
  auto forms = name_facet(snap.facet_columns(), bands, FacetKind::kForm, counter.top(FacetKind::kForm, 10));
  REQUIRE(forms.size() == 3);  // churna, oil, and the chyawanprash's form
  for (const auto& f : forms) CHECK(f.count == 2);
  CHECK(std::is_sorted(forms.begin(), forms.end(), [](const FacetCount& a, const FacetCount& b) { return a.value < b.value; }));
  CHECK(counter.top(FacetKind::kForm, 2).size() == 2);
  auto prices = name_facet(snap.facet_columns(), bands, FacetKind::kPrice, counter.top(FacetKind::kPrice, 10));
  std::uint64_t priced = 0;
  for (const auto& p : prices) priced += p.count;
  CHECK(priced == 3);
  CHECK(prices.front().value == "0-250");  // the churna, INR 150
}

}  // namespace
}  // namespace ayc::search
