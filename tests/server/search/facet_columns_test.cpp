#include <catch2/catch.hpp>

#include <map>

#include <xapian.h>

#include "index/index_schema.h"
#include "server/search/facet_columns.h"
#include "tests/server/search/search_index_fixture.h"
#include "tests/support/temp_dir.h"

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

// Every facet's counts as named values, over every document of `columns`.
std::map<std::string, std::uint32_t> count_all(const FacetColumns& columns, const PriceBands& bands,
                                               const std::vector<Xapian::docid>& docs) {
  FacetCounter counter(columns, bands);
  counter.add(docs, kAllFacets);
  std::map<std::string, std::uint32_t> out;
  const char* names[] = {"brand", "category", "form", "price"};
  for (auto kind : {FacetKind::kBrand, FacetKind::kCategory, FacetKind::kForm, FacetKind::kPrice}) {
    for (const auto& v : name_facet(columns, bands, kind, counter.top(kind, 100))) {
      out[std::string(names[static_cast<int>(kind)]) + ":" + v.value] = v.count;
    }
  }
  return out;
}

TEST_CASE("packed facet rows count what the columns count, in any currency and with many categories") {
  // Rows hold a category set id: products with the same categories share one.
  testing::TempDir dir;
  {
    Xapian::WritableDatabase w(dir.path().string(), Xapian::DB_CREATE_OR_OVERWRITE);
    auto add = [&](const char* brand, const char* form, const std::string& categories, double price) {
      Xapian::Document doc;
      if (*brand) doc.add_value(index::kSlotBrand, brand);
      if (*form) doc.add_value(index::kSlotForm, form);
      if (!categories.empty()) doc.add_value(index::kSlotCategories, categories);
      if (price >= 0) doc.add_value(index::kSlotPrice, Xapian::sortable_serialise(price));
      w.add_document(doc);
    };
    const std::string sep(1, index::kListSeparator);
    add("dabur", "oil", "hair" + sep + "care", 150);
    add("dabur", "churna", "digestion", 600);
    add("", "", "", -1);  // nothing known
    // Fifteen categories: more than a row holds.
    std::string many = "care";
    for (char c = 'a'; c < 'a' + 14; ++c) many += sep + std::string(1, c);
    add("zandu", "oil", many, 2500);
    add("zandu", "", "care", 250);
    add("dabur", "oil", "hair" + sep + "care", 90);  // the first product's categories again
    w.commit();
  }
  Xapian::Database db(dir.path().string());
  const FacetColumns plain = FacetColumns::build(db).value();
  FacetColumns packed = FacetColumns::build(db).value();
  const CurrencyTable fx = rates();
  packed.pack(PriceBands(fx, "INR"));
  REQUIRE(packed.rows().size() == 7);  // docids 1..6, and 0
  // Sets: none, hair+care, digestion, the fifteen, care.
  CHECK(packed.category_sets().offsets.size() == 6);
  CHECK(packed.rows()[6].categories == packed.rows()[1].categories);
  CHECK(packed.rows()[3].categories == 0);
  CHECK(packed.rows()[4].categories != packed.rows()[5].categories);
  const std::vector<Xapian::docid> every{1, 2, 3, 4, 5, 6};
  for (const char* currency : {"INR", "USD"}) {
    INFO(currency);
    const PriceBands bands(fx, currency);
    auto counts = count_all(packed, bands, every);
    CHECK(counts == count_all(plain, bands, every));
    CHECK(counts["brand:dabur"] == 3);
    CHECK(counts["form:oil"] == 3);
    CHECK(counts["category:care"] == 4);
    CHECK(counts["category:hair"] == 2);
    CHECK(counts["category:f"] == 1);
  }
  auto inr = count_all(packed, PriceBands(fx, "INR"), every);
  CHECK(inr["price:0-250"] == 2);
  CHECK(inr["price:250-500"] == 1);
  CHECK(inr["price:500-1000"] == 1);
  CHECK(inr["price:2000+"] == 1);
}

}  // namespace
}  // namespace ayc::search
