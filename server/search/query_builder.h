// Turns what a shopper typed into a text plan (server/search/matcher.h): stop words dropped,
// English stemming, synonym phrases expanded from the index's synonym table
// (ingredient names in every language, indication and form synonyms), the
// last word matched as a prefix while typing, and a SKU typed whole matched
// exactly. Never throws on odd input: there is no query syntax to get wrong.
//
// Thread-safety: pure functions; the snapshot is read-only.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "server/search/index_snapshot.h"
#include "server/search/matcher.h"

namespace ayc::search {

struct ParsedQuery {
  std::vector<std::string> words;  // normalised words that carry meaning
  bool empty() const { return words.empty(); }
};

ParsedQuery parse_query(const std::string& q);

enum class MatchMode { kAll, kAny };

// The text part of a search: one group per concept the shopper typed (a
// known synonym phrase or a word); no groups when `parsed` is empty. With
// `typing`, an unfinished last word also matches the 20 most frequent terms
// it starts.
TextPlan build_text_plan(const ParsedQuery& parsed, const IndexSnapshot& snap, const Matcher& matcher,
                         Xapian::Database& db, MatchMode mode, bool typing);

// Words of `parsed` with spelling corrections from the index's spelling
// table (words of phrases the synonym table knows are left as typed); empty
// when nothing needed correcting.
std::vector<std::string> spelling_corrected(const ParsedQuery& parsed, const IndexSnapshot& snap,
                                            const Matcher& matcher, const Xapian::Database& db);

// Stems of the query words, for highlighting.
std::vector<std::string> highlight_stems(const ParsedQuery& parsed);

}  // namespace ayc::search
