#include "recsys/bought_together.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace ayc::recsys {

namespace {

using SpMat = Eigen::SparseMatrix<float>;
using Triplet = Eigen::Triplet<float>;

bool usable(std::span<const std::uint32_t> basket, const BoughtTogetherOptions& o) {
  return !basket.empty() && basket.size() <= o.max_basket_items;
}

// order x item, entries sqrt(decay): (X^T X)[i][j] is the decayed count of orders with both.
SpMat order_item_matrix(const TrainingData& d, const BoughtTogetherOptions& o) {
  const Baskets& b = d.baskets;
  std::vector<Triplet> t;
  t.reserve(b.items.size());
  for (std::size_t ord = 0; ord < b.size(); ++ord) {
    auto basket = b.items_of(ord);
    if (!usable(basket, o)) continue;
    const float w = std::sqrt(decay_weight(d.anchor_day - b.day[ord], o.half_life_days));
    for (std::uint32_t item : basket) t.emplace_back(static_cast<int>(ord), static_cast<int>(item), w);
  }
  SpMat x(static_cast<Eigen::Index>(b.size()), static_cast<Eigen::Index>(d.items.size()));
  x.setFromTriplets(t.begin(), t.end());
  return x;
}

// Each customer's orders, oldest first.
std::vector<std::vector<std::uint32_t>> orders_by_customer(const TrainingData& d) {
  std::vector<std::vector<std::uint32_t>> by(d.customer_count);
  for (std::size_t ord = 0; ord < d.baskets.size(); ++ord) {
    const std::uint32_t c = d.baskets.customer[ord];
    if (c < by.size() && !d.baskets.items_of(ord).empty()) by[c].push_back(static_cast<std::uint32_t>(ord));
  }
  for (auto& orders : by) {
    std::stable_sort(orders.begin(), orders.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return d.baskets.day[a] < d.baskets.day[b]; });
  }
  return by;
}

// Pairs (i in a later order, j in an earlier one of the same customer within the window).
SpMat cross_order_pairs(const TrainingData& d, const BoughtTogetherOptions& o) {
  const Baskets& b = d.baskets;
  std::vector<Triplet> t;
  for (const auto& orders : orders_by_customer(d)) {
    for (std::size_t p = 1; p < orders.size(); ++p) {
      auto later = b.items_of(orders[p]);
      if (!usable(later, o)) continue;
      const float w = static_cast<float>(o.customer_window_weight) *
                      decay_weight(d.anchor_day - b.day[orders[p]], o.half_life_days);
      const std::size_t stop = p > o.max_window_orders ? p - o.max_window_orders : 0;
      for (std::size_t q = p; q-- > stop;) {
        if (static_cast<double>(b.day[orders[p]] - b.day[orders[q]]) > o.customer_window_days) break;
        auto earlier = b.items_of(orders[q]);
        if (!usable(earlier, o)) continue;
        for (std::uint32_t i : later)
          for (std::uint32_t j : earlier) {
            if (i == j) continue;
            t.emplace_back(static_cast<int>(i), static_cast<int>(j), w);
            t.emplace_back(static_cast<int>(j), static_cast<int>(i), w);
          }
      }
    }
  }
  const auto n = static_cast<Eigen::Index>(d.items.size());
  SpMat cross(n, n);
  cross.setFromTriplets(t.begin(), t.end());
  return cross;
}

}  // namespace

SpMat co_purchase_matrix(const TrainingData& data, const BoughtTogetherOptions& options) {
  const SpMat x = order_item_matrix(data, options);
  const SpMat xt = x.transpose();
  SpMat co = xt * x;
  if (options.customer_window_days > 0 && options.customer_window_weight > 0 &&
      options.max_window_orders > 0) {
    co += cross_order_pairs(data, options);
  }
  co.makeCompressed();
  return co;
}

ScoredLists bought_together(const TrainingData& data, const BoughtTogetherOptions& options,
                            const RunOptions& run) {
  const SpMat co = co_purchase_matrix(data, options);
  std::vector<float> n(data.items.size(), 0.0f);
  for (Eigen::Index i = 0; i < co.outerSize(); ++i) n[static_cast<std::size_t>(i)] = co.coeff(i, i);
  const float shrink = static_cast<float>(options.shrinkage);
  auto make_worker = [&] {
    return [&](std::size_t row, std::vector<Scored>& out) {
      const float ni = n[row];
      if (ni <= 0 || !data.items[row].active) return;
      for (SpMat::InnerIterator it(co, static_cast<Eigen::Index>(row)); it; ++it) {
        const auto j = static_cast<std::uint32_t>(it.row());
        if (j == row || !data.items[j].active || it.value() <= 0) continue;
        const float s = it.value() / (std::sqrt(ni * n[j]) + shrink);
        out.push_back({j, std::min(s, kMaxScore)});
      }
      keep_top_k(out, run.k);
    };
  };
  return build_scored_lists(data.items.size(), run.threads, make_worker);
}

}  // namespace ayc::recsys
