#include "server/search/facet_counts.h"

#include <cmath>
#include <map>

#include <catch2/catch.hpp>

#include "server/search/currency_table.h"
#include "tests/server/search/generated_index.h"

namespace ayc::search {
namespace {

using testing::GeneratedIndex;

CurrencyTable rupees() { return CurrencyTable::parse("INR", "INR 1 ₹\n").value(); }

TextPlan plan_of(const std::string& word) { return TextPlan{{TextGroup{{{word}}}}}; }

std::map<std::uint32_t, std::uint32_t> by_id(const std::vector<FacetIdCount>& counts) {
  std::map<std::uint32_t, std::uint32_t> out;
  for (const auto& c : counts) out[c.id] = c.count;
  return out;
}

// The sampled counts against the exact ones: every value shown holding at
// least 5% of the documents counted within 15%, and the shown counts'
// summed error under 5% of them. Price is counted over `price_set` documents.
void check_estimate(const FacetIds& exact, const FacetIds& sampled, std::size_t counted, std::size_t price_set) {
  for (int kind = 0; kind < 4; ++kind) {
    INFO("facet kind " << kind);
    const std::size_t hits = kind == static_cast<int>(FacetKind::kPrice) ? price_set : counted;
    auto truth = by_id(exact.kinds[kind]);
    double summed_error = 0;
    for (const auto& c : sampled.kinds[kind]) {
      REQUIRE(truth.count(c.id) == 1);  // no value that the hits lack
      const double t = truth[c.id];
      summed_error += std::abs(c.count - t);
      if (t >= 0.05 * static_cast<double>(hits)) CHECK(std::abs(c.count - t) <= 0.15 * t);
    }
    CHECK(summed_error <= 0.05 * static_cast<double>(hits));
    // The most frequent value is the same one.
    REQUIRE(!sampled.kinds[kind].empty());
    if (kind != static_cast<int>(FacetKind::kPrice)) CHECK(sampled.kinds[kind][0].id == exact.kinds[kind][0].id);
  }
}

TEST_CASE("facet counts are exact up to the bound, estimated from an even sample above it and flagged") {
  GeneratedIndex idx(60'000, true, 3);
  const Matcher matcher = idx.matcher();
  const CurrencyTable fx = rupees();
  const PriceBands bands(fx, "INR");
  const Matches oil = matcher.match(plan_of("oil"));  // ~36,000 hits
  REQUIRE(oil.size() > 30'000);

  const FacetIds exact = count_facets(matcher, oil, oil, {}, idx.columns, bands, 1'000'000);
  CHECK(exact.exhaustive);
  // Exact counts add up: every hit has one brand.
  std::uint64_t brands = 0;
  for (const auto& c : exact.kinds[static_cast<int>(FacetKind::kBrand)]) brands += c.count;
  CHECK(brands <= oil.size());
  CHECK(brands * 10 >= oil.size() * 9);  // the 20 shown of 24 brands hold most hits

  const FacetIds at_bound = count_facets(matcher, oil, oil, {}, idx.columns, bands, oil.size());
  CHECK(at_bound.exhaustive);

  const FacetIds sampled = count_facets(matcher, oil, oil, {}, idx.columns, bands, 10'000);
  CHECK_FALSE(sampled.exhaustive);
  check_estimate(exact, sampled, oil.size(), oil.size());
}

TEST_CASE("a facet narrowed by its own filter is counted, and sampled, over the hits without that filter") {
  GeneratedIndex idx(60'000, true, 5);
  const Matcher matcher = idx.matcher();
  const CurrencyTable fx = rupees();
  const PriceBands bands(fx, "INR");
  const Matches text = matcher.match(plan_of("oil"));
  // Filtered by price (the generated index has facet values, not filter terms).
  const std::vector<FilterPart> by_price = {{"price", {}, std::make_pair(0.0, 200.0)}};
  const Matches hits = matcher.restrict(text, by_price);
  REQUIRE(hits.size() > 10'000);
  REQUIRE(hits.size() < text.size());

  const FacetIds exact = count_facets(matcher, text, hits, by_price, idx.columns, bands, 1'000'000);
  const FacetIds sampled = count_facets(matcher, text, hits, by_price, idx.columns, bands, 5'000);
  CHECK(exact.exhaustive);
  CHECK_FALSE(sampled.exhaustive);
  // Price counted over the text's matches (its own filter off), the others over the hits.
  std::uint64_t priced = 0;
  for (const auto& c : exact.kinds[static_cast<int>(FacetKind::kPrice)]) priced += c.count;
  CHECK(priced == text.size());
  check_estimate(exact, sampled, hits.size(), text.size());
}

}  // namespace
}  // namespace ayc::search
