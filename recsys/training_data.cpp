#include "recsys/training_data.h"

#include <algorithm>
#include <cmath>

namespace ayc::recsys {

float decay_weight(std::int64_t age_days, double half_life_days) {
  if (half_life_days <= 0) return 1.0f;
  const double age = static_cast<double>(std::max<std::int64_t>(age_days, 0));
  return static_cast<float>(std::exp2(-age / half_life_days));
}

Baskets build_baskets(std::span<const OrderLine> lines) {
  std::size_t orders = 0;
  for (const auto& l : lines) orders = std::max<std::size_t>(orders, std::size_t{l.order} + 1);
  Baskets b;
  b.day.assign(orders, 0);
  b.customer.assign(orders, kNone);
  std::vector<std::uint64_t> count(orders + 1, 0);
  for (const auto& l : lines) {
    ++count[l.order + 1];
    b.day[l.order] = l.day;
    b.customer[l.order] = l.customer;
  }
  for (std::size_t o = 0; o < orders; ++o) count[o + 1] += count[o];
  std::vector<std::uint32_t> items(lines.size());
  std::vector<std::uint64_t> fill(count.begin(), count.end() - 1);
  for (const auto& l : lines) items[fill[l.order]++] = l.item;
  // Sort and de-duplicate each order in place, compacting as we go.
  b.offsets.assign(1, 0);
  b.offsets.reserve(orders + 1);
  b.items.reserve(items.size());
  for (std::size_t o = 0; o < orders; ++o) {
    auto first = items.begin() + static_cast<std::ptrdiff_t>(count[o]);
    auto last = items.begin() + static_cast<std::ptrdiff_t>(count[o + 1]);
    std::sort(first, last);
    last = std::unique(first, last);
    b.items.insert(b.items.end(), first, last);
    b.offsets.push_back(b.items.size());
  }
  return b;
}

Histories build_histories(std::span<const OrderLine> lines, const HistoryRules& rules) {
  const std::size_t n = rules.customer_count;
  std::vector<std::uint64_t> count(n + 1, 0);
  for (const auto& l : lines)
    if (l.customer < n) ++count[l.customer + 1];
  for (std::size_t c = 0; c < n; ++c) count[c + 1] += count[c];
  std::vector<HistoryEntry> raw(count[n]);
  std::vector<std::uint64_t> fill(count.begin(), count.end() - 1);
  for (const auto& l : lines) {
    if (l.customer >= n) continue;
    raw[fill[l.customer]++] = {l.item, decay_weight(rules.anchor_day - l.day, rules.half_life_days), l.day};
  }
  Histories h;
  h.offsets.reserve(n + 1);
  h.entries.reserve(raw.size());
  for (std::size_t c = 0; c < n; ++c) {
    auto first = raw.begin() + static_cast<std::ptrdiff_t>(count[c]);
    auto last = raw.begin() + static_cast<std::ptrdiff_t>(count[c + 1]);
    std::sort(first, last, [](const HistoryEntry& a, const HistoryEntry& b) { return a.item < b.item; });
    for (auto it = first; it != last; ++it) {
      if (h.entries.size() > h.offsets.back() && h.entries.back().item == it->item) {
        h.entries.back().weight += it->weight;
        h.entries.back().last_day = std::max(h.entries.back().last_day, it->last_day);
      } else {
        h.entries.push_back(*it);
      }
    }
    h.offsets.push_back(h.entries.size());
  }
  return h;
}

TrainingData prepare_training_data(const Dataset& data) {
  TrainingData t;
  t.lines = data.lines;
  t.items = data.items;
  t.customer_count = data.customer_count;
  t.category_count = data.category_count;
  t.now_day = data.now_day;
  std::int64_t newest = data.now_day;
  bool any = false;
  for (const auto& l : data.lines) {
    newest = any ? std::max<std::int64_t>(newest, l.day) : l.day;
    any = true;
  }
  t.anchor_day = any ? std::min(newest, data.now_day) : data.now_day;
  t.baskets = build_baskets(data.lines);
  return t;
}

}  // namespace ayc::recsys
