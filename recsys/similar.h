// "Similar products": content similarity, so it works for a product nobody has
// bought yet.
//
// Each product becomes a sparse TF-IDF vector over its canonical ingredients,
// normalised indications, categories (ancestors weighted less), form and brand
// (weighted low), L2-normalised; similarity is the cosine, capped at kMaxScore.
//
// Scale: with 100k products a feature such as form=powder can be shared by
// 10k of them, so the all-pairs product is close to dense. Instead, for each
// product, posting lists of its features are scanned rarest first until
// `candidate_budget` postings have been read (a feature whose list does not
// fit is not scanned; if even the rarest does not fit, its best-selling
// `candidate_budget` entries are read). Those partial scores pick a pool of
// candidates that is then rescored exactly with every shared feature. Products
// that share only very common features with a product can therefore be
// missed; they are also the ones with the lowest cosines.
//
// Thread-safety: pure functions of their arguments.
#pragma once

#include <cstddef>
#include <span>

#include <Eigen/SparseCore>

#include "recsys/scored_lists.h"
#include "recsys/types.h"

namespace ayc::recsys {

struct SimilarOptions {
  // Feature group weights, multiplied into the idf.
  float ingredient_weight = 1.0f;
  float indication_weight = 0.8f;
  float category_weight = 0.6f;
  float ancestor_category_weight = 0.3f;
  float form_weight = 0.3f;
  float brand_weight = 0.15f;
  std::size_t candidate_budget = 6000;  // postings read per product
  std::size_t rescore_pool = 0;         // candidates rescored exactly; 0 = 4 * k
};

// Products x features, rows L2-normalised (empty rows for products without content).
Eigen::SparseMatrix<float, Eigen::RowMajor> content_vectors(std::span<const ItemContent> items,
                                                            const SimilarOptions& options);

// Per product, up to run.k active products, best first, never itself;
// inactive products get empty lists.
// `popularity` (per product, may be empty) orders posting lists so a truncated
// scan reads the best-selling products first.
ScoredLists similar(std::span<const ItemContent> items, std::span<const float> popularity,
                    const SimilarOptions& options, const RunOptions& run);

}  // namespace ayc::recsys
