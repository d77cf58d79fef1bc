// The Ayurvedic ingredient knowledge base and the shopper synonym groups, as
// loaded from PostgreSQL (`ingredients`, `search_synonyms`).
//
// Resolves whatever a product feed calls an ingredient ("Asgandh", "Withania
// somnifera root extract", {"name": "Indian ginseng"}) to one canonical
// ingredient, so the product is indexed under every name of it, and exposes
// the synonym groups that go into the index's synonym table.
//
// Thread-safety: build on one thread, then const methods are safe to share.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/name_index.h"

namespace ayc::indexer {

struct Ingredient {
  std::string canonical_name;             // "Ashwagandha"
  std::string slug;                       // "ashwagandha"
  std::vector<std::string> names;         // every name, display form, canonical first
  std::vector<std::string> uses;          // "stress", "sleep", ...
  std::string kind;                       // herb | mineral | ...
};

struct SynonymGroup {
  std::string canonical;                  // "acidity"
  std::vector<std::string> terms;         // normalised phrases, canonical first
  std::string kind;                       // indication | form | general | ingredient
};

struct ResolvedIngredient {
  std::string raw_name;                   // as the product feed wrote it
  const Ingredient* ingredient = nullptr; // null when the knowledge base has no match
};

class KnowledgeBase {
 public:
  void add_ingredient(Ingredient ingredient);
  void add_synonym_group(SynonymGroup group);

  // Any name, any case/punctuation -> the ingredient, if the name is known.
  const Ingredient* find(std::string_view any_name) const;

  // Finds known ingredient names inside free text on word boundaries, longest
  // first: "Ashwagandha (Withania somnifera) root extract" -> Ashwagandha.
  std::vector<const Ingredient*> find_in_text(std::string_view text) const;

  // Parses a product's JSONB ingredients (array of strings, or of objects with
  // name/ingredient/herb keys, or one comma-separated string) and resolves
  // each entry. Malformed JSON yields an empty list.
  std::vector<ResolvedIngredient> resolve_ingredients(std::string_view json) const;

  const std::vector<Ingredient>& ingredients() const { return ingredients_; }
  // Ingredient name groups followed by the shopper synonym groups.
  std::vector<SynonymGroup> synonym_groups() const;
  std::size_t name_count() const { return names_.size(); }

 private:
  std::vector<Ingredient> ingredients_;
  std::vector<SynonymGroup> groups_;
  text::NameIndex names_;  // every name -> index into ingredients_
};

// Parses a JSONB list of strings (or objects with a name-like key, or one
// comma-separated string) into plain strings; malformed JSON yields {}.
std::vector<std::string> parse_string_list(std::string_view json);

}  // namespace ayc::indexer
