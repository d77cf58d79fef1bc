// Runs a search against one index snapshot, in stages: validate the
// request, plan which text to match (query_planner.h, built on
// query_builder.h), filter, count facets, rank, boost exact name matches,
// cut the page, and say how it matched (SearchResult::match, the words
// matched and dropped, each hit's words) with next steps when nothing was
// found. Matching runs over in-memory posting lists (matcher.h),
// filters that never change scores, ranking per ranking/scoring.h and
// ranking/bm25.h, typo fallback with spelling
// correction, facets each counted as if its own filter were off, and hits
// filled from the feature store with prices in the shopper's currency and
// highlighted names.
//
// Thread-safety: run_search() may run concurrently; it borrows its own Xapian handle.
#pragma once

#include "common/status.h"
#include "ranking/scoring.h"
#include "server/search/index_snapshot.h"
#include "server/search/search_types.h"

namespace ayc::search {

// InvalidArgument for unknown currency; Internal/DataLoss for index trouble.
// The hits view `snap`'s tables (SearchHit): keep `snap` alive while the
// result is read.
Result<SearchResult> run_search(const IndexSnapshot& snap, const SearchRequest& req,
                                const ranking::BlendParams& blend = {});

}  // namespace ayc::search
