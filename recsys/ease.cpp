#include "recsys/ease.h"

#include <algorithm>
#include <numeric>

#include <Eigen/Cholesky>
#include <Eigen/SparseCore>

namespace ayc::recsys {

Eigen::MatrixXf ease_weights(const Eigen::MatrixXf& gram, float lambda) {
  const Eigen::Index m = gram.rows();
  Eigen::MatrixXf g = gram;
  g.diagonal().array() += lambda;
  // G + lambda I is symmetric positive definite for lambda > 0.
  Eigen::MatrixXf p = g.llt().solve(Eigen::MatrixXf::Identity(m, m));
  const Eigen::VectorXf inv_diag = p.diagonal().cwiseInverse();
  Eigen::MatrixXf b = -(p * inv_diag.asDiagonal());
  b.diagonal().setZero();
  return b;
}

namespace {

// Active products bought by at least `min` customers, most customers first.
std::vector<std::uint32_t> choose_items(const Histories& h, std::span<const ItemContent> items,
                                        const EaseFit& fit) {
  std::vector<std::uint32_t> customers(items.size(), 0);
  for (const auto& e : h.entries)
    if (e.item < items.size()) ++customers[e.item];
  std::vector<std::uint32_t> chosen;
  for (std::uint32_t i = 0; i < items.size(); ++i)
    if (items[i].active && customers[i] >= fit.min_customers_per_item) chosen.push_back(i);
  std::stable_sort(chosen.begin(), chosen.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return customers[a] > customers[b]; });
  if (chosen.size() > fit.max_items) chosen.resize(fit.max_items);
  std::sort(chosen.begin(), chosen.end());
  return chosen;
}

}  // namespace

EaseModel fit_ease(const Histories& histories, std::span<const ItemContent> items, const EaseFit& fit) {
  EaseModel model;
  model.items = choose_items(histories, items, fit);
  const auto m = static_cast<Eigen::Index>(model.items.size());
  if (m == 0) return model;
  std::vector<std::int32_t> column(items.size(), -1);
  for (std::size_t c = 0; c < model.items.size(); ++c) column[model.items[c]] = static_cast<std::int32_t>(c);
  std::vector<Eigen::Triplet<float>> t;
  for (std::size_t c = 0; c < histories.size(); ++c)
    for (const auto& e : histories.of(c))
      if (e.item < items.size() && column[e.item] >= 0) t.emplace_back(static_cast<int>(c), column[e.item], 1.0f);
  Eigen::SparseMatrix<float> x(static_cast<Eigen::Index>(histories.size()), m);
  x.setFromTriplets(t.begin(), t.end());
  const Eigen::SparseMatrix<float> xt = x.transpose();
  const Eigen::MatrixXf gram = Eigen::MatrixXf(xt * x);
  model.weights_t = ease_weights(gram, fit.lambda).transpose();
  return model;
}

}  // namespace ayc::recsys
