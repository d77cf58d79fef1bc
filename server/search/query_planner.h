// Query planning, in one place: which text a search matches.
//
// In order, the first that applies:
//   1. one token typed whole that is a SKU ("DAB-ASH-100"): that product;
//   2. the words as typed (query_builder.h reads them), when that finds more
//      than two products under the request's filters;
//   3. the spelling-corrected words, when they find more than the words as
//      typed, and tellingly (Matcher::keep_telling: "cat litter" is not
//      "fat bitter" because one ghee mentions both in passing), reported as
//      `corrected`;
//   4. when every word together finds nothing, a relaxed search: concepts
//      the index does not know are left out, then grade words ("maha",
//      "laghu"), then concepts from the end, until what is left finds
//      something tellingly (reported as `kept`, the rest as `dropped`). A
//      number is never a concept on its own ("omega 3" must not list every
//      "3 x 75 g" soap), nor are the store's generic words ("fish oil
//      capsules" must not list every oil or capsule), and a word met only in
//      passing in a description is no answer ("yoga mat");
//   5. nothing (MatchKind::kNone): the store does not sell it.
// When the words as typed find fewer than kWidenBelow products (and the
// order is by relevance), the same kind of product from other brands or in
// other pack sizes follows them: the plan without its brand and quantity
// words ("baidyanath ashokarishta 450 ml" -> "ashokarishta"), held
// tellingly, ranked below every product that has all the words (`mixed`:
// each hit's matched words say which ones it has).
// A query without words matches every searchable product; a query of
// function words only ("ke liye") matches nothing.
//
// Thread-safety: a pure function of its arguments; the context's Xapian
// handle belongs to the calling search.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "server/search/matcher.h"
#include "server/search/query_builder.h"
#include "server/search/search_context.h"
#include "server/search/search_types.h"

namespace ayc::search {

inline constexpr std::size_t kWidenBelow = 10;

struct QueryPlan {
  Matches matches;                       // the text's matches, before filters
  MatchKind kind = MatchKind::kAll;
  TextPlan used;                         // the concepts `matches` match (none: every product, or nothing)
  std::optional<std::string> corrected;  // the spelling-corrected query, when it was used
  std::optional<std::string> kept;       // relaxed: the words of the concepts kept (for the exact-match boost)
  ParsedQuery shown;                     // the words a page highlights (as corrected)
  bool mixed = false;                    // some matches lack some of `used`'s groups (widened)
  std::optional<std::string> did_you_mean;  // none found: a correction that finds products without the filters
};

QueryPlan plan_query(const SearchContext& ctx, const ParsedQuery& parsed, const SearchRequest& req,
                     const std::vector<FilterPart>& filters);

}  // namespace ayc::search
