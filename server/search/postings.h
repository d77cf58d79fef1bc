// Posting lists held in memory: a term's documents (ascending) with their
// within-document frequencies, read from Xapian on first use and kept in a
// cache bounded in bytes (a segmented LRU: see Entry), with the lists
// computed from them. Shared by
// every request of one snapshot, so the terms shoppers actually use (forms,
// popular herbs, filters) are read from disk once per generation.
//
// A term's own list is kept packed (packed_postings.h: one or two bytes a
// posting instead of eight) and unpacked on each get(): its callers compute
// the lists they cache from it (a group's scored list, a filter's
// membership), so a term is unpacked when such a list is computed, not on
// every search, and the cache holds four times as many terms.
//
// Thread-safety: PostingsCache is safe to call concurrently; a PostingList is
// immutable once published.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "server/search/index_layout.h"
#include "server/search/packed_postings.h"
#include "server/search/postings_list.h"

namespace ayc::search {

struct PostingsCacheStats {
  std::uint64_t hits = 0, misses = 0, evictions = 0, bytes = 0, terms = 0;
  std::uint64_t term_bytes = 0;  // of `bytes`, the terms' own lists (the rest: lists computed from them)
};

class PostingsCache {
 public:
  // Buckets for a list per KiB of max_bytes (lists average several KiB)
  // are reserved up front: rehashing tens of thousands of entries as the
  // cache fills stalled a search for ~12 ms. The lists are spread over
  // shards by key, each with its own lock, recency list and share of the
  // budget (one shard per 32 MiB, at most 8, so a shard still holds the
  // longest lists of a large catalogue): a search looks up tens of lists,
  // and with one lock the worker threads queued on it.
  explicit PostingsCache(std::size_t max_bytes);
  // Sets the budget anew, before the cache is first used (a generation
  // sizes an automatic budget by its product count once its tables are built).
  void set_max_bytes(std::size_t max_bytes);

  // The term's posting list (empty when the term is not in the index), in
  // engine docids of the layout set by use_layout() (default: one database),
  // unpacked for this call. Throws Xapian::Error when the database cannot
  // be read.
  PostingPtr get(Xapian::Database& db, const std::string& term) const;
  // The term's list as cached, packed (read and cached as get() does): for
  // callers that fold it into something without unpacking it (list_fold.h).
  std::shared_ptr<const PackedPostings> get_packed(Xapian::Database& db, const std::string& term) const {
    return packed(db, term, nullptr);
  }
  // How many documents hold the term, without unpacking its list (read and
  // cached as get() does).
  std::size_t count(Xapian::Database& db, const std::string& term) const;
  // The generation's layout, set before the cache is first used; it must
  // outlive the cache.
  void use_layout(const IndexLayout* layout) { layout_ = layout; }
  // Whether a computed list is cached when first computed, or only when
  // computed a second time: a list made for one query (the matches of a
  // combination of words) is often never asked again, and at a million
  // products such one-off lists (a widened match set is as long as its
  // broadest word) pushed the reusable ones (terms, synonym groups) out.
  enum class Admission { kFirstUse, kSecondUse };
  // The list cached under `key`, else compute()'s result, cached as
  // `admission` says. Keys of computed lists must not look like terms
  // (start them with a byte < 0x20).
  PostingPtr get_or_compute(const std::string& key, const std::function<PostingPtr()>& compute,
                            Admission admission = Admission::kFirstUse) const;
  // The same for a scored list, compacted (compact_scored(), `with_ranks`)
  // when it is stored: a list computed for one search is walked as it is,
  // not compacted and listed back.
  PostingPtr get_or_compute_scored(const std::string& key, const std::function<std::shared_ptr<PostingList>()>& compute,
                                   bool with_ranks, Admission admission = Admission::kFirstUse) const;
  PostingsCacheStats stats() const;
  std::size_t max_bytes() const { return max_bytes_; }

 private:
  // Eviction is a segmented LRU: a list enters on probation and moves to
  // the protected segment (kProtectedPercent of the budget) when asked
  // again; lists leave from probation's end, and the protected segment's
  // least recent fall back to probation. An all-distinct load asks for a
  // long tail of lists once (a rare herb's group, a typo's telling list);
  // under a plain LRU they pushed out the lists asked for again and again
  // (a form word's or a common herb's scored group: hundreds of thousands
  // of postings, milliseconds to compute again).
  static constexpr std::size_t kProtectedPercent = 80;
  // A computed list, or a term's list packed.
  struct Entry {
    PostingPtr list;
    std::shared_ptr<const PackedPostings> packed;
    std::size_t bytes = 0;  // what it holds in memory, its key included
    bool is_protected = false;
    std::list<std::string>::iterator lru;  // in its segment's list
  };
  struct Shard {
    std::mutex mu;
    std::size_t max_bytes = 0;
    std::list<std::string> probation, protected_lists;  // most recently used first
    std::size_t protected_bytes = 0;
    std::unordered_map<std::string, Entry> entries;
    // Hashes of kSecondUse keys computed once and not cached (cleared when full).
    std::unordered_set<std::size_t> seen_once;
    PostingsCacheStats stats;
  };
  Shard& shard(const std::string& key) const { return *shards_[std::hash<std::string>{}(key) % shards_.size()]; }
  // The entry under `key`, counted as a hit; else nullopt, counted as a
  // miss, and `admit` says whether what is computed should be stored.
  std::optional<Entry> find(const std::string& key, Admission admission, bool& admit) const;
  // Stores `entry` under `key` (unless another request stored one
  // meanwhile) and evicts beyond the shard's budget; returns the entry kept.
  Entry store(const std::string& key, Entry entry) const;
  // Stores computed `list` under `key` (store()); returns the list kept.
  PostingPtr keep(const std::string& key, PostingPtr list) const;
  // The term's packed list, read from the index and stored when absent;
  // `read` is set to the unpacked list when it was read by this call.
  std::shared_ptr<const PackedPostings> packed(Xapian::Database& db, const std::string& term, PostingPtr* read) const;

  std::size_t max_bytes_;
  std::vector<std::unique_ptr<Shard>> shards_;
  const IndexLayout* layout_ = nullptr;
};

}  // namespace ayc::search
