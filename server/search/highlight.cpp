#include "server/search/highlight.h"

#include <algorithm>

#include <xapian.h>

#include "common/text.h"

namespace ayc::search {

namespace {
bool word_char(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}
}  // namespace

std::string highlight(std::string_view text, const std::vector<std::string>& stems,
                      const std::vector<std::string>& words, std::string_view typing_prefix) {
  thread_local Xapian::Stem stemmer("english");
  std::string out;
  out.reserve(text.size() + 32);
  std::size_t i = 0;
  while (i < text.size()) {
    if (!word_char(static_cast<unsigned char>(text[i]))) {
      out += ayc::text::html_escape(text.substr(i, 1));
      ++i;
      continue;
    }
    std::size_t start = i;
    while (i < text.size() && word_char(static_cast<unsigned char>(text[i]))) ++i;
    std::string_view word = text.substr(start, i - start);
    std::string lower = ayc::text::normalize(word);
    bool hit = std::find(words.begin(), words.end(), lower) != words.end();
    if (!hit && !stems.empty()) {
      std::string stem = stemmer(lower);
      hit = std::find(stems.begin(), stems.end(), stem) != stems.end();
    }
    if (!hit && typing_prefix.size() >= 2) hit = lower.rfind(typing_prefix, 0) == 0;
    if (hit) {
      out += "<mark>" + ayc::text::html_escape(word) + "</mark>";
    } else {
      out += ayc::text::html_escape(word);
    }
  }
  return out;
}

}  // namespace ayc::search
