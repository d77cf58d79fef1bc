// "Related products": the general "you may also like" list of a product page.
//
// A blend of the two product-to-product signals: complements (bought
// together) and substitutes (similar). Their scores are not comparable
// (prior-weighted cosines against shrunk co-purchase rates that fall off
// fast), so the lists are fused by rank: an entry at 0-based rank r of a list
// earns weight / (rank_constant + r + 1), summed over both lists. The result
// interleaves complements and substitutes, complements slightly first, and a
// product on both lists ranks first. Products without sales still get
// similar ones; a list still shorter than k is topped up with the
// best-sellers of the product's first category, scored below the blend.
//
// Thread-safety: pure functions of their arguments.
#pragma once

#include <span>

#include "recsys/scored_lists.h"
#include "recsys/types.h"

namespace ayc::recsys {

struct RelatedOptions {
  float bought_together_weight = 0.6f;
  float similar_weight = 0.4f;
  // Larger = flatter: with 0.6 / 0.4 and 1, the lists interleave about 3:2;
  // with 10, the first five complements all come before the first substitute.
  float rank_constant = 1.0f;
  bool fill_with_category_best_sellers = true;
};

struct RelatedSources {
  const ScoredLists& bought_together;        // per product
  const ScoredLists& similar;                // per product, from similar_first_row on
  const ScoredLists& category_best_sellers;  // per category
  std::size_t similar_first_row = 0;         // the product of similar[0] (a block of the products)
};

// Per product, up to run.k active products, best first, never itself; scores
// in (0, 1). Inactive products get empty lists.
ScoredLists related(std::span<const ItemContent> items, const RelatedSources& sources,
                    const RelatedOptions& options, const RunOptions& run);
// The lists of products [first, first + count) only; row i is product first + i.
ScoredLists related_rows(std::span<const ItemContent> items, const RelatedSources& sources, std::size_t first,
                         std::size_t count, const RelatedOptions& options, const RunOptions& run);

}  // namespace ayc::recsys
