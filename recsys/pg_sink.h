// Writes the product-to-product lists into PostgreSQL's product_recommendations.
//
// In ONE transaction: deletes every row of the types written here, then COPYs
// the new rows, so readers see either the old lists or the new ones, and a
// second run replaces rather than appends. Types:
//   'frequently_bought_together'  <- RecommendationSet::bought_together
//   'similar'                     <- RecommendationSet::similar
//   'related'                     <- RecommendationSet::related (see related.h)
// Inactive products have empty lists, so rows exist for active source
// products only, pointing at active products, at most `per_source` (50) per
// source and type; scores are written as DECIMAL(5,4) fractions in
// [0, 0.9999]. Rows of other recommendation types are left alone.
//
// Cost: PostgreSQL checks both foreign keys and maintains three indexes per
// row; at 100k products (~9M rows) this takes about 4 minutes on two cores,
// two thirds of it in the foreign-key checks. A smaller `per_source` is the
// lever if that matters.
//
// Thread-safety: uses the connection it is given; one thread at a time.
#pragma once

#include <cstddef>

#include <pqxx/pqxx>

#include "common/status.h"
#include "recsys/recommendations.h"

namespace ayc::recsys {

struct WriteSummary {
  std::size_t rows = 0;  // rows inserted, all types
  std::size_t deleted = 0;
};

// Writes at most `per_source` rows per source product and type (the best ones).
Result<WriteSummary> write_product_recommendations(pqxx::connection& conn, const RecommendationSet& set,
                                                   std::size_t per_source = 50);

}  // namespace ayc::recsys
