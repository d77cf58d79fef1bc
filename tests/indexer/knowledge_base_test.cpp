#include <catch2/catch.hpp>

#include "indexer/knowledge_base.h"

namespace ayc::indexer {
namespace {

KnowledgeBase make_kb() {
  KnowledgeBase kb;
  kb.add_ingredient({"Ashwagandha", "", {"Ashwagandha", "Asgandh", "Indian ginseng", "Withania somnifera"}, {"stress"}, "herb"});
  kb.add_ingredient({"Tulsi", "", {"Tulsi", "Tulasi", "Holy basil", "Ocimum sanctum"}, {"cough"}, "herb"});
  kb.add_synonym_group({"acidity", {"hyperacidity", "Heartburn", "acid reflux"}, "indication"});
  return kb;
}

TEST_CASE("any name resolves to its ingredient") {
  auto kb = make_kb();
  REQUIRE(kb.find("asgandh") != nullptr);
  CHECK(kb.find("  WITHANIA-somnifera ")->canonical_name == "Ashwagandha");
  CHECK(kb.find("holy basil")->canonical_name == "Tulsi");
  CHECK(kb.find("neem") == nullptr);
}

TEST_CASE("ingredient JSON in the shapes real feeds use") {
  auto kb = make_kb();
  auto objects = kb.resolve_ingredients(R"([{"name": "Indian ginseng", "quantity": "250 mg"}, {"herb": "Tulasi"}])");
  REQUIRE(objects.size() == 2);
  CHECK(objects[0].ingredient->canonical_name == "Ashwagandha");
  CHECK(objects[1].ingredient->canonical_name == "Tulsi");

  auto strings = kb.resolve_ingredients(R"(["Withania somnifera root extract", "Mystery herb"])");
  REQUIRE(strings.size() == 2);
  CHECK(strings[0].ingredient->canonical_name == "Ashwagandha");
  CHECK(strings[1].ingredient == nullptr);
  CHECK(strings[1].raw_name == "Mystery herb");

  auto csv = kb.resolve_ingredients(R"("Tulsi, Asgandh")");
  REQUIRE(csv.size() == 2);
  CHECK(kb.resolve_ingredients("not json").empty());
  CHECK(kb.resolve_ingredients("{}").empty());
}

TEST_CASE("names inside free text are found on word boundaries") {
  auto kb = make_kb();
  auto found = kb.find_in_text("Tulsi (Ocimum sanctum) and Ashwagandha with honey");
  REQUIRE(found.size() == 2);
  CHECK(found[0]->canonical_name == "Tulsi");
  CHECK(kb.find_in_text("Tulsidas").empty());
}

TEST_CASE("synonym groups cover ingredients and shopper vocabulary") {
  auto kb = make_kb();
  auto groups = kb.synonym_groups();
  REQUIRE(groups.size() == 3);
  CHECK(groups[0].terms.size() == 4);
  CHECK(groups[2].terms[0] == "acidity");
  CHECK(groups[2].terms[2] == "heartburn");
  CHECK(parse_string_list(R"(["joint pain", {"name": "arthritis"}])").size() == 2);
}

}  // namespace
}  // namespace ayc::indexer
