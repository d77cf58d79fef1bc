#include "recsys/related.h"

#include <algorithm>
#include <vector>

namespace ayc::recsys {

namespace {

// Weighted reciprocal-rank fusion: rank r (0-based) earns weight / (rank_constant + r + 1).
void add_ranked(std::span<const Scored> list, float weight, float rank_constant, std::vector<Scored>& parts) {
  if (weight <= 0) return;
  for (std::size_t r = 0; r < list.size(); ++r)
    parts.push_back({list[r].item, weight / (rank_constant + static_cast<float>(r) + 1.0f)});
}

// Sums the scores of repeated items.
std::vector<Scored> merge_sum(std::vector<Scored>& parts) {
  std::sort(parts.begin(), parts.end(), [](const Scored& a, const Scored& b) { return a.item < b.item; });
  std::vector<Scored> out;
  for (const auto& p : parts) {
    if (!out.empty() && out.back().item == p.item) {
      out.back().score += p.score;
    } else {
      out.push_back(p);
    }
  }
  return out;
}

}  // namespace

ScoredLists related(std::span<const ItemContent> items, const RelatedSources& sources,
                    const RelatedOptions& options, const RunOptions& run) {
  return related_rows(items, sources, 0, items.size(), options, run);
}

ScoredLists related_rows(std::span<const ItemContent> items, const RelatedSources& sources, std::size_t first,
                         std::size_t count, const RelatedOptions& options, const RunOptions& run) {
  auto make_worker = [&] {
    return [&](std::size_t row, std::vector<Scored>& out) {
      if (!items[row].active) return;
      std::vector<Scored> parts;
      if (row < sources.bought_together.size())
        add_ranked(sources.bought_together[row], options.bought_together_weight, options.rank_constant, parts);
      if (row >= sources.similar_first_row && row - sources.similar_first_row < sources.similar.size())
        add_ranked(sources.similar[row - sources.similar_first_row], options.similar_weight, options.rank_constant,
                   parts);
      out = merge_sum(parts);
      std::erase_if(out, [&](const Scored& s) { return s.item == row || !items[s.item].active; });
      keep_top_k(out, run.k);
      scale_to_unit(out);
      const auto& cats = items[row].categories;
      if (!options.fill_with_category_best_sellers || out.size() >= run.k || cats.empty() ||
          cats.front() >= sources.category_best_sellers.size())
        return;
      const float floor = out.empty() ? 1.0f : out.back().score;
      for (const auto& s : sources.category_best_sellers[cats.front()]) {
        if (out.size() >= run.k) break;
        const bool dup = s.item == row ||
                         std::any_of(out.begin(), out.end(), [&](const Scored& o) { return o.item == s.item; });
        if (!dup) out.push_back({s.item, floor * s.score});
      }
    };
  };
  return build_scored_rows(first, std::min(count, items.size() - std::min(first, items.size())), run.threads,
                           make_worker);
}

}  // namespace ayc::recsys
