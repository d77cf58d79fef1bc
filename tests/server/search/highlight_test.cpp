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

TEST_CASE("words are matched by stem whatever their case, others pass through untouched") {
  // "Dabur" and "&" start with no query word's letter; "Tablets" stems to "tablet".
  CHECK(highlight("Dabur Ashwagandha Tablets & \"More\"", {"ashwagandha", "tablet"}, {"ashwagandha", "tablet"}, "") ==
        "Dabur <mark>Ashwagandha</mark> <mark>Tablets</mark> &amp; &quot;More&quot;");
  CHECK(highlight("Tabletop tablets", {"tablet"}, {"tablet"}, "") == "Tabletop <mark>tablets</mark>");
  CHECK(highlight("Yoga, yogic; YOGA", {"yoga"}, {"yoga"}, "") == "<mark>Yoga</mark>, yogic; <mark>YOGA</mark>");
}

TEST_CASE("words end at Unicode punctuation, letters with diacritics match as typed in ASCII") {
  CHECK(highlight("Ashwagandha\u2013Brahmi \u201CVati\u201D", {"brahmi", "vati"}, {"brahmi", "vati"}, "") ==
        "Ashwagandha\u2013<mark>Brahmi</mark> \u201C<mark>Vati</mark>\u201D");
  CHECK(highlight("Ashwa\u00ADgandha Churna", {"ashwagandha"}, {"ashwagandha"}, "") ==
        "<mark>Ashwa\u00ADgandha</mark> Churna");
  CHECK(highlight("\u0100yurvedic A\u015Bvagandh\u0101", {"ayurved", "ashvagandha"}, {"ashvagandha"}, "") ==
        "<mark>\u0100yurvedic</mark> <mark>A\u015Bvagandh\u0101</mark>");  // by stem and by word
  CHECK(highlight("\u0905\u0936\u094D\u0935\u0917\u0902\u0927\u093E", {}, {}, "") ==
        "\u0905\u0936\u094D\u0935\u0917\u0902\u0927\u093E");
}

}  // namespace
}  // namespace ayc::search
