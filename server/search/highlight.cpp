#include "server/search/highlight.h"

#include <algorithm>
#include <unordered_map>

#include <xapian.h>

#include "common/text.h"

namespace ayc::search {

namespace {
// The character at text[i] as text::normalize() sees it (words end at ASCII
// or Unicode punctuation); ASCII, most of any text, without a call.
ayc::text::CharInfo char_info(std::string_view text, std::size_t i) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  if (c >= 0x80) return ayc::text::char_at(text, i);
  const bool word = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return {word ? ayc::text::CharRole::kWord : ayc::text::CharRole::kSeparator, 1};
}

// Stemming every word of every hit's name and description was a tenth of a
// search's time; the words of a catalogue are few, so each thread remembers
// the stems it computed, up to kMaxRemembered words; past that a word is
// stemmed each time. Never cleared or rehashed: either would stall the one
// search that triggers it for milliseconds.
const std::string& stem_of(const std::string& lower) {
  constexpr std::size_t kMaxRemembered = 200'000;
  thread_local Xapian::Stem stemmer("english");
  thread_local std::unordered_map<std::string, std::string> stems(kMaxRemembered + 1);
  thread_local std::string unremembered;
  auto it = stems.find(lower);
  if (it != stems.end()) return it->second;
  if (stems.size() >= kMaxRemembered) {
    unremembered = stemmer(lower);
    return unremembered;
  }
  return stems.emplace(lower, stemmer(lower)).first->second;
}
}  // namespace

std::string highlight(std::string_view text, const std::vector<std::string>& stems,
                      const std::vector<std::string>& words, std::string_view typing_prefix) {
  std::string out;
  out.reserve(text.size() + 32);
  // A word can only match when its first byte starts a query word, a stem
  // or the prefix: the English stemmer changes endings only, never the
  // first letter. Most words of a text are passed over on that test alone.
  bool may_start[256] = {};
  for (const auto* list : {&words, &stems}) {
    for (const auto& w : *list)
      if (!w.empty()) may_start[static_cast<unsigned char>(w[0])] = true;
  }
  if (typing_prefix.size() >= 2) may_start[static_cast<unsigned char>(typing_prefix[0])] = true;
  std::string lower;  // the word as text::normalize() gives it
  std::size_t i = 0;
  while (i < text.size()) {
    if (char_info(text, i).role == ayc::text::CharRole::kSeparator) {
      std::size_t start = i;
      for (ayc::text::CharInfo ch; i < text.size() && (ch = char_info(text, i)).role == ayc::text::CharRole::kSeparator;)
        i += ch.length;
      ayc::text::append_html_escaped(out, text.substr(start, i - start));
      continue;
    }
    std::size_t start = i;
    bool plain = true;  // ASCII letters and digits only: normalize() would only lower-case it
    for (ayc::text::CharInfo ch; i < text.size() && (ch = char_info(text, i)).role != ayc::text::CharRole::kSeparator;) {
      plain &= ch.length == 1;
      i += ch.length;
    }
    // Word characters never need HTML escaping.
    std::string_view word = text.substr(start, i - start);
    unsigned char first = static_cast<unsigned char>(word[0]);
    if (first >= 'A' && first <= 'Z') first = static_cast<unsigned char>(first - 'A' + 'a');
    if (plain && !may_start[first]) {
      out += word;
      continue;
    }
    if (plain) {
      lower = ayc::text::ascii_lower(word);
    } else {  // "A\u015Bva\u00ADgandh\u0101" -> "ashvagandha"
      lower = ayc::text::normalize(word);
    }
    bool hit = std::find(words.begin(), words.end(), lower) != words.end();
    if (!hit && !stems.empty()) {
      const std::string& stem = stem_of(lower);
      hit = std::find(stems.begin(), stems.end(), stem) != stems.end();
    }
    if (!hit && typing_prefix.size() >= 2) hit = lower.rfind(typing_prefix, 0) == 0;
    if (hit) out += "<mark>";
    out += word;
    if (hit) out += "</mark>";
  }
  return out;
}

}  // namespace ayc::search
