#include "server/search/generation_caches.h"

#include "server/search/cache_sizes.h"

#include <algorithm>

namespace ayc::search {

namespace {

std::size_t share(const CacheOptions& o, std::size_t percent) { return o.engine_cache_bytes / 100 * percent; }

template <typename V>
typename SharedLru<V>::Sizer sizer() {
  return [](const V& v) { return approx_bytes(v); };
}

static_assert(CacheShares::kProducts + CacheShares::kSlugs + CacheShares::kLists + CacheShares::kFacets +
                      CacheShares::kTextGroups + CacheShares::kJoinedGroups + CacheShares::kReadings +
                      CacheShares::kSpellings + CacheShares::kPrefixes + CacheShares::kRanked ==
                  100,
              "cache shares add up to 100%");

}  // namespace

std::size_t postings_cache_bytes_for(std::size_t products) {
  constexpr std::size_t kFloor = std::size_t{256} << 20, kPerProduct = 576;
  return std::max(kFloor, products * kPerProduct);
}

GenerationCaches::GenerationCaches(const CacheOptions& o)
    : postings(o.postings_cache_bytes),  // 0: sized by IndexSnapshot::load() once the products are counted
      products(o.product_cache_entries, share(o, CacheShares::kProducts), sizer<features::ProductFeatures>()),
      slugs(o.product_cache_entries, share(o, CacheShares::kSlugs), sizer<std::string>()),
      lists(o.list_cache_entries, share(o, CacheShares::kLists), sizer<std::vector<features::ScoredItem>>()),
      facets(o.facet_cache_entries, share(o, CacheShares::kFacets), sizer<FacetIds>()),
      text_groups(o.text_group_entries, share(o, CacheShares::kTextGroups), sizer<TextGroup>()),
      joined_groups(o.text_group_entries, share(o, CacheShares::kJoinedGroups), sizer<TextGroup>()),
      readings(o.text_group_entries, share(o, CacheShares::kReadings), sizer<TextGroup>()),
      spellings(o.spelling_entries, share(o, CacheShares::kSpellings), sizer<std::string>()),
      prefixes(o.prefix_entries, share(o, CacheShares::kPrefixes), sizer<std::vector<std::string>>()),
      ranked(o.ranked_entries, share(o, CacheShares::kRanked), sizer<std::vector<RankedDoc>>()) {}

}  // namespace ayc::search
