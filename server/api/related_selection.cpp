#include "server/api/related_selection.h"

#include <algorithm>
#include <string_view>
#include <unordered_set>
#include <utility>

namespace ayc::api {

std::vector<SelectedItem> select_items(const std::vector<CandidateList>& lists, const ProductLookup& lookup,
                                       const SelectionRules& rules) {
  std::vector<SelectedItem> out;
  std::vector<ScoredItems> loaded;  // keeps the ids `seen` points into
  std::unordered_set<std::string_view> seen{rules.exclude_id};
  std::vector<std::pair<std::string, std::size_t>> per_brand;
  std::vector<SelectedItem> held_back;  // over the brand cap: used only to fill the tail
  for (const auto& list : lists) {
    if (out.size() >= rules.limit) break;
    if (!list.load) continue;
    const ScoredItems& items = loaded.emplace_back(list.load());
    if (!items) continue;
    for (const auto& candidate : *items) {
      if (out.size() >= rules.limit) break;
      if (!seen.insert(candidate.id).second) continue;
      auto p = lookup(candidate.id);
      if (!p || p->status != "active") continue;
      if (!(p->in_stock_in(rules.country) || p->in_stock_in("*"))) continue;
      SelectedItem item{std::move(p), candidate.score, list.source};
      const std::string& brand_slug = item.product->brand_slug;
      auto brand = std::find_if(per_brand.begin(), per_brand.end(),
                                [&](const auto& b) { return b.first == brand_slug; });
      if (brand == per_brand.end()) brand = per_brand.insert(per_brand.end(), {brand_slug, 0});
      if (!brand_slug.empty() && brand->second >= rules.max_per_brand &&
          out.size() < rules.diversity_window) {
        held_back.push_back(std::move(item));
        continue;
      }
      ++brand->second;
      out.push_back(std::move(item));
    }
  }
  for (auto& item : held_back) {
    if (out.size() >= rules.limit) break;
    if (out.size() >= rules.diversity_window) out.push_back(std::move(item));
  }
  return out;
}

}  // namespace ayc::api
