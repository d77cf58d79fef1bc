// Turns a ProductRecord into what the index stores for it: the Xapian
// document (terms, values, data) and the feature-store record.
//
// Thread-safety: one DocumentBuilder per thread (it owns a TermGenerator);
// the KnowledgeBase is shared read-only.
#pragma once

#include <memory>

#include <xapian.h>

#include "indexer/features.h"
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
  // `spelling_db` receives spelling data for names, brands, ingredients and
  // indications; it may be null (no spelling data).
  DocumentBuilder(const KnowledgeBase& kb, Xapian::WritableDatabase* spelling_db,
                  ranking::PriorParams prior = {});

  BuiltProduct build(const ProductRecord& p);
  static features::ProductFeatures to_features(const ProductRecord& p);

 private:
  void index_field(const std::string& text, unsigned weight, bool positions, bool spelling,
                   std::string_view prefix = {});
  void add_values(const ProductRecord& p, Xapian::Document& doc, double prior) const;

  const KnowledgeBase& kb_;
  Xapian::WritableDatabase* spelling_db_;
  ranking::PriorParams prior_;
  Xapian::TermGenerator tg_;
};

}  // namespace ayc::indexer
