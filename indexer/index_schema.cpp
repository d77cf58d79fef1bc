#include "indexer/index_schema.h"

#include "common/text.h"

namespace ayc::index {

namespace {
std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}
std::string join(std::string_view prefix, std::string_view value) {
  std::string out(prefix);
  out += value;
  return out;
}
}  // namespace

std::string facet_value(std::string_view raw) { return text::slugify(raw); }

std::string id_term(std::string_view product_id) { return join(kPrefixId, lower(product_id)); }
std::string sku_term(std::string_view sku) { return join(kPrefixSku, lower(sku)); }
std::string slug_term(std::string_view slug) { return join(kPrefixSlug, lower(slug)); }
std::string brand_term(std::string_view brand_slug) { return join(kPrefixBrand, lower(brand_slug)); }
std::string category_term(std::string_view category_slug) {
  return join(kPrefixCategory, lower(category_slug));
}
std::string form_term(std::string_view form) { return join(kPrefixForm, facet_value(form)); }
std::string type_term(std::string_view type) { return join(kPrefixType, facet_value(type)); }
std::string prescription_term(bool required) { return join(kPrefixPrescription, required ? "1" : "0"); }
std::string stock_term(std::string_view country_code) {
  if (country_code.empty()) return join(kPrefixStock, "ANY");
  std::string cc(country_code);
  for (char& c : cc)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return join(kPrefixStock, cc);
}
std::string canonical_ingredient_term(std::string_view ingredient_slug) {
  return join(kPrefixCanonicalIngredient, lower(ingredient_slug));
}

}  // namespace ayc::index
