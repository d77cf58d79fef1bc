#include "indexer/suggestions.h"

#include <cmath>

#include "common/query_text.h"
#include "common/text.h"

namespace ayc::indexer {

namespace {
// Products with no sales still rank by a small base weight.
double product_weight(const ProductRecord& p) { return std::log1p(std::max(p.popularity, 0.0)) + 0.1; }
}  // namespace

std::pair<std::string, features::Suggestion> SuggestionBuilder::product_suggestion(const ProductRecord& p) {
  features::Suggestion s;
  s.text = p.name;
  s.keys.push_back(text::query_text(p.name));  // as autocomplete reads what is typed ("500ml", Devanagari)
  s.kind = features::SuggestionKind::kProduct;
  s.slug = p.slug;
  s.weight = product_weight(p);
  return {"p:" + p.id, std::move(s)};
}

void SuggestionBuilder::add_product(const ProductRecord& p, const KnowledgeBase& kb) {
  double w = std::max(p.popularity, 0.0) + 0.1;
  if (!p.brand_slug.empty()) {
    auto& t = brands_[p.brand_slug];
    t.weight += w;
    ++t.products;
  }
  for (const auto& path : p.category_paths) {
    for (const auto& c : path) {
      auto& t = categories_[c.slug];
      t.weight += w;
      ++t.products;
    }
  }
  for (const auto& r : kb.resolve_ingredients(p.ingredients_json)) {
    if (r.ingredient == nullptr) continue;
    auto& t = ingredients_[r.ingredient->slug];
    t.weight += w;
    ++t.products;
  }
}

void SuggestionBuilder::merge(SuggestionBuilder&& other) {
  auto fold = [](std::unordered_map<std::string, Tally>& into, const std::unordered_map<std::string, Tally>& from) {
    for (const auto& [k, t] : from) {
      auto& mine = into[k];
      mine.weight += t.weight;
      mine.products += t.products;
    }
  };
  fold(brands_, other.brands_);
  fold(categories_, other.categories_);
  fold(ingredients_, other.ingredients_);
}

std::vector<std::pair<std::string, features::Suggestion>> SuggestionBuilder::build(const CatalogContext& ctx) const {
  std::vector<std::pair<std::string, features::Suggestion>> out;
  auto add = [&](const std::string& key, features::SuggestionKind kind, const std::string& text,
                 const std::string& slug, std::vector<std::string> keys, double weight) {
    features::Suggestion s;
    s.text = text;
    s.kind = kind;
    s.slug = slug;
    s.keys = std::move(keys);
    s.weight = weight;
    out.emplace_back(key, std::move(s));
  };
  for (const auto& b : ctx.brands) {
    auto it = brands_.find(b.slug);
    if (it == brands_.end()) continue;  // no searchable product: nothing to find
    add("b:" + b.slug, features::SuggestionKind::kBrand, b.name, b.slug, {text::query_text(b.name)},
        std::log1p(it->second.weight) + 0.5);
  }
  for (const auto& c : ctx.categories) {
    auto it = categories_.find(c.slug);
    if (it == categories_.end()) continue;
    add("c:" + c.slug, features::SuggestionKind::kCategory, c.name, c.slug, {text::query_text(c.name)},
        std::log1p(it->second.weight) + 0.3);
  }
  for (const auto& ing : ctx.kb.ingredients()) {
    auto it = ingredients_.find(ing.slug);
    if (it == ingredients_.end()) continue;
    std::vector<std::string> keys;
    for (const auto& n : ing.names) keys.push_back(text::query_text(n));  // a Hindi name in Devanagari: romanized
    add("i:" + ing.slug, features::SuggestionKind::kIngredient, ing.canonical_name, ing.slug, std::move(keys),
        std::log1p(it->second.weight) + 0.4);
  }
  for (const auto& q : ctx.popular_queries) {
    if (q.query.empty()) continue;
    add("q:" + q.query, features::SuggestionKind::kQuery, q.display, "", {q.query},
        std::log1p(static_cast<double>(q.count)));
  }
  return out;
}

}  // namespace ayc::indexer
