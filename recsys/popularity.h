// Popularity signals: best-sellers (overall and per category) and trending.
//
// Best-sellers rank by time-decayed units sold. Trending compares units sold
// in the last `recent_days` with the `baseline_days` before them, per day, with
// `smoothing_units` pseudo-units on both sides, so one lucky sale of a product
// that never sold does not make it "trending":
//     trend = (recent + s) / (baseline * recent_days / baseline_days + s)
// and a product needs at least `min_recent_units` recent units and trend > 1.
// Units per order line are capped so one bulk order cannot fake a trend.
// Only active products are listed; scores are scaled into (0, 1).
//
// Thread-safety: pure functions of their arguments.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "recsys/scored_lists.h"
#include "recsys/training_data.h"

namespace ayc::recsys {

struct PopularityOptions {
  double half_life_days = 90;    // best-seller decay
  float max_units_per_line = 5;  // caps bulk orders
  int recent_days = 7;           // trending window ending at now_day
  int baseline_days = 28;        // the window before it
  double smoothing_units = 5;
  double min_recent_units = 3;
};

// Decayed units sold per product (every index of data.items).
std::vector<float> item_popularity(const TrainingData& data, const PopularityOptions& options);

// Active products by popularity, best first.
std::vector<Scored> best_sellers(std::span<const float> popularity, std::span<const ItemContent> items,
                                 std::size_t k);

// Per category (0..category_count-1): active products filed under it or under
// one of its descendants, by popularity.
ScoredLists category_best_sellers(std::span<const float> popularity, std::span<const ItemContent> items,
                                  std::size_t category_count, std::size_t k);

// Every product's trend (the formula above; 0 when not trending: inactive,
// too few recent units, or trend <= 1), indexed like data.items.
std::vector<float> trend_scores(const TrainingData& data, const PopularityOptions& options);

// Trending products, best first: the top k of trend_scores(). Per category,
// as for best-sellers: category_best_sellers(trend_scores(...), ...).
std::vector<Scored> trending(const TrainingData& data, const PopularityOptions& options, std::size_t k);

}  // namespace ayc::recsys
