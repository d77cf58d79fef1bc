// Names of knowledge-base entries, to the entry they name: the one place the
// indexer, the recommendation models and the data generator resolve what a
// product calls an ingredient ("Asgandh", "Withania somnifera", "ASHWAGANDHA")
// to one knowledge-base entry.
//
// Names are compared after text::normalize (ASCII case-folded, punctuation as
// spaces). Where two entries claim the same name, an entry's canonical name
// wins over another entry's alias, then the entry added first.
//
// Thread-safety: build on one thread, then const methods are safe to share.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace ayc::text {

class NameIndex {
 public:
  void add(std::string_view name, std::uint32_t entry, bool canonical);

  // The entry named exactly `name` (after normalising).
  std::optional<std::uint32_t> find(std::string_view name) const;
  // The same for an already normalised name.
  std::optional<std::uint32_t> find_normalized(const std::string& key) const;

  // Entries named inside free text on word boundaries, left to right, the
  // longest name at each position, each entry once:
  // "Ashwagandha (Withania somnifera) root extract" -> {Ashwagandha}.
  std::vector<std::uint32_t> find_in_text(std::string_view text) const;

  // The entry named by the longest run of whole words of `name` (leftmost
  // among equals): "Ashwagandha root extract" -> Ashwagandha. Exact names first.
  std::optional<std::uint32_t> find_longest_run(std::string_view name) const;

  std::size_t size() const { return by_name_.size(); }

 private:
  struct Owner {
    std::uint32_t entry;
    bool canonical;
  };
  std::unordered_map<std::string, Owner> by_name_;
  // The first word of every name: find_in_text() tries the names starting
  // at a word only when one does (most words of a description start none).
  std::unordered_set<std::string> first_words_;
  std::size_t max_words_ = 1;
};

}  // namespace ayc::text
