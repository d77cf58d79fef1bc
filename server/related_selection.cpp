#include "server/related_selection.h"

#include <map>
#include <unordered_set>

namespace ayc::server {

std::vector<SelectedItem> select_items(const std::vector<CandidateList>& lists, const ProductLookup& lookup,
                                       const SelectionRules& rules) {
  std::vector<SelectedItem> out;
  std::unordered_set<std::string> seen{rules.exclude_id};
  std::map<std::string, std::size_t> per_brand;
  std::vector<SelectedItem> held_back;  // over the brand cap: used only to fill the tail
  for (const auto& list : lists) {
    for (const auto& candidate : list.items) {
      if (out.size() >= rules.limit) break;
      if (!seen.insert(candidate.id).second) continue;
      auto p = lookup(candidate.id);
      if (!p || p->status != "active") continue;
      if (!(p->in_stock_in(rules.country) || p->in_stock_in("*"))) continue;
      SelectedItem item{std::move(*p), candidate.score, list.source};
      std::size_t& n = per_brand[item.product.brand_slug];
      if (!item.product.brand_slug.empty() && n >= rules.max_per_brand && out.size() < rules.diversity_window) {
        held_back.push_back(std::move(item));
        continue;
      }
      ++n;
      out.push_back(std::move(item));
    }
  }
  for (auto& item : held_back) {
    if (out.size() >= rules.limit) break;
    if (out.size() >= rules.diversity_window) out.push_back(std::move(item));
  }
  return out;
}

}  // namespace ayc::server
