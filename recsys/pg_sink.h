// Writes the product-to-product lists into PostgreSQL's product_recommendations.
//
// In ONE transaction the table is brought level with the new lists. The
// write first reads the table's rows of the types written here and keeps a
// digest of each (source, type) list (row_digests.h); a new list equal to
// the table's is not sent again. The other lists' rows are COPYed into a
// temporary staging table (no WAL, no constraints); then, among the lists
// that changed or were not given, the rows the new lists no longer hold
// (source, recommended product, type and score compared) are deleted, and
// only the new lists' rows the table lacks are inserted. Readers see either
// the old lists or the new ones; a second run replaces rather than appends,
// and a row that did not change is neither deleted nor written again (it
// keeps its id and created_at). Types:
//   'frequently_bought_together'  <- RecommendationSet::bought_together
//   'similar'                     <- RecommendationSet::similar
//   'related'                     <- RecommendationSet::related (see related.h)
// Inactive products have empty lists, so rows exist for active source
// products only, pointing at active products, at most `per_source` (50) per
// source and type; scores are written as DECIMAL(5,4) fractions in
// [0, 0.9999]. Rows of other recommendation types are left alone. A table
// row that cannot be keyed (a NULL id) makes the write stage every list and
// compare every row, as if no digests were kept.
//
// The table is compared as the write's first statement saw it: the indexer
// is meant to be its only writer for these types (a product's deletion
// cascades to its rows, which is safe: its lists are gone or fail the
// foreign key, as before).
//
// Cost: an inserted row costs PostgreSQL two foreign-key checks and three
// index entries, the bulk of a first run into an empty table; a run whose
// lists barely changed reads the table once (a sequential scan) and writes
// little. bench/RESULTS.md has the figures.
// The role needs TEMPORARY on the database (PUBLIC has it by default) and
// the product_recommendations grants of data/grants.sql.
//
// Thread-safety: uses the connection it is given; one thread at a time.
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <pqxx/pqxx>

#include "common/status.h"
#include "recsys/recommendations.h"

namespace ayc::recsys {

struct WriteSummary {
  std::size_t rows = 0;      // rows the new lists hold, all types
  std::size_t inserted = 0;  // of those, rows the table lacked
  std::size_t deleted = 0;   // old rows no longer listed (or listed with another score)
  std::size_t staged = 0;    // rows sent to PostgreSQL: those of the lists that changed
};

class TableDigests;

// Writes at most `per_source` rows per source product and type (the best ones).
Result<WriteSummary> write_product_recommendations(pqxx::connection& conn, const RecommendationSet& set,
                                                   std::size_t per_source = 50);

// The same write fed list by list, as compute_models_into() hands the lists
// over, so they need not be kept for it: open() starts the transaction and
// the COPY into the staging table, add() streams one source's rows, finish()
// ends the COPY, brings the table level and commits. Destroyed unfinished,
// it rolls back and the table keeps its old rows.
class ProductRecommendationWriter {
 public:
  static Result<std::unique_ptr<ProductRecommendationWriter>> open(pqxx::connection& conn, std::size_t per_source);
  ~ProductRecommendationWriter();
  // `family` is bought_together, similar or related; product_ids maps the list's dense indices.
  Status add(ListFamily family, const std::string& source_id, std::uint32_t source, std::span<const Scored> list,
             const std::vector<std::string>& product_ids);
  Result<WriteSummary> finish();

 private:
  explicit ProductRecommendationWriter(std::size_t per_source);
  void read_table();  // fills table_, or resets it when a row cannot be keyed
  std::size_t per_source_;
  std::unique_ptr<TableDigests> table_;  // null: every list is staged and compared
  std::unique_ptr<pqxx::work> tx_;
  std::unique_ptr<pqxx::stream_to> copy_;
  std::vector<std::pair<std::uint32_t, std::string>> rows_of_list_;  // one list's (item, score text)
  std::size_t rows_ = 0;
  std::size_t staged_ = 0;
};

}  // namespace ayc::recsys
