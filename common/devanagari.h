// Devanagari queries in the Latin letters the catalogue and the knowledge
// base use: "अश्वगंधा" -> "ashvagandha", "तुलसी" -> "tulsi", "नीम" -> "neem".
//
// A plain Hindi romanization: aspirates as "kh", "gh", "chh", "th", "dh",
// "ph", "bh"; श and ष as "sh"; long ī and ū as "ee" and "oo" inside a word
// and "i" and "u" at its end; anusvara as "m" before p, b, m and "n"
// elsewhere; the inherent vowel dropped where Hindi drops it (at the end of a
// word, and between a vowel and a consonant that has one: "तुलसी" is "tulsi",
// not "tulasi"). Spellings it gets wrong by a letter are left to the spelling
// correction and the synonym table, as typed Latin spellings are.
//
// Thread-safety: pure function.
#pragma once

#include <string>
#include <string_view>

namespace ayc::text {

// `text` with every run of Devanagari letters romanized; everything else
// unchanged. Returns `text` itself when it has no Devanagari.
std::string devanagari_to_latin(std::string_view text);

}  // namespace ayc::text
