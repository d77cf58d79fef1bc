#include "server/search/cache_key.h"

#include <catch2/catch.hpp>

namespace ayc::search {
namespace {

TEST_CASE("cache_key: different lists of parts give different keys") {
  CHECK(cache_key({"ab", "c"}) != cache_key({"a", "bc"}));
  CHECK(cache_key({"a\x1f" "b"}) != cache_key({"a", "b"}));
  CHECK(cache_key({"", "x"}) != cache_key({"x", ""}));
  CHECK(cache_key({"related", "similar", "10"}) == cache_key({"related", "similar", "10"}));
}

}  // namespace
}  // namespace ayc::search
