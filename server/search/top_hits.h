// The best hits of a match set in a requested order: a bounded heap over the
// matches, with early termination by relevance and popularity.
//
// Early termination is block-max over docids: DocTable keeps the largest
// prior and popularity of every block of 256 docids, and a block whose best
// possible hit (the match list's largest text weight plus the block's
// largest prior) cannot beat the worst hit kept so far is skipped whole.
// It never changes the answer (a hit is skipped only when the heap would
// have rejected it); it pays off because the full run numbers documents by
// static rank, best first, so after the first blocks most are skipped.
//
// Thread-safety: a pure function of its inputs.
#pragma once

#include <cstddef>
#include <vector>

#include "ranking/scoring.h"
#include "server/search/doc_table.h"
#include "server/search/facet_columns.h"
#include "server/search/matcher.h"
#include "server/search/search_types.h"

namespace ayc::search {

struct TopStats {
  std::size_t visited = 0;         // hits scored
  std::size_t skipped_blocks = 0;  // docid blocks passed over unscored
};

struct TopOptions {
  bool exhaustive = false;      // score every hit (tests and benchmarks compare the two)
  TopStats* stats = nullptr;    // filled when set
};

// The first `n` hits of `hits` in `sort` order (ties: higher score, then
// lower docid). Without text the relevance score is the popularity.
std::vector<RankedDoc> top_hits(const Matches& hits, SortOrder sort, bool has_text, const DocTable& docs,
                                const FacetColumns& columns, const ranking::BlendParams& blend, std::size_t n,
                                const TopOptions& options = {});

}  // namespace ayc::search
