// One loaded index generation: everything a request needs, in memory or open
// read-only — a pool of Xapian handles (Xapian objects are not thread-safe,
// so each request borrows its own), the feature store, autocomplete,
// synonyms, exchange rates, per-document values, and the caches that serve
// from memory what this generation's requests keep asking for (posting
// lists, products, recommendation lists, facet counts, rendered answers,
// query phrases).
// Published generations never change, so everything cached stays true; a
// new generation is a new snapshot with empty caches.
//
// Thread-safety: all const methods may be called concurrently.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "common/status.h"
#include "indexer/feature_store.h"
#include "server/search/autocomplete.h"
#include "server/search/currency_table.h"
#include "server/search/doc_table.h"
#include "server/search/hit_cards.h"
#include "server/search/facet_columns.h"
#include "server/search/matcher.h"
#include "server/search/postings.h"
#include "server/search/search_types.h"
#include "server/search/shared_lru.h"

namespace ayc::search {

class IndexSnapshot;

// A borrowed Xapian handle, returned to its snapshot's pool on destruction.
class XapianLease {
 public:
  XapianLease(const IndexSnapshot* owner, std::unique_ptr<Xapian::Database> db)
      : owner_(owner), db_(std::move(db)) {}
  XapianLease(XapianLease&&) = default;
  ~XapianLease();
  Xapian::Database& db() { return *db_; }

 private:
  const IndexSnapshot* owner_;
  std::unique_ptr<Xapian::Database> db_;
};

struct SnapshotOptions {
  std::size_t postings_cache_bytes = 256u << 20;  // posting lists kept in memory (LRU)
  std::size_t product_cache_entries = 65536;      // decoded products kept in memory (LRU)
  std::size_t list_cache_entries = 16384;         // decoded recommendation lists (LRU)
  std::size_t response_cache_entries = 32768;     // rendered answers of pure routes (LRU)
  std::size_t facet_cache_entries = 65536;        // facet counts of recurring match sets (LRU, ~0.5 KiB each)
  std::size_t text_group_entries = 65536;         // query phrases turned into groups of alternatives (LRU)
  std::size_t spelling_entries = 65536;           // spelling suggestions of words the index lacks (LRU)
  std::size_t prefix_entries = 65536;             // unfinished last words' completions (LRU)
  std::size_t ranked_entries = 16384;             // best candidates of recurring match sets (LRU, ~1.5 KiB each)
  std::size_t warm_words = 0;                     // SnapshotHolder: one-word searches run before a switch (warmer.h)
};

using ProductPtr = std::shared_ptr<const features::ProductFeatures>;
using ScoredListPtr = std::shared_ptr<const std::vector<features::ScoredItem>>;

class IndexSnapshot {
 public:
  static Result<std::shared_ptr<const IndexSnapshot>> load(const std::filesystem::path& generation_dir,
                                                          const SnapshotOptions& options = {});
  IndexSnapshot() : IndexSnapshot(SnapshotOptions{}) {}
  explicit IndexSnapshot(const SnapshotOptions& options)
      : postings_(options.postings_cache_bytes),
        products_(options.product_cache_entries),
        slugs_(options.product_cache_entries),
        lists_(options.list_cache_entries),
        responses_(options.response_cache_entries),
        facets_cache_(options.facet_cache_entries),
        text_groups_(options.text_group_entries),
        spellings_(options.spelling_entries),
        prefixes_(options.prefix_entries),
        ranked_(options.ranked_entries) {}

  const std::string& generation() const { return generation_; }
  std::int64_t built_at() const { return built_at_; }
  std::uint64_t document_count() const { return doc_count_; }
  const indexer::FeatureStore& features() const { return *store_; }
  const Autocomplete& autocomplete() const { return autocomplete_; }
  const CurrencyTable& currencies() const { return currencies_; }
  const FacetColumns& facet_columns() const { return facets_; }
  const DocTable& docs() const { return docs_; }
  const HitCards& hit_cards() const { return cards_; }
  const PostingsCache& postings() const { return postings_; }

  // Feature-store reads through in-memory LRU caches (widgets and result
  // pages read the same products and lists again and again).
  // The product, or null when the generation has no such id.
  Result<ProductPtr> product(const std::string& id) const;
  // The product id a slug names, if any.
  Result<std::optional<std::string>> id_for_slug(const std::string& slug) const;
  // A recommendation list (FeatureStore::Family::kRelated or kUsers); empty
  // when absent or undecodable.
  ScoredListPtr scored_list(indexer::FeatureStore::Family family, const std::string& key) const;
  // Answers that depend on nothing but this generation and the request
  // (autocomplete, related products), rendered once: keyed by the caller.
  const SharedLru<std::string>& responses() const { return responses_; }
  // Facet counts by match-set and filter signature (server/search/matcher.h).
  const SharedLru<FacetIds>& facet_cache() const { return facets_cache_; }
  // What a phrase or word of a query stands for (query_builder.h), by its text.
  const SharedLru<TextGroup>& text_groups() const { return text_groups_; }
  // Xapian's spelling suggestion for a word ("" when none), by the word: a
  // misspelling recurs ("ashwagndha", "ashwagndha churna") and each
  // suggestion walks the spelling table.
  const SharedLru<std::string>& spellings() const { return spellings_; }
  // The indexed terms an unfinished word may complete to (query_builder.h),
  // by the word: each is a scan of the term list.
  const SharedLru<std::vector<std::string>>& prefixes() const { return prefixes_; }
  // The best candidates of a match set under filters and a sort, before the
  // exact-match boost (searcher.cpp): the names of a herb, a herb with or
  // without a form word, a brand typed in full or not all rank the same set.
  const SharedLru<std::vector<RankedDoc>>& ranked_cache() const { return ranked_; }
  // Phrases that mean the same as `phrase` (normalised), from the index's synonym table.
  const std::vector<std::string>* synonyms_of(const std::string& phrase) const;
  // How many words the longest synonym-table phrase starting with
  // `first_word` has (0: none starts with it), so a query's words are looked
  // up as phrases only as long as some phrase could be.
  std::size_t longest_synonym_words(const std::string& first_word) const;

  Result<XapianLease> borrow_xapian() const;

 private:
  friend class XapianLease;
  void give_back(std::unique_ptr<Xapian::Database> db) const;

  std::filesystem::path xapian_path_;
  std::string generation_;
  std::int64_t built_at_ = 0;
  std::uint64_t doc_count_ = 0;
  std::unique_ptr<indexer::FeatureStore> store_;
  Autocomplete autocomplete_;
  CurrencyTable currencies_;
  FacetColumns facets_;
  DocTable docs_;
  HitCards cards_;
  PostingsCache postings_;
  SharedLru<features::ProductFeatures> products_;
  SharedLru<std::string> slugs_;
  SharedLru<std::vector<features::ScoredItem>> lists_;
  SharedLru<std::string> responses_;
  SharedLru<FacetIds> facets_cache_;
  SharedLru<TextGroup> text_groups_;
  SharedLru<std::string> spellings_;
  SharedLru<std::vector<std::string>> prefixes_;
  SharedLru<std::vector<RankedDoc>> ranked_;
  std::unordered_map<std::string, std::vector<std::string>> synonyms_;
  std::unordered_map<std::string, std::size_t> longest_synonym_from_;  // by first word
  mutable std::mutex pool_mu_;
  mutable std::vector<std::unique_ptr<Xapian::Database>> pool_;
};

}  // namespace ayc::search
