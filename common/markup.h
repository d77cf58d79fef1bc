// Plain text from catalogue copy written as HTML.
//
// Stores edit descriptions in rich-text editors, so a real catalogue's
// description often reads "<p><strong>Ashwagandha</strong> supports
// sleep&nbsp;&amp; calm</p><ul><li>60 tablets</li></ul>". Indexed as it is,
// "strong", "nbsp", "li" would become words every such product matches, and a
// highlighted snippet would show the markup escaped. The indexer reads every
// product's name and copy through markup_to_text.
//
// Pure and thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace ayc::text {

// Removes HTML tags (only the names HTML defines, so "pH <7" and "<5 years"
// stay as written), comments, and the content of <script> and <style>;
// decodes character references (&amp;, &nbsp;, &rsquo;, &#8377;, &#x20B9;...;
// unknown names are left as written). A tag that ends a block (<br>, </p>,
// </li>, </div>, headings, table cells...) becomes a line break; inline tags
// (<strong>, <a>, <span>...) vanish without a space, so "<b>Ash</b>wagandha"
// stays one word. Spaces are then collapsed, lines trimmed and empty lines
// dropped. Text without '<' or '&' is returned unchanged.
std::string markup_to_text(std::string_view in);

}  // namespace ayc::text
