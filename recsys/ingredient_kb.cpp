#include "recsys/ingredient_kb.h"

#include "common/text.h"

namespace ayc::recsys {

IngredientResolver::IngredientResolver(std::span<const KbIngredient> kb) : kb_size_(kb.size()), next_id_(kb.size()) {
  for (std::size_t n = 0; n < kb.size(); ++n) {
    auto entry = static_cast<std::uint32_t>(n);
    names_.add(kb[n].canonical_name, entry, true);
    for (const auto& name : kb[n].other_names) names_.add(name, entry, false);
  }
}

std::optional<std::uint32_t> IngredientResolver::find(std::string_view name) const {
  return names_.find_longest_run(name);
}

std::optional<std::uint32_t> IngredientResolver::resolve(std::string_view name) {
  std::string normalized = text::normalize(name);
  if (normalized.empty()) return std::nullopt;
  if (auto id = names_.find_longest_run(normalized)) return id;
  auto [it, inserted] = unknown_.try_emplace(std::move(normalized), static_cast<std::uint32_t>(next_id_));
  if (inserted) ++next_id_;
  return it->second;
}

}  // namespace ayc::recsys
