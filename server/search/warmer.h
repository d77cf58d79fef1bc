// Warming a generation before it serves: a new snapshot starts with empty
// caches, so the first searches after a switch would each read and score
// their posting lists from Xapian. warm() runs one-word searches for the
// words the catalogue uses most (the index's spelling table counts them),
// which loads and scores their lists, synonym groups and facet counts, the
// costliest to build, before the first shopper asks. It stops once the
// posting lists fill half of their cache, leaving the rest to what shoppers
// actually search.
//
// Thread-safety: warm() may run while the snapshot serves (it only fills caches).
#pragma once

#include <cstddef>

#include "common/status.h"
#include "server/search/index_snapshot.h"

namespace ayc::search {

struct WarmStats {
  std::size_t searches = 0;
  double seconds = 0;
  bool out_of_time = false;  // stopped at the time budget with words left
};

// Searches alone each of the `words` most frequent words of the catalogue,
// most frequent first, skipping the first `from` (searched by an earlier
// call), until the posting cache is half full or, when `budget_seconds` is
// above 0, that much time has passed.
Result<WarmStats> warm(const IndexSnapshot& snap, std::size_t words, double budget_seconds = 0, std::size_t from = 0);

}  // namespace ayc::search
