// EASE (Steck 2019, "Embarrassingly Shallow Autoencoders for Sparse Data"):
// an item x item linear model with a closed-form solution,
//     P = (X^T X + lambda I)^-1,   B = I - P diag(1 / diag(P)),
// so B[i][j] = -P[i][j] / P[j][j] off the diagonal and diag(B) = 0 (an item
// never explains itself). A customer's scores are their history row times B.
//
// The model is fitted over the `max_items` products bought by the most
// customers (the inverse is cubic in that number: ~3000 takes seconds).
//
// Thread-safety: pure functions of their arguments.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include <Eigen/Dense>

#include "recsys/training_data.h"

namespace ayc::recsys {

// B from a Gram matrix X^T X (square, symmetric) and lambda > 0.
Eigen::MatrixXf ease_weights(const Eigen::MatrixXf& gram, float lambda);

struct EaseModel {
  std::vector<std::uint32_t> items;  // model column -> product index
  Eigen::MatrixXf weights_t;         // B transposed: column h holds row h of B
};

struct EaseFit {
  std::size_t max_items = 3000;
  std::size_t min_customers_per_item = 2;  // products fewer customers bought teach nothing
  float lambda = 50.0f;
};

// Fits over active products chosen by distinct-customer count; the Gram
// matrix uses each customer's bought/not-bought row.
EaseModel fit_ease(const Histories& histories, std::span<const ItemContent> items, const EaseFit& fit);

}  // namespace ayc::recsys
