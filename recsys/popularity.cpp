#include "recsys/popularity.h"

#include <algorithm>

namespace ayc::recsys {

namespace {

float capped_units(const OrderLine& l, const PopularityOptions& o) {
  return std::clamp(l.quantity, 0.0f, o.max_units_per_line);
}

}  // namespace

std::vector<float> item_popularity(const TrainingData& data, const PopularityOptions& options) {
  std::vector<float> pop(data.items.size(), 0.0f);
  for (const auto& l : data.lines) {
    if (l.item >= pop.size()) continue;
    pop[l.item] += capped_units(l, options) * decay_weight(data.anchor_day - l.day, options.half_life_days);
  }
  return pop;
}

std::vector<Scored> best_sellers(std::span<const float> popularity, std::span<const ItemContent> items,
                                 std::size_t k) {
  std::vector<Scored> out;
  for (std::size_t i = 0; i < items.size() && i < popularity.size(); ++i)
    if (items[i].active && popularity[i] > 0) out.push_back({static_cast<std::uint32_t>(i), popularity[i]});
  keep_top_k(out, k);
  scale_to_unit(out);
  return out;
}

ScoredLists category_best_sellers(std::span<const float> popularity, std::span<const ItemContent> items,
                                  std::size_t category_count, std::size_t k) {
  std::vector<std::vector<Scored>> lists(category_count);
  for (std::size_t i = 0; i < items.size() && i < popularity.size(); ++i) {
    if (!items[i].active || popularity[i] <= 0) continue;
    const Scored s{static_cast<std::uint32_t>(i), popularity[i]};
    for (auto c : items[i].categories)
      if (c < category_count) lists[c].push_back(s);
    for (auto c : items[i].ancestor_categories)
      if (c < category_count) lists[c].push_back(s);
  }
  for (auto& l : lists) {
    // A product listed under a category both directly and as an ancestor counts once.
    std::sort(l.begin(), l.end(), [](const Scored& a, const Scored& b) { return a.item < b.item; });
    l.erase(std::unique(l.begin(), l.end()), l.end());
    keep_top_k(l, k);
    scale_to_unit(l);
  }
  return ScoredLists(lists);
}

std::vector<float> trend_scores(const TrainingData& data, const PopularityOptions& options) {
  const std::size_t n = data.items.size();
  std::vector<double> recent(n, 0.0), baseline(n, 0.0);
  const std::int64_t recent_start = data.now_day - options.recent_days + 1;  // window (now-7, now]
  const std::int64_t baseline_start = recent_start - options.baseline_days;
  for (const auto& l : data.lines) {
    if (l.item >= n || l.day > data.now_day || l.day < baseline_start) continue;
    (l.day >= recent_start ? recent : baseline)[l.item] += capped_units(l, options);
  }
  const double scale = options.baseline_days > 0
                           ? static_cast<double>(options.recent_days) / options.baseline_days
                           : 0.0;
  const double s = options.smoothing_units;
  std::vector<float> out(n, 0.0f);
  for (std::size_t i = 0; i < n; ++i) {
    if (!data.items[i].active || recent[i] < options.min_recent_units || recent[i] <= 0) continue;
    const double trend = (recent[i] + s) / std::max(baseline[i] * scale + s, 1e-6);
    if (trend > 1.0) out[i] = static_cast<float>(trend);
  }
  return out;
}

std::vector<Scored> trending(const TrainingData& data, const PopularityOptions& options, std::size_t k) {
  return best_sellers(trend_scores(data, options), data.items, k);
}

}  // namespace ayc::recsys
