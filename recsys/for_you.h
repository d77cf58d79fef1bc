// "Recommended for you": per customer, from their time-decayed purchase history.
//
// Main model: EASE (ease.h) over the most-bought products. Cheaper fallback
// (item k-NN): the sum of the bought-together lists of the products in the
// history, weighted by the history. `kAuto` uses EASE when there are enough
// products and customers for it to learn anything, item k-NN otherwise. A
// list shorter than k is topped up with item k-NN and then with best-sellers,
// each tier scored below the one before.
//
// Repurchases: Ayurvedic products are mostly consumables (a churna or an oil
// lasts one to three months), so a product bought long ago is a fair refill
// suggestion, while one bought in the last `exclude_recent_days` is surely
// still on the shelf. By default only those recent purchases are excluded;
// `exclude_all_purchased` excludes the whole history instead.
//
// Customers without purchases get an empty list: serve the global trending
// list, then best-sellers, to them.
//
// popularity_weight adds a best-seller prior to the EASE scores. It is 0 by
// default: on synthetic shops with a real per-customer signal pure EASE beat
// popularity about 2x on HitRate@10 and any prior lowered it; on shops whose
// next orders are mostly store-wide best-sellers a prior of 1-3 helps.
// Measure with ayurvedacart-receval --popularity-weight before changing it.
//
// Thread-safety: pure functions of their arguments.
#pragma once

#include <cstddef>
#include <span>

#include "recsys/ease.h"
#include "recsys/scored_lists.h"
#include "recsys/training_data.h"

namespace ayc::recsys {

enum class ForYouMethod { kAuto, kEase, kItemKnn };

struct ForYouOptions {
  ForYouMethod method = ForYouMethod::kAuto;
  EaseFit ease;
  double half_life_days = 120;  // weight of past purchases in the history
  int exclude_recent_days = 60;
  bool exclude_all_purchased = false;
  // EASE scores (scaled so a customer's best is 1) plus this times the
  // product's popularity (scaled so the best-seller's is 1).
  double popularity_weight = 0.0;
  // kAuto picks item k-NN below these.
  std::size_t min_items_for_ease = 20;
  std::size_t min_customers_for_ease = 50;
};

// Things to fall back on, computed by the other models.
struct ForYouFallbacks {
  const ScoredLists* bought_together = nullptr;  // per product; may be null
  std::span<const Scored> best_sellers;
  std::span<const float> popularity;  // per product (item_popularity); may be empty
};

// One list per customer (0..customer_count-1), best first.
ScoredLists for_you(const TrainingData& data, const ForYouFallbacks& fallbacks, const ForYouOptions& options,
                    const RunOptions& run);

}  // namespace ayc::recsys
