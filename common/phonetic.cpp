#include "common/phonetic.h"

namespace ayc::text {

namespace {
bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Letters that sound alike in romanised Indian words, one spelling each
// ("x" is two letters: "ks").
void append_letter(std::string& out, char c) {
  switch (c) {
    case 'x': out += "ks"; break;
    case 'q': out += 'k'; break;
    case 'z': out += 'j'; break;
    case 'w': out += 'v'; break;
    case 'f': out += 'p'; break;
    default: out += c;
  }
}
}  // namespace

std::string phonetic_key(std::string_view word) {
  if (word.size() < 4) return {};
  for (char c : word)
    if (c < 'a' || c > 'z') return {};
  if (word.size() >= 6 && word.substr(word.size() - 2) == "am") word.remove_suffix(1);  // "ghritam" -> "ghrita"
  std::string letters;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (i + 1 < word.size() && word[i] == word[i + 1] && (word[i] == 'e' || word[i] == 'o')) {
      letters += word[i] == 'e' ? 'i' : 'u';  // "ee" -> "i", "oo" -> "u"
      ++i;
      continue;
    }
    if (word[i] == 'h' && !letters.empty() && !is_vowel(letters.back())) continue;  // aspiration: "bh", "sh", "ph"
    append_letter(letters, word[i]);
  }
  std::string key;
  for (std::size_t i = 0; i < letters.size(); ++i) {
    char c = letters[i];
    if (c == 'm' && i + 1 < letters.size() && !is_vowel(letters[i + 1])) c = 'n';  // anusvara: "kumkum" ~ "kunkum"
    if (c == 'a') continue;                                                      // inherent and long "a"
    if (!key.empty() && key.back() == c) continue;                               // doubled letters
    key += c;
  }
  if (key.size() > 3 && is_vowel(key.back())) key.pop_back();  // "guggulu" ~ "guggul"
  return key.size() >= 3 ? key : std::string();
}

}  // namespace ayc::text
