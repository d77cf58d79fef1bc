// Maps the ingredient names products use to canonical ingredient ids.
//
// A product may name a herb by any of its names (canonical, Sanskrit, Hindi,
// English, botanical or another), so "Withania somnifera", "Asgandh" and
// "Ashwagandha" must all become the same id before content similarity can see
// that two products share it. Names are compared after ayc::text::normalize
// (ASCII case-folded, punctuation to spaces). A name that is not in the
// knowledge base as a whole is matched by its longest run of words that is
// ("Ashwagandha root extract" -> Ashwagandha); a name matching nothing gets an
// id of its own, shared by every product spelling it the same way.
//
// Where two knowledge-base entries claim the same name, a canonical name wins
// over the other names, then the entry listed first.
//
// Thread-safety: find() may be called concurrently; resolve() mutates.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/name_index.h"

namespace ayc::recsys {

// One knowledge-base row (the `ingredients` table).
struct KbIngredient {
  std::string canonical_name;
  std::vector<std::string> other_names;  // Sanskrit, Hindi, English, botanical, other_names[]
};

class IngredientResolver {
 public:
  // Entry n of `kb` gets id n.
  explicit IngredientResolver(std::span<const KbIngredient> kb);

  // The knowledge-base id for `name`, or nullopt when no entry matches.
  std::optional<std::uint32_t> find(std::string_view name) const;

  // find(), or a stable new id (>= knowledge-base size) for an unknown name;
  // nullopt only for a name with no letters or digits.
  std::optional<std::uint32_t> resolve(std::string_view name);

  std::size_t kb_size() const { return kb_size_; }
  // Knowledge-base entries plus unknown names seen so far.
  std::size_t size() const { return next_id_; }

 private:
  text::NameIndex names_;
  std::unordered_map<std::string, std::uint32_t> unknown_;
  std::size_t kb_size_ = 0;
  std::size_t next_id_ = 0;
};

}  // namespace ayc::recsys
