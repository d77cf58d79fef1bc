#include "common/latin_fold.h"

namespace ayc::text {

namespace {

// Generated from Unicode's decompositions (the base letter without its
// marks), with the IAST conventions of Sanskrit and Hindi romanisation where
// they differ: s with acute or dot below and s with caron or cedilla -> "sh",
// r with dot below (vocalic r) -> "ri". "" = not a letter we fold.
const char* const kLatin1AndExtendedA[] = {  // U+00C0..U+017F
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // U+00C0
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",  // U+00D0
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // U+00E0
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",  // U+00F0
    "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",  // U+0100
    "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",  // U+0110
    "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",  // U+0120
    "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",  // U+0130
    "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",  // U+0140
    "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "sh", "sh", "s", "s", "sh", "sh",  // U+0150
    "sh", "sh", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",  // U+0160
    "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",  // U+0170
};
const char* const kExtendedAdditional[] = {  // U+1E00..U+1EFF
    "a", "a", "b", "b", "b", "b", "b", "b", "c", "c", "d", "d", "d", "d", "d", "d",  // U+1E00
    "d", "d", "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "f", "f",  // U+1E10
    "g", "g", "h", "h", "h", "h", "h", "h", "h", "h", "h", "h", "i", "i", "i", "i",  // U+1E20
    "k", "k", "k", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l", "l", "m", "m",  // U+1E30
    "m", "m", "m", "m", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",  // U+1E40
    "o", "o", "o", "o", "p", "p", "p", "p", "r", "r", "ri", "ri", "ri", "ri", "r", "r",  // U+1E50
    "s", "s", "sh", "sh", "s", "s", "s", "s", "s", "s", "t", "t", "t", "t", "t", "t",  // U+1E60
    "t", "t", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "v", "v", "v", "v",  // U+1E70
    "w", "w", "w", "w", "w", "w", "w", "w", "w", "w", "x", "x", "x", "x", "y", "y",  // U+1E80
    "z", "z", "z", "z", "z", "z", "h", "t", "w", "y", "", "", "", "", "", "",  // U+1E90
    "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a",  // U+1EA0
    "a", "a", "a", "a", "a", "a", "a", "a", "e", "e", "e", "e", "e", "e", "e", "e",  // U+1EB0
    "e", "e", "e", "e", "e", "e", "e", "e", "i", "i", "i", "i", "o", "o", "o", "o",  // U+1EC0
    "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o",  // U+1ED0
    "o", "o", "o", "o", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u",  // U+1EE0
    "u", "u", "y", "y", "y", "y", "y", "y", "y", "y", "", "", "", "", "", "",  // U+1EF0
};

}  // namespace

const char* ascii_for_latin(std::uint32_t cp) {
  const char* folded = nullptr;
  if (cp >= 0xC0 && cp <= 0x17F) folded = kLatin1AndExtendedA[cp - 0xC0];
  if (cp >= 0x1E00 && cp <= 0x1EFF) folded = kExtendedAdditional[cp - 0x1E00];
  return folded != nullptr && *folded != '\0' ? folded : nullptr;
}

}  // namespace ayc::text
