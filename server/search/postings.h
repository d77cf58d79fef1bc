// Posting lists held in memory: a term's documents (ascending) with their
// within-document frequencies, read from Xapian on first use and kept in an
// LRU cache bounded in bytes. Shared by every request of one snapshot, so
// the terms shoppers actually use (forms, popular herbs, filters) are read
// from disk once per generation.
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
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "server/search/index_layout.h"

namespace ayc::search {

struct PostingList {
  std::vector<Xapian::docid> docs;   // ascending
  std::vector<std::uint32_t> wdfs;   // parallel to docs (empty in a scored list)
  std::vector<float> weights;        // a scored list's BM25 weights, parallel to docs (else empty)
  // Optional membership bitmap of a long list (add_bitmap()): bit d of
  // `bits` is set when d is in docs; `ranks[w]` counts the docs below word w,
  // so a document's position in docs is found without a search.
  std::vector<std::uint64_t> bits;
  std::vector<std::uint32_t> ranks;
  // What it holds in memory (capacity, not size: a list narrowed in place keeps its first length).
  std::size_t bytes() const {
    return docs.capacity() * sizeof(Xapian::docid) + wdfs.capacity() * sizeof(std::uint32_t) +
           weights.capacity() * sizeof(float) + bits.capacity() * sizeof(std::uint64_t) +
           ranks.capacity() * sizeof(std::uint32_t) + 64;
  }
  // The position of `d` in docs, or -1 when absent. Needs the bitmap.
  std::ptrdiff_t position(Xapian::docid d) const {
    const std::size_t w = d >> 6;
    if (w >= bits.size()) return -1;
    const std::uint64_t word = bits[w];
    const unsigned b = d & 63u;
    if (((word >> b) & 1u) == 0) return -1;
    return static_cast<std::ptrdiff_t>(ranks[w]) + __builtin_popcountll(word & ((std::uint64_t{1} << b) - 1));
  }
};

// The first position at or after `from` in `docs` (ascending) whose docid
// is >= d: galloping, so walking a short list through a long one costs
// O(short * log(gap)).
std::size_t skip_to(const std::vector<Xapian::docid>& docs, std::size_t from, Xapian::docid d);

// Adds the membership bitmap to `list` (docs ascending).
void add_bitmap(PostingList& list);
using PostingPtr = std::shared_ptr<const PostingList>;
// One shared empty list.
const PostingPtr& empty_postings();

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

  // The term's posting list (empty when the term is not in the index), in
  // engine docids of the layout set by use_layout() (default: one database).
  // Throws Xapian::Error when the database cannot be read.
  PostingPtr get(Xapian::Database& db, const std::string& term) const;
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
  PostingsCacheStats stats() const;
  std::size_t max_bytes() const { return max_bytes_; }

 private:
  struct Entry {
    PostingPtr list;
    std::list<std::string>::iterator lru;
  };
  struct Shard {
    std::mutex mu;
    std::size_t max_bytes = 0;
    std::list<std::string> lru;  // most recently used first
    std::unordered_map<std::string, Entry> entries;
    // Hashes of kSecondUse keys computed once and not cached (cleared when full).
    std::unordered_set<std::size_t> seen_once;
    PostingsCacheStats stats;
  };
  Shard& shard(const std::string& key) const { return *shards_[std::hash<std::string>{}(key) % shards_.size()]; }

  std::size_t max_bytes_;
  std::vector<std::unique_ptr<Shard>> shards_;
  const IndexLayout* layout_ = nullptr;
};

}  // namespace ayc::search
