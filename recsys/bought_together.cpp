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

namespace {

// What bought_together() reads for a product: the usable orders holding it
// and every customer's orders in day order. The same sums as
// co_purchase_matrix(), a product's row at a time, so memory stays near the
// baskets' own size (the matrices, their triplets and the cross-order pairs
// took 1.2 GiB at a million products).
struct OrderIndex {
  std::vector<float> decay;                // per usable order: its decay weight
  std::vector<std::uint8_t> usable;        // per order: not empty and not too long
  std::vector<std::uint64_t> item_begin;   // product p's usable orders: item_orders[item_begin[p]..item_begin[p+1])
  std::vector<std::uint32_t> item_orders;
  std::vector<std::uint32_t> history;      // every customer's non-empty orders, oldest first, customer after customer
  std::vector<std::uint64_t> history_begin;  // customer c's: history[history_begin[c]..history_begin[c+1])
  std::vector<std::uint64_t> place;        // per order: its position in history (when its customer has one)
};

OrderIndex index_orders(const TrainingData& d, const BoughtTogetherOptions& o) {
  const Baskets& b = d.baskets;
  OrderIndex x;
  x.decay.assign(b.size(), 0.0f);
  x.usable.assign(b.size(), 0);
  x.item_begin.assign(d.items.size() + 1, 0);
  for (std::size_t ord = 0; ord < b.size(); ++ord) {
    auto basket = b.items_of(ord);
    if (!usable(basket, o)) continue;
    x.usable[ord] = 1;
    x.decay[ord] = decay_weight(d.anchor_day - b.day[ord], o.half_life_days);
    for (std::uint32_t item : basket) ++x.item_begin[item + 1];
  }
  for (std::size_t p = 1; p < x.item_begin.size(); ++p) x.item_begin[p] += x.item_begin[p - 1];
  x.item_orders.resize(x.item_begin.back());
  std::vector<std::uint64_t> fill(x.item_begin.begin(), x.item_begin.end() - 1);
  for (std::size_t ord = 0; ord < b.size(); ++ord)
    if (x.usable[ord])
      for (std::uint32_t item : b.items_of(ord)) x.item_orders[fill[item]++] = static_cast<std::uint32_t>(ord);

  x.history_begin.assign(d.customer_count + 1, 0);
  for (std::size_t ord = 0; ord < b.size(); ++ord)
    if (b.customer[ord] < d.customer_count && !b.items_of(ord).empty()) ++x.history_begin[b.customer[ord] + 1];
  for (std::size_t c = 1; c < x.history_begin.size(); ++c) x.history_begin[c] += x.history_begin[c - 1];
  x.history.resize(x.history_begin.back());
  fill.assign(x.history_begin.begin(), x.history_begin.end() - 1);
  for (std::size_t ord = 0; ord < b.size(); ++ord)
    if (b.customer[ord] < d.customer_count && !b.items_of(ord).empty())
      x.history[fill[b.customer[ord]]++] = static_cast<std::uint32_t>(ord);
  x.place.assign(b.size(), 0);
  for (std::size_t c = 0; c < d.customer_count; ++c) {
    auto first = x.history.begin() + static_cast<std::ptrdiff_t>(x.history_begin[c]);
    auto last = x.history.begin() + static_cast<std::ptrdiff_t>(x.history_begin[c + 1]);
    std::stable_sort(first, last, [&](std::uint32_t a, std::uint32_t z) { return b.day[a] < b.day[z]; });
    for (auto it = first; it != last; ++it) x.place[*it] = static_cast<std::uint64_t>(it - x.history.begin());
  }
  return x;
}

// One thread's scratch: a product's co-purchase row, summed as co_purchase_matrix() sums it.
class TogetherWorker {
 public:
  TogetherWorker(const TrainingData& d, const OrderIndex& x, const std::vector<float>& n,
                 const BoughtTogetherOptions& o, const RunOptions& run)
      : d_(d), x_(x), n_(n), o_(o), run_(run), acc_(d.items.size(), 0.0f) {}

  void operator()(std::size_t row, std::vector<Scored>& out) {
    const float ni = n_[row];
    if (ni <= 0 || !d_.items[row].active) return;
    const auto self = static_cast<std::uint32_t>(row);
    const bool cross = o_.customer_window_days > 0 && o_.customer_window_weight > 0 && o_.max_window_orders > 0;
    for (std::uint64_t at = x_.item_begin[row]; at < x_.item_begin[row + 1]; ++at) {
      const std::uint32_t ord = x_.item_orders[at];
      add(self, ord, x_.decay[ord]);
      if (cross && d_.baskets.customer[ord] < d_.customer_count) add_window(self, ord);
    }
    for (std::uint32_t j : touched_) {
      const float v = acc_[j];
      acc_[j] = 0.0f;
      if (!d_.items[j].active || v <= 0) continue;
      out.push_back({j, std::min(v / (std::sqrt(ni * n_[j]) + static_cast<float>(o_.shrinkage)), kMaxScore)});
    }
    touched_.clear();
    keep_top_k(out, run_.k);
  }

 private:
  // Every other product of order `ord`, with weight w.
  void add(std::uint32_t self, std::uint32_t ord, float w) {
    for (std::uint32_t j : d_.baskets.items_of(ord)) {
      if (j == self) continue;
      if (acc_[j] == 0.0f) touched_.push_back(j);
      acc_[j] += w;
    }
  }
  // The pairs between `ord` and the customer's orders within the window
  // before it (`ord` is the later one) and after it (the earlier one).
  void add_window(std::uint32_t self, std::uint32_t ord) {
    const Baskets& b = d_.baskets;
    const std::uint32_t c = b.customer[ord];
    const std::uint64_t begin = x_.history_begin[c], end = x_.history_begin[c + 1], p = x_.place[ord];
    const auto weight = [&](std::uint32_t later) {
      return static_cast<float>(o_.customer_window_weight) * x_.decay[later];
    };
    const std::uint64_t stop = p - begin > o_.max_window_orders ? p - o_.max_window_orders : begin;
    for (std::uint64_t q = p; q-- > stop;) {
      const std::uint32_t earlier = x_.history[q];
      if (static_cast<double>(b.day[ord] - b.day[earlier]) > o_.customer_window_days) break;
      if (x_.usable[earlier]) add(self, earlier, weight(ord));
    }
    for (std::uint64_t q = p + 1; q < end && q - p <= o_.max_window_orders; ++q) {
      const std::uint32_t later = x_.history[q];
      if (static_cast<double>(b.day[later] - b.day[ord]) > o_.customer_window_days) break;
      if (x_.usable[later]) add(self, later, weight(later));
    }
  }

  const TrainingData& d_;
  const OrderIndex& x_;
  const std::vector<float>& n_;
  const BoughtTogetherOptions& o_;
  const RunOptions& run_;
  std::vector<float> acc_;
  std::vector<std::uint32_t> touched_;
};

}  // namespace

ScoredLists bought_together(const TrainingData& data, const BoughtTogetherOptions& options,
                            const RunOptions& run) {
  const OrderIndex x = index_orders(data, options);
  std::vector<float> n(data.items.size(), 0.0f);  // the diagonal: decayed orders holding the product
  for (std::size_t p = 0; p < n.size(); ++p)
    for (std::uint64_t at = x.item_begin[p]; at < x.item_begin[p + 1]; ++at) n[p] += x.decay[x.item_orders[at]];
  auto make_worker = [&] { return TogetherWorker(data, x, n, options, run); };
  return build_scored_lists(data.items.size(), run.threads, make_worker);
}

}  // namespace ayc::recsys
