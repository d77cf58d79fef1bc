#include <catch2/catch.hpp>

#include "indexer/stem_cache.h"

namespace ayc::indexer {
namespace {

const char* const kWords[] = {"ashwagandha", "tablets", "churnas", "relieving", "digestion", "digestive",
                              "joints", "stress", "running", "happily", "oils", "ghritas", "", "b12"};

TEST_CASE("a cached stemmer gives the plain stemmer's stems, asked once or many times") {
  Xapian::Stem plain("english");
  Xapian::Stem cached = cached_stemmer("english");
  for (int round = 0; round < 3; ++round)
    for (const char* w : kWords) CHECK(cached(w) == plain(w));
  CHECK(cached.get_description().find("english") != std::string::npos);
}

TEST_CASE("a full stem cache starts again and keeps answering correctly") {
  Xapian::Stem plain("english");
  auto* cache = new StemCache("english", 4);
  Xapian::Stem cached(cache);
  for (const char* w : kWords) {
    CHECK(cached(w) == plain(w));
    CHECK(cache->size() <= 4);
  }
  CHECK(cache->size() >= 1);
}

}  // namespace
}  // namespace ayc::indexer
