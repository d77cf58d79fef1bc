// The ingredient knowledge base as the generator sees it: every herb and
// mineral with all its names and uses, read from the `ingredients` table
// (kb_loader.h) so the generator never keeps a second copy of it.
//
// find() matches any of a herb's names after text::normalize, so content that
// says "Giloy" finds the entry whose canonical name is "Guduchi".
//
// Thread-safety: immutable after construction; safe to share.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/name_index.h"

namespace ayc::datagen {

struct Herb {
  std::string canonical_name;
  std::string sanskrit_name;
  std::string hindi_name;
  std::string english_name;
  std::string botanical_name;
  std::vector<std::string> other_names;
  std::string kind;  // herb, mineral, resin, animal, oil, other
  std::vector<std::string> uses;
};

class KnowledgeBase {
 public:
  KnowledgeBase() = default;
  // Sorts by canonical name so the order never depends on the table's.
  explicit KnowledgeBase(std::vector<Herb> herbs);

  std::size_t size() const { return herbs_.size(); }
  const Herb& herb(std::size_t i) const { return herbs_[i]; }
  std::span<const Herb> herbs() const { return herbs_; }

  // The herb one of whose names is `name` (canonical names win over aliases).
  std::optional<std::size_t> find(std::string_view name) const;

  // Every distinct non-empty name of herb i, canonical first.
  const std::vector<std::string>& names(std::size_t i) const { return names_[i]; }

 private:
  std::vector<std::string> collect_names(std::size_t i) const;

  std::vector<Herb> herbs_;
  std::vector<std::vector<std::string>> names_;
  text::NameIndex index_;
};

}  // namespace ayc::datagen
