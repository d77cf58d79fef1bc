#include <catch2/catch.hpp>

#include "server/search/highlight.h"

namespace ayc::search {
namespace {

TEST_CASE("matched words are marked, everything is escaped") {
  CHECK(highlight("Tulsi <Drops> & more", {"tulsi"}, {"tulsi"}, "") ==
        "<mark>Tulsi</mark> &lt;Drops&gt; &amp; more");
  CHECK(highlight("Herbal Oils", {"oil"}, {}, "") == "Herbal <mark>Oils</mark>");  // by stem
  CHECK(highlight("Ashwagandha Churna", {}, {}, "ashw") == "<mark>Ashwagandha</mark> Churna");
  CHECK(highlight("", {"x"}, {"x"}, "") == "");
}

}  // namespace
}  // namespace ayc::search
