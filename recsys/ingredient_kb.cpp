#include "recsys/ingredient_kb.h"

#include "common/text.h"

namespace ayc::recsys {

IngredientResolver::IngredientResolver(std::span<const KbIngredient> kb) : kb_size_(kb.size()), next_id_(kb.size()) {
  // Canonical names first so that they win any clash with another entry's synonym.
  for (std::size_t n = 0; n < kb.size(); ++n) {
    std::string key = text::normalize(kb[n].canonical_name);
    if (!key.empty()) by_name_.try_emplace(std::move(key), static_cast<std::uint32_t>(n));
  }
  for (std::size_t n = 0; n < kb.size(); ++n) {
    for (const auto& name : kb[n].other_names) {
      std::string key = text::normalize(name);
      if (!key.empty()) by_name_.try_emplace(std::move(key), static_cast<std::uint32_t>(n));
    }
  }
}

std::optional<std::uint32_t> IngredientResolver::find_normalized(const std::string& normalized) const {
  if (auto it = by_name_.find(normalized); it != by_name_.end()) return it->second;
  // Longest run of whole words that is a known name, leftmost first.
  const std::vector<std::string> words = text::split_words(normalized);
  for (std::size_t len = words.size() - 1; len >= 1; --len) {
    for (std::size_t start = 0; start + len <= words.size(); ++start) {
      std::string key = words[start];
      for (std::size_t w = start + 1; w < start + len; ++w) key += ' ' + words[w];
      if (auto it = by_name_.find(key); it != by_name_.end()) return it->second;
    }
  }
  return std::nullopt;
}

std::optional<std::uint32_t> IngredientResolver::find(std::string_view name) const {
  const std::string normalized = text::normalize(name);
  if (normalized.empty()) return std::nullopt;
  return find_normalized(normalized);
}

std::optional<std::uint32_t> IngredientResolver::resolve(std::string_view name) {
  std::string normalized = text::normalize(name);
  if (normalized.empty()) return std::nullopt;
  if (auto id = find_normalized(normalized)) return id;
  auto [it, inserted] = unknown_.try_emplace(std::move(normalized), static_cast<std::uint32_t>(next_id_));
  if (inserted) ++next_id_;
  return it->second;
}

}  // namespace ayc::recsys
