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
// Thread-safety: immutable after build(); lookups may run concurrently.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

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
  void add(features::Suggestion suggestion);
  void build();  // sorts the index; call once after the last add()

  // `query` as typed; at most `limit` completions, best first.
  std::vector<Completion> complete(std::string_view query, std::size_t limit) const;
  std::size_t size() const { return suggestions_.size(); }

 private:
  struct Entry {
    std::uint32_t key_index;     // into keys_
    std::uint32_t offset;        // where in the key this entry starts (a word start)
    std::uint32_t suggestion;    // into suggestions_
  };
  std::string_view entry_text(const Entry& e) const;
  double entry_weight(std::uint32_t entry) const;
  std::uint32_t best_in(std::size_t lo, std::size_t hi) const;  // argmax over [lo, hi)
  // Adds up to `want` new suggestions whose indexed text starts with `prefix`.
  void collect(std::string_view prefix, double bonus, std::size_t want, std::vector<Completion>& out,
               std::vector<std::uint32_t>& taken, std::pair<std::size_t, std::size_t> within) const;

  std::vector<features::Suggestion> suggestions_;
  std::vector<std::string> keys_;
  std::vector<std::uint32_t> key_owner_;  // keys_[i] belongs to suggestions_[key_owner_[i]]
  // [lo, hi) of the entries whose text starts with `prefix`, within [from, to).
  std::pair<std::size_t, std::size_t> range_of(std::string_view prefix, std::size_t from, std::size_t to) const;

  std::vector<Entry> entries_;
  std::vector<std::uint64_t> heads_;
  std::vector<double> weights_;  // entry_weight() of each entry, precomputed  // entries' first 8 bytes, big-endian: most comparisons are one integer compare
  std::vector<std::uint32_t> tree_;  // segment tree of entry indices, max weight; size 2 * leaves_
  std::size_t leaves_ = 0;
};

}  // namespace ayc::search
