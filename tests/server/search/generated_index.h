// A real Xapian database of generated documents, large enough for what only
// shows at scale: top-k early termination skipping docid blocks, facet
// counts estimated from a sample.
#pragma once

#include <cstddef>

#include <xapian.h>

#include "server/search/doc_table.h"
#include "server/search/facet_columns.h"
#include "server/search/matcher.h"
#include "server/search/postings.h"
#include "tests/support/temp_dir.h"

namespace ayc::testing {

struct GeneratedIndex {
  // `n` documents with the words oil (60%), tablet (40%), hair (30%),
  // ashwagandha (8%) and brahmi (2%) at frequencies 1-5, one of 24 brands
  // and one of 6 forms (each skewed: the first far more common than the
  // last), one or two of 12 categories, and a price. `by_rank`: docids
  // follow the prior, best first, with noise (as a full run numbers them);
  // otherwise priors are in no order.
  GeneratedIndex(std::size_t n, bool by_rank, unsigned seed);
  search::Matcher matcher() const { return search::Matcher(db, cache, table, columns); }

  TempDir dir;
  mutable Xapian::Database db;
  search::DocTable table;
  search::FacetColumns columns;
  search::PostingsCache cache;
};

}  // namespace ayc::testing
