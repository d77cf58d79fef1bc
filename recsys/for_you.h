// "Recommended for you": per customer, products they have not bought yet,
// from what they did buy.
//
// Main model: EASE (ease.h) over the most-bought products, scoring the
// customer's bought/not-bought row. Cheaper fallback (item k-NN): the sum of
// the bought-together lists of the products they bought. `kAuto` uses EASE
// when there are enough products and customers for it to learn anything,
// item k-NN otherwise. A
// list shorter than k is topped up with item k-NN and then with best-sellers,
// each tier scored below the one before.
//
// Discovery only: nothing the customer ever bought is listed. Refills are
// their own list (buy_again.h): mixed in here they filled the first places
// (EASE scores a customer's own regimens highest), and on a synthetic shop
// of 3-product regimens (ayurvedacart-receval --planted-regimens) customers
// who had two of a regimen's three products saw the third in the top 10
// 79% of the time when refills of products bought more than 60 days ago
// were allowed in (the old default), 80% without them.
//
// History weights: every bought product weighs 1, the row EASE is fitted on.
// Weighting by time-decayed purchase counts (half-life 120 days, as before)
// let a customer's frequent and recent products drown an older regimen: on
// the planted-regimen shop 80% of the customers saw the missing product with
// it, 100% with plain rows; on the datagen catalogue (ayurvedacart-receval,
// EASE over 500 products) HitRate@10 was 0.2147 with it, 0.2232 without, and
// 0.2228 with only the last purchase's decay, square-rooted.
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
  std::span<const Scored> best_sellers;  // deeper than k: bought ones are skipped
  std::span<const float> popularity;  // per product (item_popularity); may be empty
};

// One list per customer (0..customer_count-1), best first.
ScoredLists for_you(const TrainingData& data, const ForYouFallbacks& fallbacks, const ForYouOptions& options,
                    const RunOptions& run);

}  // namespace ayc::recsys
