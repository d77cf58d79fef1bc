// Latin letters with diacritics read as the ASCII letters shoppers type.
//
// Careful catalogue copy spells Sanskrit names in IAST ("A\u015Bvagandh\u0101",
// "Mah\u0101n\u0101r\u0101ya\u1E47a Taila", "Gh\u1E5Bta") or carries a
// stray accent ("Ayurv\u00E9dic"); shoppers type "ashvagandha", "mahanarayana",
// "ghrita", "ayurvedic". text::normalize() spells such letters this way, on
// both sides of the index.
//
// Pure and thread-safe.
#pragma once

#include <cstdint>

namespace ayc::text {

// The lower-case ASCII spelling of a Latin letter with diacritics (U+00C0 to
// U+017F and U+1E00 to U+1EFF): "\u0101" -> "a", "\u00C9" -> "e", "\u00DF" -> "ss";
// IAST's sibilants and vocalic r as Indian spelling writes them:
// "\u015B"/"\u1E63" -> "sh", "\u1E5B" -> "ri". nullptr for anything else.
const char* ascii_for_latin(std::uint32_t cp);

}  // namespace ayc::text
