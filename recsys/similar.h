// "Similar products": alternatives for the same need, from content alone, so
// it works for a product nobody has bought yet.
//
// Each product becomes a sparse TF-IDF vector over its canonical ingredients,
// normalised indications, categories (ancestors weighted less), form and brand
// (weighted low), L2-normalised. Indications weigh most: a shopper looking for
// an alternative wants another remedy for the same concern (an oil next to a
// guggulu for joint pain) more than a product that merely shares a herb.
//
// A candidate's score is its cosine times a mild best-seller prior,
//     score = cosine * (1 + w * p) / (1 + w),  p = log(1 + units) / log(1 + top units),
// so among equally close products proven ones come first, while a product
// nobody bought keeps 1 / (1 + w) of its cosine (half with the default w = 1).
// Without popularity (an empty span) the score is the cosine.
//
// Near duplicates (formulation.h): the same formulation from another brand or
// in another pack size scores a cosine near 1 yet is no discovery, and dozens
// of them would fill the list. With `one_per_formulation` a list shows each
// formulation once (its best-scoring product) and never the query's own
// formulation; those demoted products only fill the tail of a list that
// would otherwise stay short, scored below everything else.
//
// Scale: with 100k products a feature such as form=powder can be shared by
// 10k of them, so the all-pairs product is close to dense. Instead, for each
// product, posting lists of its features (best-selling products first) are
// read rarest feature first, each up to a fair share of the `candidate_budget`
// postings left: rare features are read whole, common ones only for their
// best-sellers. Those partial scores pick a pool of candidates that is then
// rescored exactly with every shared feature. Products that share only very
// common features with a product and sell little can therefore be missed;
// they are also the ones with the lowest scores.
//
// Thread-safety: pure functions of their arguments.
#pragma once

#include <cstddef>
#include <functional>
#include <span>

#include <Eigen/SparseCore>

#include "common/status.h"
#include "recsys/scored_lists.h"
#include "recsys/types.h"

namespace ayc::recsys {

struct SimilarOptions {
  // Feature group weights, multiplied into the idf.
  float ingredient_weight = 1.0f;
  float indication_weight = 1.5f;
  float category_weight = 1.0f;
  float ancestor_category_weight = 0.3f;
  float form_weight = 0.3f;
  float brand_weight = 0.15f;
  float popularity_weight = 1.0f;   // w of the best-seller prior; 0 = pure cosine
  bool one_per_formulation = true;  // see "Near duplicates" above
  std::size_t candidate_budget = 6000;  // postings read per product
  std::size_t rescore_pool = 0;         // candidates rescored exactly; 0 = 4 * k
};

// Products x features, rows L2-normalised (empty rows for products without content).
Eigen::SparseMatrix<float, Eigen::RowMajor> content_vectors(std::span<const ItemContent> items,
                                                            const SimilarOptions& options);

// The prior factor (1 + w * p) / (1 + w) per product, in (0, 1]; all 1 when
// `popularity` is empty or w is 0.
std::vector<float> popularity_prior(std::span<const float> popularity, std::size_t items, float weight);

// Per product, up to run.k active products, best first, never itself;
// inactive products get empty lists. Scores lie in (0, kMaxScore].
// `popularity` (per product, e.g. item_popularity; may be empty) feeds the
// prior and orders posting lists so a truncated scan reads best-sellers first.
ScoredLists similar(std::span<const ItemContent> items, std::span<const float> popularity,
                    const SimilarOptions& options, const RunOptions& run);

// The same lists, run.block_rows products at a time, so they are never all
// held: on_block(first, lists) receives products [first, first + lists.size())
// in order; a non-OK status from it stops the run and is returned.
Status similar_blocks(std::span<const ItemContent> items, std::span<const float> popularity,
                      const SimilarOptions& options, const RunOptions& run,
                      const std::function<Status(std::size_t, ScoredLists&&)>& on_block);

}  // namespace ayc::recsys
