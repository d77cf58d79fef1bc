// "Frequently bought together": products that end up in the same basket.
//
// Co-purchase strength C[i][j] is the time-decayed number of orders holding
// both i and j (X^T X over a weighted order x item matrix), plus, weighted
// less, pairs a customer bought in separate orders a few days apart (a refill
// of one product, then its companion). Scores are shrunk cosines,
//     score(i, j) = C[i][j] / (sqrt(n_i * n_j) + shrinkage),
// where n_i is i's decayed order count, so best-sellers do not top every list
// and a single shared order does not look like a habit. Scores lie in
// [0, kMaxScore].
//
// Thread-safety: pure functions of their arguments.
#pragma once

#include <cstddef>

#include <Eigen/SparseCore>

#include "recsys/scored_lists.h"
#include "recsys/training_data.h"

namespace ayc::recsys {

struct BoughtTogetherOptions {
  double half_life_days = 90;  // an order this old counts half
  // Orders with more distinct products are skipped: bulk or clinic orders say
  // little about which products go together and cost quadratically.
  std::size_t max_basket_items = 30;
  // Same-customer pairs from different orders at most this many days apart;
  // 0 disables them.
  double customer_window_days = 30;
  double customer_window_weight = 0.3;  // relative to a same-order pair
  std::size_t max_window_orders = 5;    // earlier orders of the customer looked at per order
  double shrinkage = 3.0;               // in decayed orders
};

// Symmetric item x item co-purchase strengths; the diagonal holds n_i. The
// definition bought_together() follows: it sums the same terms one product's
// row at a time instead of building this matrix (tests compare the two).
Eigen::SparseMatrix<float> co_purchase_matrix(const TrainingData& data,
                                              const BoughtTogetherOptions& options);

// Per product (every index of data.items), up to run.k active partners, best
// first; never the product itself. Inactive products get empty lists.
ScoredLists bought_together(const TrainingData& data, const BoughtTogetherOptions& options,
                            const RunOptions& run);

}  // namespace ayc::recsys
