// In-memory autocomplete over a generation's suggestions (product names,
// brands, categories, ingredients under every name, popular past queries).
//
// Every key is indexed at each word start, so "ashwa" finds "Organic India
// Ashwagandha Capsules" and "holy bas" finds Tulsi. Entries sit in one sorted
// array; a prefix is a range of it, and a max-segment-tree over the entries'
// weights yields the range's best entries in O(k log n) however many match.
// When a prefix of 3+ characters does not fill the answer, its last word spelt
// the other common ways (f/ph, v/w, ee/i, ...) is tried, ranked after the
// prefix as typed; when one of 4+ characters finds almost nothing, prefixes one
// edit away (deletion, substitution, insertion, transposition) are tried too,
// ranked last. No Xapian or PostgreSQL work per request.
//
// A generation is offered the suggestions of one or more layers: a layered
// generation (index/layers.h) keeps the autocomplete built for its base,
// less the suggestions of the products its delta supersedes, plus a small
// one of the delta's products (LayeredAutocomplete).
//
// Thread-safety: immutable after build(); lookups may run concurrently.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "index/features.h"

namespace ayc::search {

struct Completion {
  std::string text;
  features::SuggestionKind kind;
  std::string slug;
  double score = 0;
};

class Autocomplete {
 public:
  // `docid`: a product suggestion's document (0: none, or another kind).
  void add(features::Suggestion suggestion, Xapian::docid docid = 0);
  void build();  // sorts the index; call once after the last add()

  // `query` as typed; at most `limit` completions, best first.
  std::vector<Completion> complete(std::string_view query, std::size_t limit) const;
  std::size_t size() const { return suggestions_.size(); }
  // Heap bytes of its tables (capacity).
  std::size_t bytes() const;
  // The document of suggestion i (in order of add()), 0 when none.
  Xapian::docid docid(std::size_t i) const { return i < docids_.size() ? docids_[i] : 0; }

  // One source of completions: an autocomplete, less its suggestions whose
  // `hidden` flag is set (null: none hidden).
  struct Layer {
    const Autocomplete* ac = nullptr;
    const std::vector<bool>* hidden = nullptr;
  };
  // complete() over several layers as if they were one.
  static std::vector<Completion> complete(const std::vector<Layer>& layers, std::string_view query,
                                          std::size_t limit);

 private:
  // Held compactly (a million products make ~7 million entries): strings
  // in pools addressed by offset, an entry's suggestion found through its key.
  struct Entry {
    std::uint32_t key_index;     // into key_starts_
    std::uint32_t offset;        // where in the key this entry starts (a word start)
  };
  struct Stored {
    std::uint64_t text_at = 0;   // into text_pool_: the text, then the slug
    std::uint32_t text_size = 0, slug_size = 0;
    double weight = 0;
    features::SuggestionKind kind = features::SuggestionKind::kProduct;
  };
  std::string_view key_text(std::uint32_t k) const {
    return std::string_view(key_pool_).substr(key_starts_[k], key_starts_[k + 1] - key_starts_[k]);
  }
  std::string_view entry_text(const Entry& e) const { return key_text(e.key_index).substr(e.offset); }
  std::uint32_t suggestion_of(const Entry& e) const { return key_owner_[e.key_index]; }
  double entry_weight(std::uint32_t entry) const { return weights_[entry]; }
  std::uint32_t best_in(std::size_t lo, std::size_t hi) const;  // argmax over [lo, hi)
  // Adds up to `want` new suggestions whose indexed text starts with `prefix`.
  void collect(std::string_view prefix, double bonus, std::size_t want, std::vector<Completion>& out,
               std::vector<std::uint32_t>& taken, std::pair<std::size_t, std::size_t> within,
               const std::vector<bool>* hidden) const;

  std::vector<Stored> suggestions_;
  std::string text_pool_;
  std::vector<Xapian::docid> docids_;  // parallel to suggestions_
  std::string key_pool_;
  std::vector<std::uint64_t> key_starts_{0};  // key k is key_pool_[key_starts_[k], key_starts_[k + 1])
  std::vector<std::uint32_t> key_owner_;  // key k belongs to suggestions_[key_owner_[k]]
  // [lo, hi) of the entries whose text starts with `prefix`, within [from, to).
  std::pair<std::size_t, std::size_t> range_of(std::string_view prefix, std::size_t from, std::size_t to) const;

  std::vector<Entry> entries_;
  std::vector<std::uint64_t> heads_;  // entries' first 8 bytes, big-endian: most comparisons are one integer compare
  // entry_weight() of each entry, precomputed; a float (its ordering is the
  // double's but for weights within a ten-millionth of each other)
  std::vector<float> weights_;
  std::vector<std::uint32_t> tree_;  // segment tree of entry indices, max weight; size 2 * leaves_
  std::size_t leaves_ = 0;
};

// A generation's autocomplete: a shared one (built once for its base) less
// the suggestions of documents the generation no longer has, plus its
// delta's products.
class LayeredAutocomplete {
 public:
  LayeredAutocomplete() : shared_(std::make_shared<Autocomplete>()) {}
  explicit LayeredAutocomplete(std::shared_ptr<const Autocomplete> all) : shared_(std::move(all)) {}
  LayeredAutocomplete(std::shared_ptr<const Autocomplete> shared, std::vector<bool> hidden,
                      std::shared_ptr<const Autocomplete> delta)
      : shared_(std::move(shared)), hidden_(std::move(hidden)), delta_(std::move(delta)) {}

  std::vector<Completion> complete(std::string_view query, std::size_t limit) const;
  const std::shared_ptr<const Autocomplete>& shared() const { return shared_; }

 private:
  std::shared_ptr<const Autocomplete> shared_;
  std::vector<bool> hidden_;  // by suggestion of shared_ (empty: none)
  std::shared_ptr<const Autocomplete> delta_;
};

}  // namespace ayc::search
