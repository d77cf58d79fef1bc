// Builds the autocomplete suggestions of a generation: product names,
// brands, categories, ingredients (under every name, so "tuls" offers Tulsi)
// and popular past queries, each with a popularity weight.
//
// Thread-safety: one builder per thread; merge() combines per-thread builders.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "index/features.h"
#include "indexer/catalog_reader.h"
#include "indexer/knowledge_base.h"
#include "indexer/product_record.h"

namespace ayc::indexer {

class SuggestionBuilder {
 public:
  // Counts a searchable product's popularity towards its brand, categories and ingredients.
  void add_product(const ProductRecord& p, const KnowledgeBase& kb);
  void merge(SuggestionBuilder&& other);

  // Brand, category, ingredient and query suggestions, each keyed by what
  // identifies it in the feature store ("b:<brand slug>", "c:<category slug>",
  // "i:<ingredient slug>", "q:<normalised query>"). Product suggestions
  // ("p:<product id>") are written product by product with product_suggestion().
  std::vector<std::pair<std::string, features::Suggestion>> build(const CatalogContext& ctx) const;

  // The suggestion for one product, for incremental updates.
  static std::pair<std::string, features::Suggestion> product_suggestion(const ProductRecord& p);

 private:
  struct Tally {
    double weight = 0;
    int products = 0;
  };
  std::unordered_map<std::string, Tally> brands_, categories_, ingredients_;
};

}  // namespace ayc::indexer
