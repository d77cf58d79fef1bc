// Per-document values of one generation, held in memory by docid: which
// docids are live, their lengths (for BM25), business prior, sort keys,
// product ids and normalised names (for the exact-match boost). Read once per
// snapshot from the index's value slots (index/SCHEMA.md), so a search
// never reads a document from disk to rank it.
//
// Thread-safety: immutable after build().
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "common/status.h"
#include "server/search/index_layout.h"

namespace ayc::search {

// Many short strings in one buffer, indexed by docid.
class StringColumn {
 public:
  void resize(std::size_t n) { offsets_.assign(n + 1, 0); }
  std::string_view at(Xapian::docid d) const {
    if (d + 1 >= offsets_.size()) return {};
    return std::string_view(bytes_).substr(offsets_[d], offsets_[d + 1] - offsets_[d]);
  }
  // Asks the memory for where d's value is, then (once that has arrived) for
  // its first bytes.
  void prefetch_offsets(Xapian::docid d) const {
    if (d + 1 < offsets_.size()) __builtin_prefetch(&offsets_[d]);
  }
  void prefetch_bytes(Xapian::docid d) const {
    if (d + 1 < offsets_.size()) __builtin_prefetch(bytes_.data() + offsets_[d]);
  }
  // Values must be appended in increasing docid order.
  void append(Xapian::docid d, std::string_view v);
  void finish();
  // `from`'s values of the first `kept` docids, sized for n docids:
  // append() goes on after them.
  void keep_prefix(const StringColumn& from, std::size_t kept, std::size_t n);

 private:
  std::vector<std::uint64_t> offsets_;
  std::string bytes_;
  Xapian::docid filled_ = 0;
};

// Strings shared by many documents (brand names), each kept once: a
// document holds a number into a small table that stays in the CPU caches.
class InternedColumn {
 public:
  void resize(std::size_t n) { index_.assign(n, 0); }
  std::string_view at(Xapian::docid d) const { return d < index_.size() ? values_[index_[d]] : std::string_view(); }
  void set(Xapian::docid d, std::string_view v);
  void finish() { numbers_ = {}; }
  // `from`'s values of the first `kept` docids, sized for n docids.
  void keep_prefix(const InternedColumn& from, std::size_t kept, std::size_t n);
  void prefetch(Xapian::docid d) const {
    if (d < index_.size()) __builtin_prefetch(&index_[d]);
  }
  std::size_t distinct() const { return values_.size(); }
  const std::vector<std::string>& values() const { return values_; }

 private:
  std::vector<std::uint32_t> index_;       // by docid; 0: no value
  std::vector<std::string> values_{""};   // values_[0] is the empty string
  std::unordered_map<std::string, std::uint32_t> numbers_;  // until finish()
};

class DocTable {
 public:
  // From the database `layout` opened: its live documents (hidden ones are
  // not), by engine docid.
  static Result<DocTable> build(Xapian::Database& db, const IndexLayout& layout = {});
  // The same from `before`, a table of a generation with the same base
  // (layout.same_base()), and `delta`, the delta database alone: the base's
  // documents are copied, not read again.
  static Result<DocTable> extend(const DocTable& before, Xapian::Database& delta, const IndexLayout& layout);

  const std::vector<Xapian::docid>& live() const { return live_; }  // ascending
  std::uint64_t count() const { return live_.size(); }
  double length(Xapian::docid d) const { return d < length_.size() ? length_[d] : 0; }
  void prefetch_length(Xapian::docid d) const {
    if (d < length_.size()) __builtin_prefetch(&length_[d]);
  }
  double average_length() const { return average_length_; }
  double prior(Xapian::docid d) const { return at(prior_, d); }
  // Asks the memory for d's prior and popularity ahead of a pass reading them.
  void prefetch(Xapian::docid d) const {
    if (d < prior_.size()) __builtin_prefetch(&prior_[d]);
    if (d < popularity_.size()) __builtin_prefetch(&popularity_[d]);
  }
  double popularity(Xapian::docid d) const { return at(popularity_, d); }
  // The largest prior and popularity of the docids of one block (kBlockShift
  // docids a block: block b holds d with d >> kBlockShift == b): a top-k pass
  // skips every block whose best cannot beat its worst kept hit. Exact for
  // any numbering; most blocks are skipped when docids follow the static
  // rank (the full run numbers documents best first).
  static constexpr unsigned kBlockShift = 8;
  double block_max_prior(std::size_t block) const { return at_block(block_max_prior_, block); }
  double block_max_popularity(std::size_t block) const { return at_block(block_max_popularity_, block); }
  double rating(Xapian::docid d) const { return at(rating_, d); }
  double created_at(Xapian::docid d) const { return d < created_at_.size() ? created_at_[d] : 0; }
  std::string_view id(Xapian::docid d) const { return ids_.at(d); }
  // The live documents by product id (views into this table).
  std::unordered_map<std::string_view, Xapian::docid> by_id() const;
  std::string_view name(Xapian::docid d) const { return names_.at(d); }
  std::string_view brand_name(Xapian::docid d) const { return brand_names_.at(d); }
  // Whether `word` (normalised, as a query reads it) is a word of a brand's name.
  bool is_brand_word(const std::string& word) const { return brand_words_.count(word) > 0; }
  // Names and brand names of many documents are compared in one pass (the
  // exact-match boost): first ask for where each is for all of them, then
  // for their bytes, so the cache misses overlap instead of queueing.
  void prefetch_name_offsets(Xapian::docid d) const {
    names_.prefetch_offsets(d);
    brand_names_.prefetch(d);
  }
  void prefetch_name_bytes(Xapian::docid d) const { names_.prefetch_bytes(d); }

 private:
  static double at(const std::vector<float>& v, Xapian::docid d) { return d < v.size() ? v[d] : 0; }
  // Past the last block nothing is larger than 0 (no document there).
  static double at_block(const std::vector<float>& v, std::size_t b) { return b < v.size() ? v[b] : 0; }
  static std::vector<float> block_maxima(const std::vector<float>& v);
  // `db`'s documents numbered as `read_as` says, after `from`'s first
  // `kept` docids (less those `layout` hides).
  static Result<DocTable> read(Xapian::Database& db, const IndexLayout& read_as, const DocTable& from,
                               std::size_t kept, const IndexLayout& layout);

  std::vector<Xapian::docid> live_;
  std::vector<std::uint32_t> length_;
  double average_length_ = 0;
  std::vector<float> prior_, popularity_, rating_;
  std::vector<float> block_max_prior_, block_max_popularity_;
  std::vector<double> created_at_;  // seconds: float would round to minutes
  StringColumn ids_, names_;
  // A few hundred brands for the whole catalogue: their names were a cache
  // miss per document in the exact-match boost, now a hit.
  InternedColumn brand_names_;
  std::unordered_set<std::string> brand_words_;
};

}  // namespace ayc::search
