#include "common/name_index.h"

#include <algorithm>

#include "common/text.h"

namespace ayc::text {

namespace {
std::string join(const std::vector<std::string>& words, std::size_t from, std::size_t n) {
  std::string out = words[from];
  for (std::size_t k = 1; k < n; ++k) out += " " + words[from + k];
  return out;
}
}  // namespace

void NameIndex::add(std::string_view name, std::uint32_t entry, bool canonical) {
  std::string key = normalize(name);
  if (key.empty()) return;
  const std::vector<std::string> words = split_words(key);
  max_words_ = std::max(max_words_, words.size());
  if (!words.empty()) first_words_.insert(words.front());
  auto [it, inserted] = by_name_.try_emplace(std::move(key), Owner{entry, canonical});
  if (!inserted && canonical && !it->second.canonical) it->second = Owner{entry, canonical};
}

std::optional<std::uint32_t> NameIndex::find_normalized(const std::string& key) const {
  auto it = by_name_.find(key);
  if (it == by_name_.end()) return std::nullopt;
  return it->second.entry;
}

std::optional<std::uint32_t> NameIndex::find(std::string_view name) const { return find_normalized(normalize(name)); }

std::vector<std::uint32_t> NameIndex::find_in_text(std::string_view text) const {
  std::vector<std::uint32_t> found;
  std::vector<std::string> words = split_words(normalize(text));
  std::size_t i = 0;
  while (i < words.size()) {
    if (!first_words_.contains(words[i])) {
      ++i;
      continue;
    }
    std::size_t matched = 0;
    for (std::size_t n = std::min(max_words_, words.size() - i); n >= 1 && matched == 0; --n) {
      auto entry = find_normalized(join(words, i, n));
      if (!entry) continue;
      if (std::find(found.begin(), found.end(), *entry) == found.end()) found.push_back(*entry);
      matched = n;
    }
    i += matched ? matched : 1;
  }
  return found;
}

std::optional<std::uint32_t> NameIndex::find_longest_run(std::string_view name) const {
  std::string key = normalize(name);
  if (key.empty()) return std::nullopt;
  if (auto exact = find_normalized(key)) return exact;
  std::vector<std::string> words = split_words(key);
  for (std::size_t len = std::min(max_words_, words.size()); len >= 1; --len) {
    for (std::size_t start = 0; start + len <= words.size(); ++start) {
      if (auto entry = find_normalized(join(words, start, len))) return entry;
    }
  }
  return std::nullopt;
}

}  // namespace ayc::text
