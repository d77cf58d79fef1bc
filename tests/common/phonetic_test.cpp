#include "common/phonetic.h"

#include <catch2/catch.hpp>

namespace ayc::text {
namespace {

TEST_CASE("romanisations of one name share a key") {
  const std::vector<std::vector<const char*>> same = {
      {"dashmularishta", "dashamoolarishta", "dasamularishtam"},
      {"churna", "churan", "choorna", "choornam"},
      {"ghrita", "ghrit", "ghritam"},
      {"triphala", "trifla"},
      {"kumkumadi", "kunkumadi"},
      {"ashwagandha", "ashvagandha", "ashwgandha"},
      {"chyawanprash", "chyavanaprasha", "chyavanprash"},
      {"shatavari", "shatawari", "satavari"},
      {"guggulu", "guggul"},
      {"shilajit", "shilajeet"},
      {"tailam", "thailam", "taila"},
      {"kottakkal", "kotakkal"},
  };
  for (const auto& group : same) {
    for (const char* w : group) {
      INFO(w << " vs " << group[0]);
      CHECK_FALSE(phonetic_key(w).empty());
      CHECK(phonetic_key(w) == phonetic_key(group[0]));
    }
  }
}

TEST_CASE("different names keep different keys") {
  CHECK(phonetic_key("dashmularishta") == "dsmulrist");
  CHECK(phonetic_key("brahmi") != phonetic_key("bhringraj"));
  CHECK(phonetic_key("tulsi") != phonetic_key("triphala"));
  CHECK(phonetic_key("arjuna") != phonetic_key("ashwagandha"));
}

TEST_CASE("short words, digits and other scripts have no key") {
  CHECK(phonetic_key("oil").empty());
  CHECK(phonetic_key("amla").empty());  // "ml": too short to tell words apart
  CHECK(phonetic_key("liv52").empty());
  CHECK(phonetic_key("Tulsi").empty());  // callers pass normalised words
  CHECK(phonetic_key("\u0924\u0941\u0932\u0938\u0940").empty());
  CHECK(phonetic_key("").empty());
}

}  // namespace
}  // namespace ayc::text
