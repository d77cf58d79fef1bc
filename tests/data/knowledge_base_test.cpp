#include "data/datagen/knowledge_base.h"

#include <catch2/catch.hpp>

#include "data/datagen/reference_data.h"
#include "tests/data/test_reference.h"

namespace ayc::datagen {
namespace {

TEST_CASE("a herb is found under any of its names") {
  const ReferenceData ref = testing::test_reference();
  const KnowledgeBase& kb = ref.kb;
  auto ashwagandha = kb.find("Ashwagandha");
  REQUIRE(ashwagandha);
  for (const char* name : {"ashwagandha", "ASGANDH", "Indian ginseng", "Withania somnifera", "Aswagandha",
                           "  ashwagandha  ", "Ashvagandha"}) {
    INFO(name);
    CHECK(kb.find(name) == ashwagandha);
  }
  CHECK(kb.herb(*kb.find("Giloy")).canonical_name == "Guduchi");
  CHECK(kb.herb(*kb.find("Amla")).canonical_name == "Amalaki");
  CHECK_FALSE(kb.find("Unobtainium").has_value());
}

TEST_CASE("suffixes that labels add are tolerated, and names are listed canonical first") {
  KnowledgeBase kb({Herb{"Loha bhasma", "Lauha bhasma", "", "Iron", "", {"Loha"}, "mineral", {"anemia"}},
                    Herb{"Eranda", "Eranda", "Arandi", "Castor", "Ricinus communis", {}, "herb", {"constipation"}}});
  CHECK(kb.find("Loha Bhasma").has_value());
  CHECK(kb.herb(*kb.find("Eranda Oil")).canonical_name == "Eranda");
  auto names = kb.names(*kb.find("Eranda"));
  REQUIRE(names.size() == 4);  // Sanskrit equals the canonical name: listed once
  CHECK(names[0] == "Eranda");
  CHECK(names[1] == "Arandi");
}

TEST_CASE("prices convert to the shopper's currency at shelf price points") {
  const ReferenceData ref = testing::test_reference();
  CHECK(local_price_cents(ref, 24900, "INR") == 24900);
  const std::int64_t usd = local_price_cents(ref, 83000, "USD");  // Rs 830 = $10, plus the overseas markup
  CHECK(usd == 1399);  // $13.50 -> $13.99
  CHECK(local_price_cents(ref, 100, "USD") == 199);  // never below 1.99
  CHECK(convert_cents(ref, 83000, "GBP") == 750);
  CHECK(ref.currency_or_inr("AED") == "INR");
}

}  // namespace
}  // namespace ayc::datagen
