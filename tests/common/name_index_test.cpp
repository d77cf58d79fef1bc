#include <catch2/catch.hpp>

#include "common/name_index.h"

namespace ayc::text {
namespace {

NameIndex herbs() {
  NameIndex idx;
  idx.add("Ashwagandha", 0, true);
  idx.add("Withania somnifera", 0, false);
  idx.add("Asgandh", 0, false);
  idx.add("Amalaki", 1, true);
  idx.add("Amla", 1, false);
  idx.add("Indian gooseberry", 1, false);
  return idx;
}

TEST_CASE("any name, in any case and punctuation, finds its entry") {
  auto idx = herbs();
  CHECK(idx.find("ASHWAGANDHA") == 0u);
  CHECK(idx.find("withania-somnifera") == 0u);
  CHECK(idx.find("Indian Gooseberry") == 1u);
  CHECK_FALSE(idx.find("tulsi"));
  CHECK_FALSE(idx.find(""));
}

TEST_CASE("a canonical name wins over another entry's alias, whatever the order they were added") {
  NameIndex alias_first;
  alias_first.add("Bala", 7, false);  // listed as another herb's alias
  alias_first.add("Bala", 3, true);
  CHECK(alias_first.find("bala") == 3u);
  NameIndex canonical_first;
  canonical_first.add("Bala", 3, true);
  canonical_first.add("Bala", 7, false);
  CHECK(canonical_first.find("bala") == 3u);
  NameIndex two_aliases;  // otherwise the first one added
  two_aliases.add("Jeera", 4, false);
  two_aliases.add("Jeera", 9, false);
  CHECK(two_aliases.find("jeera") == 4u);
}

TEST_CASE("names inside free text are found on word boundaries, longest first, each entry once") {
  auto idx = herbs();
  CHECK(idx.find_in_text("Ashwagandha (Withania somnifera) root extract") == std::vector<std::uint32_t>{0});
  CHECK(idx.find_in_text("Amla juice with Indian gooseberry and asgandh") == std::vector<std::uint32_t>{1, 0});
  CHECK(idx.find_in_text("amlaki and ashwagandhaa").empty());  // whole words only
}

TEST_CASE("the longest run of words that is a name resolves an ingredient written with extra words") {
  auto idx = herbs();
  CHECK(idx.find_longest_run("Ashwagandha root extract") == 0u);
  CHECK(idx.find_longest_run("standardised Withania somnifera extract") == 0u);
  CHECK(idx.find_longest_run("Amla") == 1u);
  CHECK_FALSE(idx.find_longest_run("root extract"));
}

}  // namespace
}  // namespace ayc::text
