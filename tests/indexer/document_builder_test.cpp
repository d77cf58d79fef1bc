#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "common/phonetic.h"
#include "common/text.h"
#include "index/index_schema.h"
#include "indexer/document_builder.h"

namespace ayc::indexer {
namespace {

// Herbs whose names exercise every step of a field: several words, a stop
// word, a diacritic, letters next to digits, a quantity, punctuation.
KnowledgeBase make_kb() {
  KnowledgeBase kb;
  kb.add_ingredient({"Ashwagandha", "", {"Ashwagandha", "Asgandh", "Root of Indian ginseng", "Withania somnifera"}, {}, "herb"});
  kb.add_ingredient({"Go Ghrita", "", {"Go Ghrita", "Gh\u1E5Bta", "Cow's ghee 500mg", "Ghee B12"}, {}, "mineral"});
  kb.add_ingredient({"Tulsi", "", {"Tulsi", "Tulasi", "Holy basil", "Ocimum sanctum (Tulsi)"}, {}, "herb"});
  return kb;
}

// Terms with a wdf (the boolean ones left out) of a built document.
std::map<std::string, Xapian::termcount> weighted_terms(const Xapian::Document& doc) {
  std::map<std::string, Xapian::termcount> out;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
    if (t.get_wdf() > 0) out[*t] = t.get_wdf();
  return out;
}

std::set<std::string> phonetic_terms(const Xapian::Document& doc) {
  std::set<std::string> out;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
    if ((*t).rfind(index::kPrefixPhonetic, 0) == 0) out.insert(*t);
  return out;
}

ProductRecord with_ingredients(const std::string& id, const std::string& json) {
  ProductRecord p;
  p.id = id;
  p.status = "active";
  p.ingredients_json = json;
  return p;
}

const char* kAllNames =
    "Ashwagandha . Asgandh . Root of Indian ginseng . Withania somnifera . "
    "Go Ghrita . Gh\u1E5Bta . Cow's ghee 500mg . Ghee B12 . "
    "Tulsi . Tulasi . Holy basil . Ocimum sanctum (Tulsi) . Mystery herb 5g . ";

TEST_CASE("the ingredient field is every name of each herb, as if read as one text") {
  const KnowledgeBase kb = make_kb();
  DocumentBuilder builder(kb);
  const std::string json = R"([{"name": "Withania somnifera"}, {"name": "Go Ghrita"}, "Holy basil", "Mystery herb 5g"])";
  const auto resolved = kb.resolve_ingredients(json);
  REQUIRE(resolved.size() == 4);
  CHECK(resolved[0].ingredient != nullptr);
  CHECK(resolved[1].ingredient != nullptr);
  CHECK(resolved[2].ingredient != nullptr);
  CHECK(resolved[3].ingredient == nullptr);  // not in the knowledge base: its own words
  BuiltProduct product = builder.build(with_ingredients("p1", json));

  // The same names read whole as the description: the description's weight
  // is 1, the ingredient field's index::kWeightIngredient.
  DocumentBuilder reference_builder(kb);
  ProductRecord described;
  described.id = "p2";
  described.status = "active";
  described.description = kAllNames;
  BuiltProduct reference = reference_builder.build(described);

  const auto got = weighted_terms(product.document);
  const auto want = weighted_terms(reference.document);
  REQUIRE(!want.empty());
  CHECK(got.size() == want.size());
  for (const auto& [term, wdf] : want) {
    INFO("term " << term);
    auto it = got.find(term);
    REQUIRE(it != got.end());
    CHECK(it->second == wdf * index::kWeightIngredient);
  }
  CHECK(got.count("b") == 1);   // "B12" split into letters and digits
  CHECK(got.count("12") == 1);
  CHECK(got.count("of") == 0);  // a stop word

  // Spelling words and phonetic keys: each word of the names, as read whole.
  std::map<std::string, unsigned> spelling;
  std::set<std::string> keys;
  for (const auto& w : text::split_words(text::normalize(text::split_quantities(kAllNames)))) {
    if (index::is_spelling_word(w)) ++spelling[w];
    const std::string key = text::phonetic_key(w);
    if (!key.empty()) keys.insert(index::phonetic_term(key));
  }
  CHECK(std::map<std::string, unsigned>(builder.spelling_words().begin(), builder.spelling_words().end()) == spelling);
  CHECK(phonetic_terms(product.document) == keys);
  CHECK(product.document.termlist_count() > got.size());  // the boolean terms are still there

  SECTION("a second product naming the same herbs, in another order, gets the same field") {
    BuiltProduct again = builder.build(
        with_ingredients("p3", R"(["Mystery herb 5g", "Tulasi", {"name": "Go Ghrita"}, "Asgandh"])"));
    CHECK(weighted_terms(again.document) == got);
    CHECK(phonetic_terms(again.document) == keys);
    for (const auto& [word, count] : spelling) CHECK(builder.spelling_words().at(word) == 2 * count);
  }

  SECTION("a herb named twice counts once") {
    BuiltProduct twice = builder.build(with_ingredients(
        "p4", R"(["Ashwagandha", "Withania somnifera", "Gh\u1E5Bta", "Holy basil", "Mystery herb 5g"])"));
    CHECK(weighted_terms(twice.document) == got);
  }
}

TEST_CASE("a herb the product's own text names, under any name, is marked as mentioned") {
  const KnowledgeBase kb = make_kb();
  DocumentBuilder builder(kb);
  ProductRecord p = with_ingredients("p1", R"(["Asgandh"])");
  p.name = "Calm Tablets";
  p.short_description = "With holy basil.";
  p.description = "Made the classical way, cooked in Ghee B12.";
  p.search_keywords = "stress";
  const BuiltProduct built = builder.build(p);
  std::set<std::string> mentioned;
  for (auto t = built.document.termlist_begin(); t != built.document.termlist_end(); ++t)
    if ((*t).rfind(index::kPrefixMentionedIngredient, 0) == 0) mentioned.insert(*t);
  // Tulsi from the short description, Go Ghrita from the description under
  // another name; not Ashwagandha, which only the ingredient list names.
  CHECK(mentioned == std::set<std::string>{index::mentioned_ingredient_term("go-ghrita"),
                                           index::mentioned_ingredient_term("tulsi")});

  ProductRecord keywords = with_ingredients("p2", "[]");
  keywords.search_keywords = "withania somnifera, root";
  const BuiltProduct by_keywords = builder.build(keywords);
  bool found = false;
  for (auto t = by_keywords.document.termlist_begin(); t != by_keywords.document.termlist_end(); ++t)
    found = found || *t == index::mentioned_ingredient_term("ashwagandha");
  CHECK(found);
}

}  // namespace
}  // namespace ayc::indexer
