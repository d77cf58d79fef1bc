// Reading Algolia search requests, so that InstantSearch, Autocomplete and
// the official `algoliasearch` lite client can use this server as their
// search backend (server/README.md, "InstantSearch and the Algolia clients").
//
// The catalogue is the index `products`; `products_<sort>` is the same index
// in another order (`products_price_asc`, `products_price_desc`,
// `products_rating`, `products_newest`, `products_popularity`). A request's
// parameters come as JSON fields (the v5 clients) or as one URL-encoded
// `params` string whose array values are JSON (the v3/v4 clients); both are
// read the same way.
//
// Read: query, page, hitsPerPage (0-100), facets (names or "*"),
// facetFilters (values in one inner array are OR-ed, groups AND-ed; each
// attribute in one group), numericFilters on price (>=, <=, >, <, =,
// "price:10 TO 20"; AND-ed), analytics, clickAnalytics, userToken,
// highlightPreTag / highlightPostTag, maxValuesPerFacet, and `currency` (an
// extension: prices in that ISO code). Refused with a message (400):
// `filters` (the expression language), negated facet filters, OR across
// attributes, an attribute in two AND-ed groups, numeric filters on anything
// but price, OR-ed numeric filters. Every other parameter is ignored.
//
// Thread-safety: pure functions (a per-thread JSON parser).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "server/search/search_types.h"

namespace ayc::api {

struct AlgoliaQuery {
  std::string index_name;
  search::SearchRequest request;   // q, filters, sort, currency, page window
  std::size_t hits_per_page = 20;
  std::size_t page = 0;
  std::vector<std::string> facets;  // requested facet names the server has (brand, category, form, type)
  bool price_stats = false;         // `price` among the facets: facets_stats.price is wanted
  std::size_t max_values_per_facet = 100;
  bool analytics = true;
  bool click_analytics = false;
  std::string user_token;
  std::string pre_tag = "<em>";
  std::string post_tag = "</em>";
};

// The sort order an index name stands for; InvalidArgument (404 for the
// client) when the server has no such index.
Result<search::SortOrder> sort_of_index(std::string_view index_name);

// POST /1/indexes/*/queries: {"requests": [{"indexName": ..., ...}, ...]}.
Result<std::vector<AlgoliaQuery>> parse_multi_query(std::string_view body);
// POST /1/indexes/{index}/query: one request's parameters.
Result<AlgoliaQuery> parse_single_query(std::string_view index_name, std::string_view body);

}  // namespace ayc::api
