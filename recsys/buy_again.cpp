#include "recsys/buy_again.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace ayc::recsys {

namespace {

struct Purchase {
  std::uint32_t customer;
  std::uint32_t item;
  std::int64_t day;
  friend bool operator==(const Purchase&, const Purchase&) = default;
};

// Median of a non-empty range (mean of the two middle values for an even count); reorders it.
float median(std::span<std::int64_t> v) {
  const std::size_t mid = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid), v.end());
  const double upper = static_cast<double>(v[mid]);
  if (v.size() % 2 == 1) return static_cast<float>(upper);
  const double lower = static_cast<double>(*std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid)));
  return static_cast<float>((lower + upper) / 2);
}

// Distinct (customer, item, day) triples, sorted.
std::vector<Purchase> distinct_purchases(std::span<const OrderLine> lines, std::size_t customers, std::size_t items) {
  std::vector<Purchase> p;
  p.reserve(lines.size());
  for (const auto& l : lines)
    if (l.customer < customers && l.item < items) p.push_back({l.customer, l.item, l.day});
  std::sort(p.begin(), p.end(), [](const Purchase& a, const Purchase& b) {
    return std::tie(a.customer, a.item, a.day) < std::tie(b.customer, b.item, b.day);
  });
  p.erase(std::unique(p.begin(), p.end()), p.end());
  return p;
}

float due(double r, const BuyAgainOptions& o) {
  if (r <= 1) return static_cast<float>(std::max(r, 1e-3));
  return static_cast<float>(std::exp2(-(r - 1) / o.overdue_half_life));
}

}  // namespace

RepurchaseData build_repurchase_data(std::span<const OrderLine> lines, std::size_t customer_count,
                                     std::size_t item_count) {
  const std::vector<Purchase> p = distinct_purchases(lines, customer_count, item_count);
  RepurchaseData out;
  out.products.assign(item_count, {});
  out.histories.offsets.reserve(customer_count + 1);
  std::vector<std::pair<std::uint32_t, std::int64_t>> product_gaps;  // (item, gap)
  std::vector<std::int64_t> gaps;
  std::size_t i = 0;
  for (std::uint32_t c = 0; c < customer_count; ++c) {
    while (i < p.size() && p[i].customer == c) {
      const std::size_t first = i;
      gaps.clear();
      for (++i; i < p.size() && p[i].customer == c && p[i].item == p[first].item; ++i) {
        gaps.push_back(p[i].day - p[i - 1].day);
        product_gaps.emplace_back(p[i].item, gaps.back());
      }
      RepeatPurchase e;
      e.item = p[first].item;
      e.days = static_cast<std::uint32_t>(i - first);
      e.last_day = p[i - 1].day;
      e.own_interval_days = gaps.empty() ? 0.0f : median(gaps);
      out.histories.entries.push_back(e);
      ProductRepurchase& product = out.products[e.item];
      ++product.customers;
      if (e.days >= 2) ++product.repeat_customers;
    }
    out.histories.offsets.push_back(out.histories.entries.size());
  }
  std::sort(product_gaps.begin(), product_gaps.end());
  for (std::size_t g = 0; g < product_gaps.size();) {
    const std::uint32_t item = product_gaps[g].first;
    gaps.clear();
    for (; g < product_gaps.size() && product_gaps[g].first == item; ++g) gaps.push_back(product_gaps[g].second);
    out.products[item].typical_interval_days = median(gaps);
  }
  return out;
}

bool is_repurchased(const ProductRepurchase& product, const BuyAgainOptions& o) {
  return product.typical_interval_days > 0 && product.repeat_customers >= o.min_repeat_customers &&
         static_cast<double>(product.repeat_customers) >= o.min_repeat_share * static_cast<double>(product.customers);
}

std::vector<Scored> buy_again_for(std::span<const RepeatPurchase> history, std::span<const ProductRepurchase> products,
                                  std::span<const ItemContent> items, std::int64_t now_day,
                                  const BuyAgainOptions& o) {
  std::vector<Scored> out;
  for (const auto& e : history) {
    if (e.item >= items.size() || e.item >= products.size() || !items[e.item].active) continue;
    float interval = e.own_interval_days;
    if (e.days < 2) {
      if (!is_repurchased(products[e.item], o)) continue;
      interval = products[e.item].typical_interval_days;
    }
    const double r = static_cast<double>(std::max<std::int64_t>(now_day - e.last_day, 0)) /
                     std::max<double>(interval, o.min_interval_days);
    if (r > o.max_overdue) continue;
    const float confidence = static_cast<float>(e.days) / static_cast<float>(e.days + 1);
    out.push_back({e.item, std::min(kMaxScore, due(r, o) * confidence)});
  }
  keep_top_k(out, o.max_items);
  return out;
}

ScoredLists buy_again(const TrainingData& data, const BuyAgainOptions& options, const RunOptions& run) {
  const RepurchaseData repurchase = build_repurchase_data(data.lines, data.customer_count, data.items.size());
  auto make_worker = [&] {
    return [&](std::size_t customer, std::vector<Scored>& out) {
      out = buy_again_for(repurchase.histories.of(customer), repurchase.products, data.items, data.now_day, options);
    };
  };
  return build_scored_lists(data.customer_count, run.threads, make_worker);
}

}  // namespace ayc::recsys
