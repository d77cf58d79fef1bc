// What a search asks and answers, independent of HTTP and of Xapian.
//
// Thread-safety: plain values.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ayc::search {

enum class SortOrder { kRelevance, kPriceAsc, kPriceDesc, kRating, kNewest, kPopularity };

struct SearchRequest {
  std::string q;                       // as typed; may be empty (category page)
  std::size_t limit = 10;
  std::size_t offset = 0;
  std::vector<std::string> brands;     // brand slugs (any of)
  std::vector<std::string> categories; // category slugs (any of; sub-categories included)
  std::vector<std::string> forms;      // forms (any of)
  std::optional<std::string> type;
  std::optional<double> min_price;     // in `currency`
  std::optional<double> max_price;
  bool in_stock = false;               // only products in stock (in `country` when given)
  std::string country;                 // ISO code; empty for anywhere
  std::optional<bool> prescription_required;
  SortOrder sort = SortOrder::kRelevance;
  std::string currency;                // empty: the store's base currency
  bool want_facets = true;
  bool typing = false;                 // the last word is still being typed (prefix match)
};

struct FacetCount {
  std::string value;
  std::uint64_t count = 0;
};

// A result-page candidate before the exact-match boost: its sort key (for
// sorts other than relevance), its relevance and its document (a docid).
struct RankedDoc {
  double key = 0;
  double score = 0;
  std::uint32_t doc = 0;
};

// id, slug, name and brand view the generation's in-memory tables (the
// document table and the hit cards): they are valid while the IndexSnapshot
// the search ran on is, which a handler holds until its answer is rendered.
// Not copied per hit (string assignments were 3.8% of the server's CPU, most
// of it the first read of the card's text, which highlighting now does).
struct SearchHit {
  std::string_view id;
  std::string_view slug;
  std::string_view name;
  std::string_view brand;
  std::string_view image_url;   // the primary image; empty when the product has none
  double price = 0;
  double compare_at_price = 0;  // the MRP, in `currency`, when above `price`; else 0
  std::string currency;
  double rating = 0;
  std::uint32_t review_count = 0;
  bool in_stock = false;
  std::string highlight_name;               // HTML-escaped, matches in <mark>
  std::string highlight_short_description;
  double score = 0;
  std::uint64_t matched = 0;  // bit i: it matched SearchResult::words[i]
};

// How a search matched its words, the first that applies:
//   kNone      nothing the shopper asked for was found (no hits);
//   kRelaxed   with some words left out (SearchResult::dropped_words);
//   kCorrected with spelling corrected (corrected_query);
//   kPhonetic  a word read as another romanisation of a name it sounds like;
//   kAll       every word as typed (and a query without words).
enum class MatchKind { kAll, kCorrected, kRelaxed, kPhonetic, kNone };
const char* match_kind_name(MatchKind kind);

// What a shopper can do when nothing was found.
struct NextSteps {
  std::optional<std::string> did_you_mean;            // a spelling that finds products without the filters
  std::optional<std::uint64_t> total_without_filters;  // when filters were set
  std::vector<FacetCount> categories;                 // the store's largest categories
};

struct SearchResult {
  std::string query;
  std::optional<std::string> corrected_query;
  MatchKind match = MatchKind::kAll;
  std::vector<std::string> words;          // the words the search read (as corrected)
  std::vector<std::string> matched_words;  // those the hits match (all, or a relaxed search's kept ones)
  std::vector<std::string> dropped_words;  // those left out (relaxed) or found nowhere (none)
  std::optional<NextSteps> next_steps;     // with no hits for a query with words
  std::uint64_t total = 0;
  std::vector<SearchHit> hits;
  std::map<std::string, std::vector<FacetCount>> facets;
  // False when the facet counts were estimated from an even sample of the
  // hits (more than SnapshotOptions::exact_facet_hits of them); totals are always exact.
  bool facets_exhaustive = true;
  std::string currency;
};

}  // namespace ayc::search
