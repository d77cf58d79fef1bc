#include "index/index_schema.h"

#include "common/text.h"

namespace ayc::index {

namespace {
std::string join(std::string_view prefix, std::string_view value) {
  std::string out(prefix);
  out += value;
  return out;
}
}  // namespace

namespace {
// Function words that carry no meaning in a product search. Words shoppers use
// to narrow a search ("oil", "for" is dropped but "without" is kept) stay.
const char* const kStopWords[] = {"a",    "an",   "and",  "are", "as",   "at",   "be",   "by",   "for",
                                  "from", "has",  "have", "in",  "into", "is",   "it",   "its",  "of",
                                  "on",   "or",   "that", "the", "their", "this", "to",   "was",  "were",
                                  "which", "with", "your", nullptr};
}  // namespace

const char* const* stop_words() { return kStopWords; }

bool is_stop_word(std::string_view word) {
  for (const char* const* w = kStopWords; *w != nullptr; ++w)
    if (word == *w) return true;
  return false;
}

bool is_spelling_word(std::string_view word) { return word.size() >= 3 && word.size() <= 40 && !is_stop_word(word); }

std::string facet_value(std::string_view raw) { return text::slugify(raw); }

std::string id_term(std::string_view product_id) { return join(kPrefixId, text::ascii_lower(product_id)); }
std::string sku_term(std::string_view sku) { return join(kPrefixSku, text::ascii_lower(sku)); }
std::string slug_term(std::string_view slug) { return join(kPrefixSlug, text::ascii_lower(slug)); }
std::string brand_term(std::string_view brand_slug) { return join(kPrefixBrand, text::ascii_lower(brand_slug)); }
std::string category_term(std::string_view category_slug) {
  return join(kPrefixCategory, text::ascii_lower(category_slug));
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
  return join(kPrefixCanonicalIngredient, text::ascii_lower(ingredient_slug));
}
std::string phonetic_term(std::string_view key) { return join(kPrefixPhonetic, key); }
bool is_free_text_term(std::string_view term) { return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z'); }
std::string name_stem_term(std::string_view stem) { return join(kPrefixNameStem, stem); }
std::string use_stem_term(std::string_view stem) { return join(kPrefixUseStem, stem); }
std::string name_ingredient_term(std::string_view ingredient_slug) {
  return join(kPrefixNameIngredient, text::ascii_lower(ingredient_slug));
}
std::string mentioned_ingredient_term(std::string_view ingredient_slug) {
  return join(kPrefixMentionedIngredient, text::ascii_lower(ingredient_slug));
}

}  // namespace ayc::index
