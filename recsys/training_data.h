// Purchases regrouped the ways the models read them: by order (baskets) and by
// customer (histories), plus the time-decay rule they share.
//
// Decay is measured from the "anchor day": the earlier of `now_day` and the
// newest purchase, so a snapshot restored a month late still weighs its own
// recent orders as recent. Trending and recency exclusions use `now_day` itself.
//
// Thread-safety: plain values built once, then read-only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "recsys/scored_lists.h"
#include "recsys/types.h"

namespace ayc::recsys {

// 0.5^(age / half_life); ages below zero count as zero; half_life <= 0 disables decay.
float decay_weight(std::int64_t age_days, double half_life_days);

// Distinct products per order, in CSR form, indexed by order index.
struct Baskets {
  std::vector<std::uint64_t> offsets{0};
  std::vector<std::uint32_t> items;     // sorted and distinct within an order
  std::vector<std::int64_t> day;        // per order
  std::vector<std::uint32_t> customer;  // per order; kNone for guests and unused indices

  std::size_t size() const { return day.size(); }
  std::span<const std::uint32_t> items_of(std::size_t order) const {
    return {items.data() + offsets[order], items.data() + offsets[order + 1]};
  }
};

Baskets build_baskets(std::span<const OrderLine> lines);

// One product in a customer's history.
struct HistoryEntry {
  std::uint32_t item = 0;
  float weight = 0;           // sum over the orders that contained it of decay_weight(age)
  std::int64_t last_day = 0;  // most recent purchase
};

// Per-customer purchase histories in CSR form, entries sorted by item.
struct Histories {
  std::vector<std::uint64_t> offsets{0};
  std::vector<HistoryEntry> entries;

  std::size_t size() const { return offsets.size() - 1; }
  std::span<const HistoryEntry> of(std::size_t customer) const {
    return {entries.data() + offsets[customer], entries.data() + offsets[customer + 1]};
  }
};

struct HistoryRules {
  std::size_t customer_count = 0;
  std::int64_t anchor_day = 0;
  double half_life_days = 0;
};

Histories build_histories(std::span<const OrderLine> lines, const HistoryRules& rules);

// The inputs after the one-off regrouping every model shares.
struct TrainingData {
  std::span<const OrderLine> lines;
  std::span<const ItemContent> items;
  std::size_t customer_count = 0;
  std::size_t category_count = 0;
  std::int64_t now_day = 0;
  std::int64_t anchor_day = 0;  // decay reference, see the header comment
  Baskets baskets;
};

// `data` must outlive the result (it keeps spans into it).
TrainingData prepare_training_data(const Dataset& data);

}  // namespace ayc::recsys
