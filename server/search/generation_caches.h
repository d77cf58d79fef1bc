// What the search engine caches for one index generation: posting lists,
// decoded products and recommendation lists, facet counts and best
// candidates of recurring match sets, and what query words stand for.
//
// Every entry is derived from the generation alone, so it stays true as long
// as the generation is served; a new generation gets new, empty caches.
// Each cache is bounded in bytes (and the SharedLru ones in entries too);
// the SharedLru and PostingsCache headers say how eviction works.
//
// Thread-safety: every cache may be read and filled concurrently.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "index/features.h"
#include "server/search/facet_columns.h"
#include "server/search/matcher.h"
#include "server/search/postings.h"
#include "server/search/search_types.h"
#include "server/search/shared_lru.h"

namespace ayc::search {

struct CacheOptions {
  // Posting lists kept in memory (postings.h); 0: automatic, postings_cache_bytes_for().
  std::size_t postings_cache_bytes = 0;
  // Every other cache of the generation together, in bytes (shared out by
  // the shares below); each is bounded by its entries too.
  std::size_t engine_cache_bytes = 256u << 20;
  std::size_t product_cache_entries = 65536;      // decoded products kept in memory (LRU)
  std::size_t list_cache_entries = 16384;         // decoded recommendation lists (LRU)
  std::size_t facet_cache_entries = 65536;        // facet counts of recurring match sets (LRU, ~0.5 KiB each)
  std::size_t text_group_entries = 65536;         // query phrases turned into groups of alternatives (LRU; so many
                                                  // again for word pairs and for other readings)
  std::size_t spelling_entries = 65536;           // spelling suggestions of words the index lacks (LRU)
  std::size_t prefix_entries = 65536;             // unfinished last words' completions (LRU)
  std::size_t ranked_entries = 16384;             // best candidates of recurring match sets (LRU, ~1.5 KiB each)
};

// The automatic posting-list budget of a generation of `products`: 256 MiB,
// or 576 bytes a product when that is more (a million products: 549 MiB).
// The lists a search load touches grow with the catalogue (packed terms,
// scored groups); the server's memory model (server/README.md) counts it.
std::size_t postings_cache_bytes_for(std::size_t products);

// Each cache's share of CacheOptions::engine_cache_bytes, in percent (they
// add up to 100).
struct CacheShares {
  static constexpr std::size_t kProducts = 20, kSlugs = 2, kLists = 10, kFacets = 15, kTextGroups = 8,
                               kJoinedGroups = 4, kReadings = 4, kSpellings = 4, kPrefixes = 8, kRanked = 25;
};

struct GenerationCaches {
  explicit GenerationCaches(const CacheOptions& o);

  PostingsCache postings;
  SharedLru<features::ProductFeatures> products;          // by product id
  SharedLru<std::string> slugs;                           // product id by slug
  SharedLru<std::vector<features::ScoredItem>> lists;     // recommendation lists by family and key
  // Facet counts by match-set and filter signature (matcher.h).
  SharedLru<FacetIds> facets;
  // What a phrase or word of a query stands for (query_builder.h), by its
  // text; two words the catalogue may write as one, by "first second"; the
  // other readings of a word the index lacks, by the word. Keyed by the
  // words alone, one cache each: a lookup per query word builds no key.
  SharedLru<TextGroup> text_groups;
  SharedLru<TextGroup> joined_groups;
  SharedLru<TextGroup> readings;
  // Xapian's spelling suggestion for a word ("" when none): a misspelling
  // recurs ("ashwagndha", "ashwagndha churna") and each suggestion walks the
  // spelling table.
  SharedLru<std::string> spellings;
  // The indexed terms an unfinished word may complete to: each is a scan of
  // the term list.
  SharedLru<std::vector<std::string>> prefixes;
  // The best candidates of a match set under filters and a sort, before the
  // exact-match boost (searcher.cpp): the names of a herb, a herb with or
  // without a form word, a brand typed in full or not all rank the same set.
  SharedLru<std::vector<RankedDoc>> ranked;
};

}  // namespace ayc::search
