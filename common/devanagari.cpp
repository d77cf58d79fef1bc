#include "common/devanagari.h"

#include <cstdint>
#include <vector>

namespace ayc::text {

namespace {

// Long ī and ū are written by position (see the header): marked here.
constexpr const char* kLongI = "\x01";
constexpr const char* kLongU = "\x02";

struct Unit {
  std::string consonant;  // empty for an independent vowel
  std::string vowel;      // "" after a virama
  bool inherent = false;  // the vowel is the consonant's own "a"
  bool virama = false;    // written without a vowel: the first of a conjunct
  bool nasal = false;     // followed by anusvara or chandrabindu
};

// Consonants U+0915..U+0939, "" for the few unused code points.
const char* const kConsonants[] = {"k",  "kh", "g",  "gh", "n",  "ch", "chh", "j",  "jh", "n",  "t",  "th",
                                   "d",  "dh", "n",  "t",  "th", "d",  "dh",  "n",  "n",  "p",  "ph", "b",
                                   "bh", "m",  "y",  "r",  "r",  "l",  "l",   "l",  "v",  "sh", "sh", "s",
                                   "h"};
// With a nukta (U+0958..U+095F, and a consonant followed by U+093C).
const char* nukta_form(char32_t c) {
  switch (c) {
    case 0x0915: case 0x0958: return "q";
    case 0x0916: case 0x0959: return "kh";
    case 0x0917: case 0x095A: return "g";
    case 0x091C: case 0x095B: return "z";
    case 0x0921: case 0x095C: return "d";
    case 0x0922: case 0x095D: return "dh";
    case 0x092B: case 0x095E: return "f";
    case 0x092F: case 0x095F: return "y";
    default: return nullptr;
  }
}
// Independent vowels U+0905..U+0914 and matras U+093E..U+094C by the vowel they write.
const char* vowel_of(char32_t c) {
  switch (c) {
    case 0x0905: return "a";
    case 0x0906: case 0x093E: return "a";
    case 0x0907: case 0x093F: return "i";
    case 0x0908: case 0x0940: return kLongI;
    case 0x0909: case 0x0941: return "u";
    case 0x090A: case 0x0942: return kLongU;
    case 0x090B: case 0x0943: case 0x0944: return "ri";
    case 0x090D: case 0x090E: case 0x090F: case 0x0945: case 0x0946: case 0x0947: return "e";
    case 0x0910: case 0x0948: return "ai";
    case 0x0911: case 0x0912: case 0x0913: case 0x0949: case 0x094A: case 0x094B: return "o";
    case 0x0914: case 0x094C: return "au";
    default: return nullptr;
  }
}
bool is_matra(char32_t c) { return (c >= 0x093E && c <= 0x094C) || c == 0x0962 || c == 0x0963; }
bool is_consonant(char32_t c) { return (c >= 0x0915 && c <= 0x0939) || (c >= 0x0958 && c <= 0x095F); }
bool is_devanagari(char32_t c) { return c >= 0x0900 && c <= 0x097F; }

// Decodes one UTF-8 sequence at `i` (advancing it); U+FFFD for a broken one.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto b = static_cast<unsigned char>(s[i]);
  std::size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (std::size_t k = 1; k < len; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return c;
}

// Drops the inherent vowels Hindi does not pronounce, right to left: at the
// end of a word of two or more syllables, and between a syllable that has a
// vowel and a consonant (or a written conjunct) that has one ("tu-la-si" ->
// "tul-si", "chya-va-na-prā-sha" -> "chya-van-prāsh"; "sa-ma-jh-nā" keeps
// its "ma": the "jh" lost its vowel here, it is no conjunct).
void drop_silent_vowels(std::vector<Unit>& units) {
  std::size_t syllables = 0;
  for (const auto& u : units) syllables += u.vowel.empty() ? 0 : 1;
  for (std::size_t k = units.size(); k-- > 0;) {
    Unit& u = units[k];
    if (!u.inherent || u.nasal) continue;
    const bool last = k + 1 == units.size();
    if (last) {
      if (syllables >= 2) u.vowel.clear();
      continue;
    }
    const bool vowel_before = k > 0 && !units[k - 1].vowel.empty();
    std::size_t next = k + 1;
    while (next < units.size() && units[next].virama) ++next;
    const bool syllable_after = next < units.size() && !units[next].consonant.empty() && !units[next].vowel.empty();
    if (vowel_before && syllable_after) u.vowel.clear();
  }
}

void render(const std::vector<Unit>& units, std::string& out) {
  for (std::size_t k = 0; k < units.size(); ++k) {
    const Unit& u = units[k];
    const bool last = k + 1 == units.size();
    std::string consonant = u.consonant;
    // व after a consonant without its vowel is "w": "ashwa", "swarna".
    if (consonant == "v" && k > 0 && !units[k - 1].consonant.empty() && units[k - 1].vowel.empty()) consonant = "w";
    out += consonant;
    if (u.vowel == kLongI) {
      out += last ? "i" : "ee";
    } else if (u.vowel == kLongU) {
      out += last ? "u" : "oo";
    } else {
      out += u.vowel;
    }
    if (u.nasal) {
      const std::string& next = last ? std::string() : units[k + 1].consonant;
      out += (next == "p" || next == "ph" || next == "b" || next == "bh" || next == "m") ? "m" : "n";
    }
  }
}

}  // namespace

std::string devanagari_to_latin(std::string_view text) {
  bool any = false;
  for (std::size_t i = 0; i + 1 < text.size() && !any; ++i) {
    any = static_cast<unsigned char>(text[i]) == 0xE0 &&
          (static_cast<unsigned char>(text[i + 1]) == 0xA4 || static_cast<unsigned char>(text[i + 1]) == 0xA5);
  }
  if (!any) return std::string(text);

  std::string out;
  std::vector<Unit> word;
  auto end_word = [&] {
    drop_silent_vowels(word);
    render(word, out);
    word.clear();
  };
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = i;
    const char32_t c = next_code_point(text, i);
    if (c == 0x200C || c == 0x200D) continue;  // zero-width (non-)joiners shape a word, they do not end it
    if (!is_devanagari(c)) {
      end_word();
      out.append(text.substr(start, i - start));
      continue;
    }
    if (is_consonant(c)) {
      Unit u;
      const char* nukta = c >= 0x0958 ? nukta_form(c) : nullptr;
      std::size_t peek = i;
      if (peek < text.size() && next_code_point(text, peek) == 0x093C) {  // a nukta sign
        nukta = nukta_form(c);
        i = peek;
      }
      u.consonant = nukta != nullptr ? nukta : c <= 0x0939 ? kConsonants[c - 0x0915] : "";
      u.vowel = "a";
      u.inherent = true;
      word.push_back(std::move(u));
    } else if (is_matra(c) && !word.empty() && word.back().inherent) {
      const char* v = vowel_of(c);
      word.back().vowel = v != nullptr ? v : "";
      word.back().inherent = false;
    } else if (c == 0x094D && !word.empty()) {  // virama: no vowel
      word.back().vowel.clear();
      word.back().inherent = false;
      word.back().virama = !word.back().consonant.empty();
    } else if ((c == 0x0901 || c == 0x0902) && !word.empty()) {  // chandrabindu, anusvara
      word.back().nasal = true;
    } else if (c == 0x0903 && !word.empty()) {  // visarga
      // A long vowel's marker is settled first, as at a word's end (the
      // visarga nearly always ends one): "लक्ष्मीः" is "lakshmih".
      Unit& u = word.back();
      if (u.vowel == kLongI) u.vowel = "i";
      if (u.vowel == kLongU) u.vowel = "u";
      u.vowel += "h";
      u.inherent = false;
    } else if (const char* v = vowel_of(c); v != nullptr && c <= 0x0914) {
      Unit u;
      u.vowel = v;
      word.push_back(std::move(u));
    } else if (c >= 0x0966 && c <= 0x096F) {  // digits
      end_word();
      out += static_cast<char>('0' + (c - 0x0966));
    } else {  // danda, signs the romanization has no letter for
      end_word();
      out += ' ';
    }
  }
  end_word();
  return out;
}

}  // namespace ayc::text
