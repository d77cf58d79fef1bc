// The building blocks of query understanding: what a shopper typed as words
// (stop and noise words dropped), a text plan for matcher.h (English
// stemming, synonym phrases expanded from the index's synonym table —
// ingredient names in every language, indication and form synonyms — the
// last word matched as a prefix while typing, words run together or spelt in
// another romanisation), and spelling corrections. Which of these a search
// uses, and in what order, is decided in one place: query_planner.h.
// Never throws on odd input: there is no query syntax to get wrong.
//
// Thread-safety: pure functions; the snapshot is read-only.
#pragma once

#include <string>
#include <vector>

#include "index/query_words.h"
#include "server/search/matcher.h"
#include "server/search/search_context.h"

namespace ayc::search {

struct ParsedQuery {
  std::vector<std::string> words;  // normalised words that carry meaning
  // Something was typed, and all of it function words ("ke liye"): the
  // query asks for nothing, and finds nothing.
  bool only_function_words = false;
  bool empty() const { return words.empty(); }
};

// The words of `q` as the engine reads them. Function words ("ke", "liye",
// "dawai") are always dropped; the store's noise words (and the index's stop
// words) are dropped from a query of two or more words unless nothing else
// is left.
ParsedQuery parse_query(const std::string& q, const index::QueryWords& query_words);

// Words joined by single spaces.
std::string join_words(const std::vector<std::string>& words);

// A synonym-table phrase as a query of it reads ("jodon ka dard" -> "jodon
// dard", "pet me jalan" -> "pet jalan"), so the phrase is found however the
// shopper joins its words; the phrase itself when nothing would be left.
std::string phrase_as_query(const std::string& phrase, const index::QueryWords& query_words);

enum class MatchMode { kAll, kAny };

// The text part of a search: one group per concept the shopper typed (a
// known synonym phrase or a word); no groups when `parsed` is empty. With
// `typing`, an unfinished last word also matches the 20 most frequent terms
// it starts.
TextPlan build_text_plan(const SearchContext& ctx, const ParsedQuery& parsed, MatchMode mode, bool typing);

// Words of `parsed` with spelling corrections from the index's spelling
// table (words of phrases the synonym table knows are left as typed); empty
// when nothing needed correcting.
std::vector<std::string> spelling_corrected(const SearchContext& ctx, const ParsedQuery& parsed);

// Stems of the query words, for highlighting.
std::vector<std::string> highlight_stems(const ParsedQuery& parsed);

}  // namespace ayc::search
