// What a cached value holds in memory, about: the heap bytes of its strings
// and vectors plus the object itself. The caches' byte bounds charge these.
//
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "index/features.h"
#include "server/search/facet_columns.h"
#include "server/search/matcher.h"
#include "server/search/search_types.h"

namespace ayc::search {

std::size_t approx_bytes(const std::string& s);
std::size_t approx_bytes(const std::vector<std::string>& v);
std::size_t approx_bytes(const features::ProductFeatures& p);
std::size_t approx_bytes(const std::vector<features::ScoredItem>& v);
std::size_t approx_bytes(const FacetIds& f);
std::size_t approx_bytes(const TextGroup& g);
std::size_t approx_bytes(const std::vector<RankedDoc>& v);

}  // namespace ayc::search
