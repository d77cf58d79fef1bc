// Offline evaluation of the recommendation models on a time split.
//
// Split: for a deterministic sample of customers with at least two orders,
// the last order is held out and everything else is training data (other
// customers' later orders stay in training: a leave-last-out split, not a
// global cut-off). All models are trained on the training data, then:
//   * customer task (discovery): for_you from the earlier history must find
//     the held-out order's products the customer had not bought before.
//     Baselines: best-sellers (popularity) and plain EASE (plain_ease below);
//   * rebuy task: buy_again, as of the held-out order's day, must find the
//     held-out order's products the customer had bought before. Baselines:
//     the customer's most recently bought products, and their most often
//     bought ones (distinct days, ties by recency);
//   * product task: from one product of a held-out order with at least two
//     active products (the first line's), bought_together / similar / related
//     must find the order's other products; best-sellers are the baseline.
// Products the customer already bought (customer task) or the query product
// (product task) are removed from every ranked list before it is cut at
// `cutoff`, so models are compared on discovery (for_you and plain EASE hold
// none anyway). Metrics: HitRate@cutoff (share of cases with at least one
// target in the list), NDCG@cutoff with binary relevance, and catalogue
// coverage (distinct products shown over all cases / active products).
//
// Thread-safety: pure functions of their arguments.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "common/status.h"
#include "recsys/recommendations.h"
#include "recsys/types.h"

namespace ayc::recsys {

struct EvaluationOptions {
  std::size_t max_customers = 5000;  // customers whose last order is held out
  std::size_t cutoff = 10;
  std::uint64_t seed = 1;  // picks the customer sample
};

// `ranked` best first; `targets` sorted ascending, distinct.
double hit_rate_at(std::span<const std::uint32_t> ranked, std::span<const std::uint32_t> targets, std::size_t cutoff);
double ndcg_at(std::span<const std::uint32_t> ranked, std::span<const std::uint32_t> targets, std::size_t cutoff);

struct HoldoutCase {
  std::uint32_t customer = kNone;
  std::uint32_t query_item = kNone;    // product task only
  std::vector<std::uint32_t> targets;  // sorted, distinct
  std::int64_t day = 0;                // the held-out order's day
};

struct HoldoutSplit {
  Dataset train;
  std::vector<HoldoutCase> customer_cases;  // targets: active products not bought before
  std::vector<HoldoutCase> rebuy_cases;     // targets: active products bought before
  std::vector<HoldoutCase> item_cases;
};

HoldoutSplit leave_last_order_out(const Dataset& data, const EvaluationOptions& options);

// The plain EASE baseline: each customer's bought/not-bought row times B,
// fitted as for_you fits it (`fit`) on `data`'s orders, products they bought
// removed, the best k; no time decay, no fallbacks, no popularity prior.
ScoredLists plain_ease(const Dataset& data, const EaseFit& fit, std::size_t k, int threads);

struct ModelScore {
  std::string task;   // "customer", "rebuy" or "product"
  std::string model;  // "popularity", "ease", "for_you", "most_recent", "most_frequent", "buy_again",
                      // "bought_together", "similar", "related"
  std::size_t cases = 0;
  double hit_rate = 0;
  double ndcg = 0;
  double coverage = 0;
};

struct EvaluationReport {
  std::vector<ModelScore> rows;  // per task (customer, rebuy, product), baselines first
  std::size_t train_lines = 0;
};

Result<EvaluationReport> evaluate(const Dataset& data, const RecsysOptions& options,
                                  const EvaluationOptions& evaluation);

// The report as an aligned text table.
std::string format_report(const EvaluationReport& report, std::size_t cutoff);

}  // namespace ayc::recsys
