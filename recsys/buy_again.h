// "Buy again": per customer, the products they buy repeatedly, the most due
// first. Ayurvedic products are mostly consumables (a churna or an oil lasts
// one to three months), so refills are their own list instead of crowding
// discovery out of for_you (which recommends only products not yet bought).
//
// Which products qualify for a customer:
//   * bought on two or more different days: the customer's own interval is
//     the median gap between their consecutive purchase days of it;
//   * bought on one day only, when it is a product people repurchase: at
//     least `min_repeat_customers` of its customers, and `min_repeat_share` of
//     them, bought it on two or more days. The interval is then the product's
//     typical one: the median gap between consecutive purchases of it by the
//     same customer, over all customers.
// Intervals are at least `min_interval_days` (two orders in one week are a
// correction, not a rhythm). Inactive products never qualify.
//
// Ranking by how due a product is: r = days since the last purchase / interval.
//     due(r) = r                                  r <= 1 (filling up towards due)
//            = 0.5 ^ ((r - 1) / overdue_half_life) r > 1  (overdue: fading)
// so a product due today scores highest, one just bought lowest, and one the
// customer stopped buying fades: an item `overdue_half_life` intervals overdue
// ranks with one half-way to due; past `max_overdue` intervals since the
// last purchase it is dropped (the customer has moved on). The score is
// due(r) * n / (n + 1), n = the customer's purchase days of it, so their own
// rhythm (n >= 2) outranks a guess from other customers (n = 1) at the same
// dueness. Scores are absolute, in (0, 1): not rescaled per list.
//
// Quantities are ignored (three units do not last three times as long for
// every product), and so are guest orders (no customer).
//
// Thread-safety: pure functions of their arguments.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "recsys/scored_lists.h"
#include "recsys/training_data.h"

namespace ayc::recsys {

struct BuyAgainOptions {
  std::size_t max_items = 20;  // a refill shelf, not a catalogue: 20 covers a regular's routine
  int min_interval_days = 7;
  std::size_t min_repeat_customers = 3;  // below this a product's typical interval is noise
  double min_repeat_share = 0.1;
  double overdue_half_life = 2.0;  // intervals
  double max_overdue = 6.0;        // intervals since the last purchase
};

// One product in one customer's purchase history, as buy-again reads it.
struct RepeatPurchase {
  std::uint32_t item = 0;
  std::uint32_t days = 0;           // distinct days the customer bought it
  std::int64_t last_day = 0;        // most recent purchase
  float own_interval_days = 0;      // median gap between those days; 0 when bought on one day only
};

// Per-customer repeat histories in CSR form, entries sorted by item.
struct RepeatHistories {
  std::vector<std::uint64_t> offsets{0};
  std::vector<RepeatPurchase> entries;

  std::size_t size() const { return offsets.size() - 1; }
  std::span<const RepeatPurchase> of(std::size_t customer) const {
    return {entries.data() + offsets[customer], entries.data() + offsets[customer + 1]};
  }
};

// What all customers' purchases say about one product.
struct ProductRepurchase {
  float typical_interval_days = 0;  // median same-customer gap; 0 when nobody bought it twice
  std::uint32_t customers = 0;      // customers who bought it
  std::uint32_t repeat_customers = 0;  // of them, those who bought it on two or more days
};

struct RepurchaseData {
  RepeatHistories histories;               // per customer 0..customer_count-1
  std::vector<ProductRepurchase> products;  // per product 0..item_count-1
};

RepurchaseData build_repurchase_data(std::span<const OrderLine> lines, std::size_t customer_count,
                                     std::size_t item_count);

// Whether a product bought on one day qualifies (see the header comment).
bool is_repurchased(const ProductRepurchase& product, const BuyAgainOptions& options);

// One customer's list as of `now_day`, best first, at most options.max_items.
std::vector<Scored> buy_again_for(std::span<const RepeatPurchase> history, std::span<const ProductRepurchase> products,
                                  std::span<const ItemContent> items, std::int64_t now_day,
                                  const BuyAgainOptions& options);

// One list per customer (0..customer_count-1) as of data.now_day; empty for
// customers with nothing to rebuy.
ScoredLists buy_again(const TrainingData& data, const BuyAgainOptions& options, const RunOptions& run);

}  // namespace ayc::recsys
