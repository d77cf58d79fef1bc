// The Algolia-compatible search routes (algolia_query.h says what is read):
//   POST /1/indexes/*/queries        {"requests": [...]} -> {"results": [...]}
//   POST /1/indexes/{index}/query    one request's parameters -> one result
// Each result carries hits (objectID, the card's fields, price as a number,
// _highlightResult for name and short_description), nbHits, page, nbPages,
// hitsPerPage, facets ({attribute: {value: count}}, counted as if the
// attribute's own filter were off, as disjunctive faceting wants),
// facets_stats.price (min and max, when price is among the facets),
// processingTimeMS, query, params, index, exhaustiveFacetsCount, and queryID
// (the search_logs row's id) when clickAnalytics is on.
//
// A request is logged to search_logs unless analytics is false or it asks
// for no hits (the facet-only requests InstantSearch adds for disjunctive
// facets). Errors answer as Algolia's do: {"message": ..., "status": N}.
//
// Thread-safety: handlers are safe to call concurrently.
#pragma once

#include <string>

#include "server/api/algolia_query.h"
#include "server/api/search_handlers.h"
#include "server/http/router.h"

namespace ayc::api {

// The value of a highlighted attribute for Algolia clients: `marked_html`
// (HTML-escaped, matches in <mark>, as search::highlight() writes it) as
// plain text with the matches between `pre` and `post`, and the matched words.
struct AlgoliaHighlight {
  std::string value;
  std::vector<std::string> matched_words;
};
AlgoliaHighlight algolia_highlight(std::string_view marked_html, std::string_view pre, std::string_view post);

http::Handler algolia_multi_query_handler(SearchServices services);
http::Handler algolia_single_query_handler(SearchServices services);

}  // namespace ayc::api
