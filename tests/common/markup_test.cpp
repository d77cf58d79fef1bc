#include "common/markup.h"

#include <catch2/catch.hpp>

namespace ayc::text {
namespace {

TEST_CASE("text without markup comes back unchanged") {
  CHECK(markup_to_text("") == "");
  CHECK(markup_to_text("Ashwagandha Churna\nfor  stress") == "Ashwagandha Churna\nfor  stress");
  CHECK(markup_to_text("Tulsi & Ginger") == "Tulsi & Ginger");  // a bare ampersand is text
}

TEST_CASE("tags go, blocks become lines, inline tags join without a space") {
  CHECK(markup_to_text("<p><strong>Ashwagandha</strong> supports sleep&nbsp;&amp; calm</p>"
                       "<ul>\n  <li>60 tablets</li>\n  <li>Vegan</li>\n</ul>") ==
        "Ashwagandha supports sleep & calm\n60 tablets\nVegan");
  CHECK(markup_to_text("<b>Ash</b>wagandha") == "Ashwagandha");
  CHECK(markup_to_text("Line one<br>line two<BR/>line three<br />") == "Line one\nline two\nline three");
  CHECK(markup_to_text("<div class=\"desc\" data-x='a>b'>Brahmi <a href=\"/p?a=1&b=2\">Vati</a></div>") ==
        "Brahmi Vati");
  CHECK(markup_to_text("<H2>Benefits</H2><P>Digestion</P>") == "Benefits\nDigestion");
  // Source line breaks inside HTML are spaces, as a browser shows them.
  CHECK(markup_to_text("<p>Triphala\nChurna</p>") == "Triphala Churna");
}

TEST_CASE("comments, scripts and styles are dropped with their content") {
  CHECK(markup_to_text("Neem<!-- imported 2024 --> Capsules") == "Neem Capsules");
  CHECK(markup_to_text("<style>p { color: red; }</style><p>Giloy</p><script>alert('x<y')</script>") == "Giloy");
  CHECK(markup_to_text("<p>Amla</p><SCRIPT>never closed") == "Amla");
}

TEST_CASE("angle brackets that are not HTML tags stay") {
  CHECK(markup_to_text("pH <7, for children <5 years") == "pH <7, for children <5 years");
  CHECK(markup_to_text("Take <with warm water> twice") == "Take <with warm water> twice");
  CHECK(markup_to_text("<p>dose < 2 g</p>") == "dose < 2 g");
  CHECK(markup_to_text("<p unterminated") == "<p unterminated");
  CHECK(markup_to_text("<!-- never closed") == "<!-- never closed");
}

TEST_CASE("character references are decoded and unknown ones are left as written") {
  CHECK(markup_to_text("Women&rsquo;s Health &ndash; 500&nbsp;ml") == "Women\u2019s Health \u2013 500 ml");
  CHECK(markup_to_text("&#8377;499 &#x20B9;499 &#x20b9;499") == "\u20B9499 \u20B9499 \u20B9499");
  CHECK(markup_to_text("caf&eacute; &copy; &lt;b&gt;") == "caf\u00E9 \u00A9 <b>");  // decoded text is not re-read
  CHECK(markup_to_text("R&D &unknown; &amp &#;") == "R&D &unknown; &amp &#;");
  CHECK(markup_to_text("&#0; &#xD800; &#1114112; &#x7F;") == "       ");  // never characters: spaces
}

}  // namespace
}  // namespace ayc::text
