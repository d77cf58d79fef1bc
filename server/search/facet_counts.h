// A search's facet counts: brand, category, form and price band, each
// counted over the hits as if its own filter were off (so a shopper can
// widen the choice), the 20 most frequent values of each.
//
// Exact up to a bound: a set of more hits than `exact_limit` is sampled
// evenly (every k-th docid; docids follow the static rank, so every rank is
// sampled alike) down to at most `exact_limit`, and its counts are scaled
// back and flagged (FacetIds::exhaustive false). On the 1,000,000-product
// bench catalogue with the default limit of 50,000, values holding at least
// 1% of the hits came within 1.1% of their exact counts on average, 3.3% at
// the 95th percentile (bench/RESULTS.md, "Scale"; ayurvedacart-searchbench
// --facet-error measures it).
//
// Thread-safety: a pure function of its inputs.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "server/search/facet_columns.h"
#include "server/search/matcher.h"

namespace ayc::search {

inline constexpr std::size_t kFacetValues = 20;
inline constexpr std::pair<const char*, FacetKind> kFacetKinds[] = {
    {"brand", FacetKind::kBrand}, {"category", FacetKind::kCategory}, {"form", FacetKind::kForm},
    {"price", FacetKind::kPrice}};

// `hits` are `text`'s matches under every filter part.
FacetIds count_facets(const Matcher& matcher, const Matches& text, const Matches& hits,
                      const std::vector<FilterPart>& filters, const FacetColumns& columns, const PriceBands& bands,
                      std::size_t exact_limit);

}  // namespace ayc::search
