#include <catch2/catch.hpp>

#include "server/search/autocomplete.h"
#include "tests/server/search/search_index_fixture.h"

namespace ayc::search {
namespace {

features::Suggestion sug(std::string text, std::vector<std::string> keys, features::SuggestionKind kind, double w) {
  return {std::move(text), std::move(keys), kind, "", w};
}

Autocomplete sample() {
  Autocomplete ac;
  ac.add(sug("Tulsi", {"tulsi", "holy basil", "ocimum sanctum", "tulasi"}, features::SuggestionKind::kIngredient, 3));
  ac.add(sug("Organic India Tulsi Green Tea", {"organic india tulsi green tea"}, features::SuggestionKind::kProduct, 5));
  ac.add(sug("Ashwagandha", {"ashwagandha", "indian ginseng"}, features::SuggestionKind::kIngredient, 4));
  ac.add(sug("triphala churna", {"triphala churna"}, features::SuggestionKind::kQuery, 1));
  ac.build();
  return ac;
}

bool has(const std::vector<Completion>& cs, const std::string& text) {
  for (const auto& c : cs)
    if (c.text == text) return true;
  return false;
}

TEST_CASE("prefixes complete from any word start and any name") {
  auto ac = sample();
  auto tuls = ac.complete("tuls", 5);
  CHECK(has(tuls, "Tulsi"));
  CHECK(has(tuls, "Organic India Tulsi Green Tea"));
  CHECK(has(ac.complete("holy b", 5), "Tulsi"));
  CHECK(has(ac.complete("indian gin", 5), "Ashwagandha"));
  CHECK(has(ac.complete("trip", 5), "triphala churna"));
  CHECK(ac.complete("", 5).empty());
  CHECK(ac.complete("zzzz", 5).empty());
}

TEST_CASE("a quantity typed against its unit completes names that write it apart") {
  Autocomplete ac;
  ac.add(sug("Dabur Chyawanprash 1 kg", {"dabur chyawanprash 1 kg"}, features::SuggestionKind::kProduct, 1));
  ac.build();
  CHECK(has(ac.complete("chyawanprash 1kg", 5), "Dabur Chyawanprash 1 kg"));
  CHECK(has(ac.complete("chyawanprash 1", 5), "Dabur Chyawanprash 1 kg"));
}

TEST_CASE("one typo is tolerated in prefixes of four or more characters") {
  auto ac = sample();
  CHECK(has(ac.complete("ashwg", 5), "Ashwagandha"));    // deletion
  CHECK(has(ac.complete("asjwa", 5), "Ashwagandha"));    // substitution
  CHECK(has(ac.complete("tuslsi", 5), "Tulsi"));         // insertion
  CHECK(ac.complete("asj", 5).empty());                  // too short for typo tolerance
}

TEST_CASE("a name spelt the other common way completes, after the prefix as typed, before typos") {
  auto make = [](bool with_query) {
    Autocomplete ac;
    ac.add(sug("Triphala Churna", {"triphala churna"}, features::SuggestionKind::kProduct, 2));
    ac.add(sug("Gokshura", {"gokshura", "tribulus terrestris"}, features::SuggestionKind::kIngredient, 9));
    ac.add(sug("Shatavari", {"shatavari"}, features::SuggestionKind::kIngredient, 3));
    if (with_query) ac.add(sug("trifala", {"trifala"}, features::SuggestionKind::kQuery, 1));
    ac.build();
    return ac;
  };
  const Autocomplete ac = make(false);
  auto trif = ac.complete("trif", 5);
  REQUIRE(trif.size() == 2);
  CHECK(trif[0].text == "Triphala Churna");  // f spelt ph
  CHECK(trif[1].text == "Gokshura");         // one edit ("trib"), however popular
  CHECK(has(ac.complete("shataw", 5), "Shatavari"));
  CHECK_FALSE(has(ac.complete("tf", 5), "Triphala Churna"));  // too short to guess

  auto typed = make(true).complete("trif", 5);
  REQUIRE(typed.size() == 2);
  CHECK(typed[0].text == "trifala");          // as typed first
  CHECK(typed[1].text == "Triphala Churna");  // typos only when almost nothing is found
}

TEST_CASE("completions rank by popularity and respect the limit") {
  auto ac = sample();
  auto r = ac.complete("t", 2);
  REQUIRE(r.size() == 2);
  CHECK(r[0].text == "Organic India Tulsi Green Tea");  // weight 5 beats 3 and 1
}

TEST_CASE("a real generation's suggestions offer products, brands and ingredients") {
  ayc::testing::SearchIndexFixture fx;
  const auto& ac = fx.snapshot->autocomplete();
  CHECK(has(ac.complete("maha", 10), "Mahanarayan Oil 200 ml"));
  CHECK(has(ac.complete("kotta", 10), "Kottakkal Arya Vaidya Sala"));
  CHECK(has(ac.complete("asgan", 10), "Ashwagandha"));
  CHECK_FALSE(has(ac.complete("tuls", 10), "Tulsi Drops 30 ml"));  // a draft product
  auto popular = ac.complete("mahanarayan o", 10);
  bool query_offered = false;
  for (const auto& c : popular) query_offered = query_offered || c.kind == features::SuggestionKind::kQuery;
  CHECK(query_offered);                                   // searched three times, found things
  CHECK_FALSE(has(ac.complete("chyawanp", 10), "chyawanprsh"));  // a misspelling is not suggested
  CHECK(ac.complete("zzq", 10).empty());                  // found nothing: never suggested
}

}  // namespace
}  // namespace ayc::search
