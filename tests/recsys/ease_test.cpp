#include "recsys/ease.h"

#include <catch2/catch.hpp>

namespace ayc::recsys {
namespace {

TEST_CASE("EASE closed form on a hand-checked 2x2 Gram matrix") {
  // G + lambda I = [[3,1],[1,3]], P = 1/8 [[3,-1],[-1,3]],
  // B[0][1] = -P[0][1] / P[1][1] = (1/8) / (3/8) = 1/3, and symmetric.
  Eigen::MatrixXf gram(2, 2);
  gram << 2, 1, 1, 2;
  const Eigen::MatrixXf b = ease_weights(gram, 1.0f);
  CHECK(b(0, 0) == 0.0f);
  CHECK(b(1, 1) == 0.0f);
  CHECK(b(0, 1) == Approx(1.0 / 3.0));
  CHECK(b(1, 0) == Approx(1.0 / 3.0));
}

TEST_CASE("EASE satisfies its defining equations on a 3x3 example") {
  // Customers: {0,1}, {0,1}, {1,2}, {0}: X^T X below.
  Eigen::MatrixXf gram(3, 3);
  gram << 3, 2, 0,
          2, 3, 1,
          0, 1, 1;
  const float lambda = 0.5f;
  const Eigen::MatrixXf b = ease_weights(gram, lambda);
  CHECK(b.diagonal().cwiseAbs().maxCoeff() == 0.0f);
  // B = I - P diag(1/diag(P)) with P = (G + lambda I)^-1.
  Eigen::MatrixXf g = gram;
  g.diagonal().array() += lambda;
  const Eigen::MatrixXf p = g.inverse();
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      if (i != j) CHECK(b(i, j) == Approx(-p(i, j) / p(j, j)).epsilon(1e-4));
  // Off the diagonal, (G + lambda I)(I - B) vanishes.
  const Eigen::MatrixXf m = g * (Eigen::MatrixXf::Identity(3, 3) - b);
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      if (i != j) CHECK(std::abs(m(i, j)) < 1e-4f);
  // Items 0 and 1 go together; item 0 and 2 never do.
  CHECK(b(0, 1) > 0);
  CHECK(b(0, 2) < 0);
}

TEST_CASE("fit_ease keeps the most-bought active products") {
  Histories h;
  // Customer 0 bought items 0,1,2; customer 1 bought 0,1; customer 2 bought 0,3.
  const std::vector<std::vector<std::uint32_t>> bought = {{0, 1, 2}, {0, 1}, {0, 3}};
  for (const auto& c : bought) {
    for (auto i : c) h.entries.push_back({i, 1.0f, 0});
    h.offsets.push_back(h.entries.size());
  }
  std::vector<ItemContent> items(4);
  items[1].active = false;
  EaseFit fit;
  fit.max_items = 5;
  fit.min_customers_per_item = 1;
  EaseModel m = fit_ease(h, items, fit);
  CHECK(m.items == std::vector<std::uint32_t>{0, 2, 3});
  CHECK(m.weights_t.rows() == 3);
  fit.max_items = 1;
  m = fit_ease(h, items, fit);
  CHECK(m.items == std::vector<std::uint32_t>{0});
}

}  // namespace
}  // namespace ayc::recsys
