// What one search works with, passed as one value: the generation being
// searched, the matcher over its posting lists and the Xapian handle the
// search borrowed (term statistics, spelling table, term list).
//
// Thread-safety: a context belongs to one search on one thread (the Xapian
// handle is not thread-safe); the snapshot and matcher it points to are
// shared read-only.
#pragma once

#include <xapian.h>

#include "server/search/index_snapshot.h"
#include "server/search/matcher.h"

namespace ayc::search {

struct SearchContext {
  const IndexSnapshot& snap;
  const Matcher& matcher;
  Xapian::Database& db;
};

}  // namespace ayc::search
