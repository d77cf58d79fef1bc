// Turns a ProductRecord into what the index stores for it: the Xapian
// document (terms, values, data) and the feature-store record.
//
// Thread-safety: one DocumentBuilder per thread (it owns a TermGenerator);
// the KnowledgeBase is shared read-only.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <xapian.h>

#include "index/features.h"
#include "indexer/knowledge_base.h"
#include "indexer/product_record.h"
#include "ranking/scoring.h"

namespace ayc::indexer {

struct BuiltProduct {
  Xapian::Document document;
  features::ProductFeatures features;
  std::string id_term;
};

class DocumentBuilder {
 public:
  explicit DocumentBuilder(const KnowledgeBase& kb, ranking::PriorParams prior = {});

  BuiltProduct build(const ProductRecord& p);
  static features::ProductFeatures to_features(const ProductRecord& p);

  // Words of names, brands, ingredient names and indications seen so far,
  // with their frequencies: the spelling dictionary, added to the database
  // once per word at the end (adding per occurrence is far slower).
  const std::unordered_map<std::string, unsigned>& spelling_words() const { return spelling_; }

 private:
  // What an ingredient's names add to a product's ingredient field: the
  // terms index_field makes of "name . name . ..." at weight 1 (with their
  // counts), the spelling words (with their counts) and the phonetic keys.
  // Made once per ingredient and builder: a product's field is the sum of
  // its ingredients', so the words of every herb's many names are not read
  // again for each product naming the herb.
  struct IngredientField {
    std::vector<std::pair<std::string, Xapian::termcount>> terms;
    std::unordered_map<std::string, unsigned> spelling_words;
    std::set<std::string> phonetic_keys;
  };

  void index_field(const std::string& raw, unsigned weight, bool positions, bool spelling);
  const IngredientField& ingredient_field(const Ingredient& ingredient);
  void add_ingredient_field(const IngredientField& field, Xapian::Document& doc);
  // XN<stem> of every word of the name (boolean): search rewards a concept
  // the name holds (server/search/matcher.cpp).
  void add_name_terms(const std::string& name, Xapian::Document& doc) const;
  // XNK, XK and XM<slug> of the herbs the product's own text names.
  void add_named_herb_terms(const ProductRecord& p, Xapian::Document& doc) const;
  void add_use_terms(const std::string& uses, Xapian::Document& doc) const;
  void add_values(const ProductRecord& p, Xapian::Document& doc, double prior) const;

  const KnowledgeBase& kb_;
  ranking::PriorParams prior_;
  Xapian::SimpleStopper stopper_;
  Xapian::Stem stemmer_;  // a StemCache, tg_'s too: the name's boolean terms use it as well
  Xapian::TermGenerator tg_;
  Xapian::TermGenerator field_tg_;  // tg_'s settings, for ingredient_field()
  std::unordered_map<const Ingredient*, IngredientField> ingredient_fields_;
  std::unordered_map<std::string, unsigned> spelling_;
  std::set<std::string> phonetic_keys_;  // of the product being built
};

}  // namespace ayc::indexer
