// Writes the product-to-product lists into PostgreSQL's product_recommendations.
//
// In ONE transaction: deletes every row of the types written here, then COPYs
// the new rows, so readers see either the old lists or the new ones, and a
// second run replaces rather than appends. Types:
//   'frequently_bought_together'  <- RecommendationSet::bought_together
//   'similar'                     <- RecommendationSet::similar
//   'related'                     <- RecommendationSet::related (see related.h)
// Inactive products have empty lists, so rows exist for active source
// products only, pointing at active products, at most k (50 by default) per source and type;
// scores are written as DECIMAL(5,4) fractions in [0, 0.9999]. Rows of other
// recommendation types are left alone.
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

Result<WriteSummary> write_product_recommendations(pqxx::connection& conn, const RecommendationSet& set);

}  // namespace ayc::recsys
