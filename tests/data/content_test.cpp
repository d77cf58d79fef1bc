#include "data/datagen/content.h"

#include <map>
#include <set>
#include <string>

#include <catch2/catch.hpp>

#include "data/datagen/content_people.h"

namespace ayc::datagen {
namespace {

TEST_CASE("about forty real brands with unique slugs and SKU codes, the seed's three first") {
  auto bs = brands();
  CHECK(bs.size() >= 40);
  std::set<std::string> slugs, codes;
  for (const auto& b : bs) {
    REQUIRE(slugs.insert(b.slug).second);
    REQUIRE(codes.insert(b.sku_code).second);
    CHECK(b.established_year > 1850);
    CHECK(b.established_year < 2025);
  }
  CHECK(std::string(bs[0].slug) == "kottakkal");
  CHECK(std::string(bs[0].name) == "Kottakkal Arya Vaidya Sala");
  CHECK(std::string(bs[1].slug) == "vaidyaratnam");
  CHECK(std::string(bs[2].slug) == "kerala-ayurveda");
  CHECK(slugs.count("dabur"));
  CHECK(slugs.count("himalaya"));
  CHECK(slugs.count("hamdard") == 0);  // Unani, not Ayurveda
}

TEST_CASE("the category tree is three levels under the seed's roots") {
  std::map<std::string, std::string> parent;
  for (const auto& c : categories()) REQUIRE(parent.emplace(c.slug, c.parent_slug).second);
  for (const char* root : {"classical-medicines", "personal-care", "health-supplements", "oils-ghee"}) {
    REQUIRE(parent.count(root));
    CHECK(parent[root].empty());
  }
  int deepest = 0;
  for (const auto& [slug, up] : parent) {
    int depth = 1;
    for (std::string p = up; !p.empty(); p = parent.at(p)) {
      REQUIRE(parent.count(p));
      ++depth;
    }
    deepest = std::max(deepest, depth);
  }
  CHECK(deepest == 3);
  for (const char* child : {"churna", "arishta-asava", "kashayam", "bhasma-pishti", "hair-care", "joint-care",
                            "medicated-oils", "stress-sleep"}) {
    CHECK(parent.count(child));
  }
}

TEST_CASE("at least eighty classical formulations, each with ingredients, indications and a source") {
  auto fs = formulations();
  CHECK(fs.size() >= 80);
  std::set<std::string> names;
  for (const auto& f : fs) {
    INFO(f.name);
    REQUIRE(names.insert(f.name).second);
    CHECK(!split_list(f.ingredients).empty());
    CHECK(!split_list(f.indications).empty());
    CHECK(std::string(f.source).size() > 3);
    for (auto ind : split_list(f.indications)) {
      for (char ch : ind) CHECK_FALSE((ch >= 'A' && ch <= 'Z'));
    }
  }
  for (const char* must : {"Ashwagandharishta", "Chyawanprash", "Triphala Churna", "Yogaraj Guggulu",
                           "Mahanarayan Oil", "Kumkumadi Tailam", "Rasnadi Kashayam", "Swarna Bhasma"}) {
    CHECK(names.count(must));
  }
}

TEST_CASE("every regimen slot names a product the content defines") {
  std::set<std::string> known;
  for (const auto& f : formulations()) known.insert(std::string("f:") + f.name);
  for (const auto& n : named_products()) known.insert(std::string("n:") + n.name);
  std::set<std::string> herbs;
  for (const auto& h : herb_forms()) herbs.insert(h.herb);
  for (const auto& r : regimens()) {
    INFO(r.condition);
    CHECK(r.slots[0] != nullptr);
    for (const char* slot : r.slots) {
      if (slot == nullptr) continue;
      for (auto ref : split_list(slot)) {
        INFO(ref);
        if (ref.starts_with("h:")) {
          auto herb = ref.substr(2, ref.rfind(':') - 2);
          CHECK(herbs.count(std::string(herb)));
        } else {
          CHECK(known.count(std::string(ref)));
        }
      }
    }
  }
}

TEST_CASE("groups line up with the Group enum and have valid packs") {
  auto gs = groups();
  REQUIRE(gs.size() == static_cast<std::size_t>(Group::kCount));
  for (std::size_t i = 0; i < gs.size(); ++i) {
    INFO(gs[i].key);
    CHECK(static_cast<std::size_t>(gs[i].group) == i);
    auto packs = split_list(gs[i].packs);
    CHECK(gs[i].reference_pack < static_cast<int>(packs.size()));
    CHECK((gs[i].tax_rate == 5 || gs[i].tax_rate == 12 || gs[i].tax_rate == 18));
  }
}

TEST_CASE("countries use ISO codes and every city belongs to one") {
  std::set<std::string> codes;
  double share = 0;
  for (const auto& c : countries()) {
    CHECK(std::string(c.code).size() == 2);
    codes.insert(c.code);
    share += c.customer_share;
  }
  CHECK(share == Approx(1.0));
  for (const auto& city : cities()) CHECK(codes.count(city.country_code));
}

}  // namespace
}  // namespace ayc::datagen
