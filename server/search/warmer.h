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
};

// Searches alone each of the `words` most frequent words of the catalogue,
// most frequent first, until the posting cache is half full.
Result<WarmStats> warm(const IndexSnapshot& snap, std::size_t words);

}  // namespace ayc::search
