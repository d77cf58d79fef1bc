// One loaded index generation: everything a request needs, in memory or open
// read-only — a pool of Xapian handles (Xapian objects are not thread-safe,
// so each request borrows its own), the feature store, autocomplete,
// synonyms, exchange rates and per-document values — and, beside it, the
// engine's caches for this generation (generation_caches.h).
// Published generations never change, so everything cached stays true; a
// new generation is a new snapshot with empty caches. Rendered HTTP answers
// are the API layer's (server/api/answer_cache.h), not cached here.
//
// Thread-safety: all const methods may be called concurrently.
#pragma once

#include <algorithm>
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
#include "index/feature_store.h"
#include "index/query_words.h"
#include "server/search/autocomplete.h"
#include "server/search/currency_table.h"
#include "server/search/doc_table.h"
#include "server/search/facet_columns.h"
#include "server/search/generation_caches.h"
#include "server/search/hit_cards.h"
#include "server/search/index_layout.h"
#include "server/search/matcher.h"
#include "server/search/postings.h"
#include "server/search/search_types.h"

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
  CacheOptions caches;
  std::size_t warm_words = 0;  // SnapshotHolder: one-word searches run before a switch (warmer.h)
  // Facet counts of a set of at most this many hits are exact; a larger set
  // is sampled evenly down to at most this many and its counts scaled
  // (SearchResult::facets_exhaustive says which).
  std::size_t exact_facet_hits = 50'000;
  // Top-k passes skip docid blocks that cannot hold a better hit
  // (top_hits.h); off scores every match (benchmarks compare the two).
  bool early_termination = true;
};

using ProductPtr = std::shared_ptr<const features::ProductFeatures>;
using ScoredListPtr = std::shared_ptr<const std::vector<features::ScoredItem>>;

class IndexSnapshot {
 public:
  // With `before` (the snapshot served until now) of a generation on the
  // same base (IndexLayout::same_base()), a layered generation keeps what
  // was built from the base and reads only its delta: at a million
  // products that is the difference between ~10 s and well under one.
  static Result<std::shared_ptr<const IndexSnapshot>> load(const std::filesystem::path& generation_dir,
                                                          const SnapshotOptions& options = {},
                                                          const IndexSnapshot* before = nullptr);
  IndexSnapshot() : IndexSnapshot(SnapshotOptions{}) {}
  explicit IndexSnapshot(const SnapshotOptions& options)
      : caches_(options.caches),
        exact_facet_hits_(std::max<std::size_t>(1, options.exact_facet_hits)),
        early_termination_(options.early_termination) {}

  const std::string& generation() const { return generation_; }
  // How long load() took, and the generation whose snapshot it kept the
  // base's structures of (empty: loaded from scratch).
  double load_seconds() const { return load_seconds_; }
  const std::string& extended() const { return extended_; }
  std::int64_t built_at() const { return built_at_; }
  std::uint64_t document_count() const { return doc_count_; }
  const index::FeatureStore& features() const { return *store_; }
  const LayeredAutocomplete& autocomplete() const { return autocomplete_; }
  const CurrencyTable& currencies() const { return currencies_; }
  const FacetColumns& facet_columns() const { return facets_; }
  const DocTable& docs() const { return docs_; }
  const HitCards& hit_cards() const { return cards_; }
  // Its Xapian databases and their docids (one, or a base and a delta).
  const IndexLayout& layout() const { return layout_; }
  // The store's noise and grade words (search_query_words at indexing time).
  const index::QueryWords& query_words() const { return query_words_; }
  // The engine's caches of this generation; filled by const readers.
  const GenerationCaches& caches() const { return caches_; }
  const PostingsCache& postings() const { return caches_.postings; }
  std::size_t exact_facet_hits() const { return exact_facet_hits_; }
  bool early_termination() const { return early_termination_; }

  // Feature-store reads through in-memory LRU caches (widgets and result
  // pages read the same products and lists again and again).
  // The product, or null when the generation has no such id.
  Result<ProductPtr> product(const std::string& id) const;
  // The product id a slug names, if any.
  Result<std::optional<std::string>> id_for_slug(const std::string& slug) const;
  // A recommendation list (FeatureStore::Family::kRelated or kUsers) with
  // product ids, through the generation's list cache; empty when absent or
  // unreadable (a read error is not cached: it may recover).
  ScoredListPtr scored_list(index::FeatureStore::Family family, const std::string& key) const;
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

  std::filesystem::path dir_;
  IndexLayout layout_;
  std::string generation_;
  double load_seconds_ = 0;
  std::string extended_;
  std::int64_t built_at_ = 0;
  std::uint64_t doc_count_ = 0;
  std::unique_ptr<index::FeatureStore> store_;
  LayeredAutocomplete autocomplete_;
  CurrencyTable currencies_;
  FacetColumns facets_;
  DocTable docs_;
  HitCards cards_;
  index::QueryWords query_words_;
  GenerationCaches caches_;
  std::size_t exact_facet_hits_;
  bool early_termination_;
  std::unordered_map<std::string, std::vector<std::string>> synonyms_;
  std::unordered_map<std::string, std::size_t> longest_synonym_from_;  // by first word
  mutable std::mutex pool_mu_;
  mutable std::vector<std::unique_ptr<Xapian::Database>> pool_;
};

}  // namespace ayc::search
