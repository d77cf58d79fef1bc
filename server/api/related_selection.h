// Chooses what a recommendation widget shows from ranked candidate lists:
// only active, in-stock products (in the shopper's country when given), never
// the product itself, no duplicates, at most `max_per_brand` of one brand in
// the first `diversity_window` items, lists tried in fallback order until the
// widget is full.
//
// Thread-safety: pure function.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "index/features.h"

namespace ayc::api {

struct SelectionRules {
  std::size_t limit = 10;
  std::string country;                 // ISO code; empty = anywhere
  std::string exclude_id;              // the product being viewed
  std::size_t max_per_brand = 3;
  std::size_t diversity_window = 10;
};

struct SelectedItem {
  std::shared_ptr<const features::ProductFeatures> product;
  double score = 0;
  std::string source;                  // which list it came from
};

// The product with this id, or null.
using ProductLookup = std::function<std::shared_ptr<const features::ProductFeatures>(const std::string& id)>;

using ScoredItems = std::shared_ptr<const std::vector<features::ScoredItem>>;

struct CandidateList {
  std::string source;  // "bought_together", "similar", "category_best_sellers", ...
  // Supplies the ranked candidates; called only if the lists before this one
  // leave the widget short (fallback lists are rarely needed: not read then).
  std::function<ScoredItems()> load;
};

std::vector<SelectedItem> select_items(const std::vector<CandidateList>& lists, const ProductLookup& lookup,
                                       const SelectionRules& rules);

}  // namespace ayc::api
