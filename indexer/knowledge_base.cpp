#include "indexer/knowledge_base.h"

#include <simdjson.h>

#include "common/text.h"

namespace ayc::indexer {

namespace {

constexpr std::string_view kNameKeys[] = {"name", "ingredient", "herb", "title", "value"};

std::vector<std::string> split_commas(std::string_view s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t end = s.find_first_of(",;", start);
    if (end == std::string_view::npos) end = s.size();
    std::string piece(s.substr(start, end - start));
    auto b = piece.find_first_not_of(" \t");
    auto e = piece.find_last_not_of(" \t");
    if (b != std::string::npos) out.push_back(piece.substr(b, e - b + 1));
    start = end + 1;
  }
  return out;
}

std::optional<std::string> name_of(simdjson::dom::element el) {
  std::string_view text;
  if (el.get(text) == simdjson::SUCCESS) return std::string(text);
  simdjson::dom::object obj;
  if (el.get(obj) != simdjson::SUCCESS) return std::nullopt;
  for (auto key : kNameKeys) {
    if (obj[key].get(text) == simdjson::SUCCESS) return std::string(text);
  }
  return std::nullopt;
}

}  // namespace

std::vector<std::string> parse_string_list(std::string_view json) {
  std::vector<std::string> out;
  if (json.empty()) return out;
  thread_local simdjson::dom::parser parser;
  simdjson::padded_string padded(json);
  simdjson::dom::element root;
  if (parser.parse(padded).get(root) != simdjson::SUCCESS) return out;
  std::string_view whole;
  if (root.get(whole) == simdjson::SUCCESS) return split_commas(whole);
  simdjson::dom::array items;
  if (root.get(items) != simdjson::SUCCESS) {
    if (auto n = name_of(root)) out.push_back(*n);
    return out;
  }
  for (simdjson::dom::element el : items) {
    if (auto n = name_of(el); n && !n->empty()) out.push_back(std::move(*n));
  }
  return out;
}

void KnowledgeBase::add_ingredient(Ingredient ingredient) {
  std::size_t index = ingredients_.size();
  SynonymGroup group{text::normalize(ingredient.canonical_name), {}, "ingredient"};
  for (const auto& name : ingredient.names) {
    std::string key = text::normalize(name);
    if (key.empty()) continue;
    names_.add(key, static_cast<std::uint32_t>(index), key == group.canonical);
    bool seen = false;
    for (const auto& t : group.terms) seen = seen || t == key;
    if (!seen) group.terms.push_back(key);
  }
  if (ingredient.slug.empty()) ingredient.slug = text::slugify(ingredient.canonical_name);
  ingredients_.push_back(std::move(ingredient));
  if (group.terms.size() > 1) groups_.push_back(std::move(group));
}

void KnowledgeBase::add_synonym_group(SynonymGroup group) {
  SynonymGroup norm{text::normalize(group.canonical), {}, group.kind};
  norm.terms.push_back(norm.canonical);
  for (const auto& t : group.terms) {
    std::string key = text::normalize(t);
    bool seen = key.empty();
    for (const auto& existing : norm.terms) seen = seen || existing == key;
    if (!seen) norm.terms.push_back(key);
  }
  if (norm.terms.size() > 1) groups_.push_back(std::move(norm));
}

const Ingredient* KnowledgeBase::find(std::string_view any_name) const {
  auto entry = names_.find(any_name);
  return entry ? &ingredients_[*entry] : nullptr;
}

std::vector<const Ingredient*> KnowledgeBase::find_in_text(std::string_view text_in) const {
  std::vector<const Ingredient*> found;
  for (std::uint32_t entry : names_.find_in_text(text_in)) found.push_back(&ingredients_[entry]);
  return found;
}

std::vector<ResolvedIngredient> KnowledgeBase::resolve_ingredients(std::string_view json) const {
  std::vector<ResolvedIngredient> out;
  for (auto& raw : parse_string_list(json)) {
    const Ingredient* exact = find(raw);
    if (exact != nullptr) {
      out.push_back({std::move(raw), exact});
      continue;
    }
    auto inside = find_in_text(raw);
    if (inside.empty()) {
      out.push_back({std::move(raw), nullptr});
      continue;
    }
    for (auto* ing : inside) out.push_back({raw, ing});
  }
  return out;
}

std::vector<SynonymGroup> KnowledgeBase::synonym_groups() const { return groups_; }

}  // namespace ayc::indexer
