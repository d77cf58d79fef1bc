#include "indexer/document_builder.h"

#include <set>

#include "common/phonetic.h"
#include "common/text.h"
#include "index/index_schema.h"
#include "indexer/stem_cache.h"

namespace ayc::indexer {

namespace {
constexpr unsigned kFieldGap = 100;  // keeps phrases from matching across fields

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return c >= 'a' && c <= 'z'; }

// The words of `normalized` that mix letters and digits, split where one
// meets the other ("liv52 ds b12" -> "liv 52 b 12"), so that "liv 52" finds
// "Liv52" as "liv52" finds "Liv.52".
std::string letter_digit_parts(const std::string& normalized) {
  std::string out;
  for (const auto& word : text::split_words(normalized)) {
    bool letters = false, digits = false;
    for (char c : word) {
      letters |= is_letter(c);
      digits |= is_digit(c);
    }
    if (!letters || !digits) continue;
    if (!out.empty()) out += ' ';
    for (std::size_t i = 0; i < word.size(); ++i) {
      if (i > 0 && (is_digit(word[i]) != is_digit(word[i - 1]))) out += ' ';
      out += word[i];
    }
  }
  return out;
}

// The words the server makes of a query (text::normalize, after
// split_quantities), not Xapian's own reading: "500g" is "500 g",
// "Gh\u1E5Bta" is "ghrita", "women's" is "women", "1.5 kg" is "1 5 kg" on
// both sides.
std::string field_text(const std::string& raw) { return text::normalize(text::split_quantities(raw)); }

// A field's terms into `tg`'s document: its words, then their letter-digit parts.
void add_field_terms(Xapian::TermGenerator& tg, const std::string& text, unsigned weight, bool positions) {
  if (positions) {
    tg.index_text(text, weight);
  } else {
    tg.index_text_without_positions(text, weight);
  }
  const std::string parts = letter_digit_parts(text);
  if (!parts.empty()) tg.index_text_without_positions(parts, weight);
}

// The words shoppers name a product by, misspelt and romanised many ways:
// each word's phonetic key, and each spelling word counted.
void add_spelling(const std::string& text, std::set<std::string>& keys,
                  std::unordered_map<std::string, unsigned>& words) {
  for (auto& w : text::split_words(text)) {
    std::string key = text::phonetic_key(w);
    if (!key.empty()) keys.insert(std::move(key));
    if (index::is_spelling_word(w)) ++words[std::move(w)];
  }
}
}  // namespace

DocumentBuilder::DocumentBuilder(const KnowledgeBase& kb, ranking::PriorParams prior)
    : kb_(kb), prior_(prior), stemmer_(cached_stemmer("english")) {
  for (const char* const* w = index::stop_words(); *w != nullptr; ++w) stopper_.add(*w);
  for (Xapian::TermGenerator* tg : {&tg_, &field_tg_}) {
    tg->set_stemmer(stemmer_);
    tg->set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
    tg->set_stopper(&stopper_);
    tg->set_stopper_strategy(Xapian::TermGenerator::STOP_ALL);
  }
}

void DocumentBuilder::index_field(const std::string& raw, unsigned weight, bool positions, bool spelling) {
  if (raw.empty()) return;
  const std::string text = field_text(raw);
  add_field_terms(tg_, text, weight, positions);
  tg_.increase_termpos(kFieldGap);
  if (spelling) add_spelling(text, phonetic_keys_, spelling_);
}

// index_field(names, 1, false, true) into a document of its own, read back.
// Every step of index_field reads a word at a time, so the field of
// "a . b . " is the field of "a . " plus that of "b . "
// (document_builder_test checks it against the text read whole).
const DocumentBuilder::IngredientField& DocumentBuilder::ingredient_field(const Ingredient& ingredient) {
  auto it = ingredient_fields_.find(&ingredient);
  if (it != ingredient_fields_.end()) return it->second;
  std::string raw;
  for (const auto& name : ingredient.names) raw += name + " . ";
  const std::string text = field_text(raw);
  Xapian::Document scratch;
  field_tg_.set_document(scratch);
  add_field_terms(field_tg_, text, 1, false);
  IngredientField field;
  for (auto t = scratch.termlist_begin(); t != scratch.termlist_end(); ++t) field.terms.emplace_back(*t, t.get_wdf());
  add_spelling(text, field.phonetic_keys, field.spelling_words);
  return ingredient_fields_.emplace(&ingredient, std::move(field)).first->second;
}

void DocumentBuilder::add_ingredient_field(const IngredientField& field, Xapian::Document& doc) {
  for (const auto& [term, count] : field.terms) doc.add_term(term, count * index::kWeightIngredient);
  for (const auto& [word, count] : field.spelling_words) spelling_[word] += count;
  phonetic_keys_.insert(field.phonetic_keys.begin(), field.phonetic_keys.end());
}

void DocumentBuilder::add_name_terms(const std::string& name, Xapian::Document& doc) const {
  const std::string text = field_text(name);
  for (const auto& w : text::split_words(text + " " + letter_digit_parts(text))) {
    if (!index::is_stop_word(w)) doc.add_boolean_term(index::name_stem_term(stemmer_(w)));
  }
}

// Each field scanned once, on its own (a name does not run across two fields).
// Herbs named in the name or short description count as ingredients for
// matching ("Amla Juice" is found by "indian gooseberry" through XK<amalaki>);
// the name's also as XNK (the name holds the herb). Herbs the product's own
// text talks about, under whichever name it uses ("a classical clove based
// tablet" names lavang), as XM: a search for the herb under any name finds
// those products and ranks them up (bm25.h's mention_bonus), whether or not
// the ingredient list names the herb.
void DocumentBuilder::add_named_herb_terms(const ProductRecord& p, Xapian::Document& doc) const {
  for (const auto* ing : kb_.find_in_text(p.name)) {
    doc.add_boolean_term(index::name_ingredient_term(ing->slug));
    doc.add_boolean_term(index::canonical_ingredient_term(ing->slug));
  }
  for (const std::string* field : {&p.short_description, &p.description, &p.search_keywords}) {
    for (const auto* ing : kb_.find_in_text(*field)) {
      if (field == &p.short_description) doc.add_boolean_term(index::canonical_ingredient_term(ing->slug));
      doc.add_boolean_term(index::mentioned_ingredient_term(ing->slug));
    }
  }
}

// The words of the ingredients' uses, as boolean terms: a search can tell a
// product its herbs are known for a need from one whose description mentions
// the need in passing (both have the stem with a wdf of 1).
void DocumentBuilder::add_use_terms(const std::string& uses, Xapian::Document& doc) const {
  for (const auto& w : text::split_words(text::normalize(uses))) {
    if (!index::is_stop_word(w)) doc.add_boolean_term(index::use_stem_term(stemmer_(w)));
  }
}

features::ProductFeatures DocumentBuilder::to_features(const ProductRecord& p) {
  features::ProductFeatures f;
  f.id = p.id;
  f.slug = p.slug;
  f.sku = p.sku;
  f.name = p.name;
  f.brand_name = p.brand_name;
  f.brand_slug = p.brand_slug;
  f.short_description = p.short_description;
  f.form = p.form;
  f.type = p.type;
  f.image_url = p.image_url;
  f.status = p.status;
  f.price = p.selling_price;
  f.mrp = p.base_price;
  f.rating = p.average_rating;
  f.review_count = static_cast<std::uint32_t>(std::max(p.review_count, 0));
  f.popularity = p.popularity;
  f.prescription_required = p.prescription_required;
  f.created_at = p.created_at;
  std::set<std::string> seen;
  for (const auto& path : p.category_paths) {
    for (auto it = path.rbegin(); it != path.rend(); ++it) {
      if (seen.insert(it->slug).second) f.category_slugs.push_back(it->slug);
    }
  }
  f.stock_by_country = p.stock_by_country;
  for (const auto& [cc, units] : p.stock_by_country) f.total_stock += std::max(units, 0);
  return f;
}

void DocumentBuilder::add_values(const ProductRecord& p, Xapian::Document& doc, double prior) const {
  doc.add_value(index::kSlotPrice, Xapian::sortable_serialise(p.selling_price));
  doc.add_value(index::kSlotRating, Xapian::sortable_serialise(p.average_rating));
  doc.add_value(index::kSlotReviewCount, Xapian::sortable_serialise(p.review_count));
  doc.add_value(index::kSlotPopularity, Xapian::sortable_serialise(p.popularity));
  doc.add_value(index::kSlotCreatedAt, Xapian::sortable_serialise(static_cast<double>(p.created_at)));
  if (!p.brand_slug.empty()) doc.add_value(index::kSlotBrand, p.brand_slug);
  if (!p.form.empty()) doc.add_value(index::kSlotForm, index::facet_value(p.form));
  doc.add_value(index::kSlotPrior, Xapian::sortable_serialise(prior));
  doc.add_value(index::kSlotId, p.id);
  doc.add_value(index::kSlotName, text::normalize(p.name));
  if (!p.brand_name.empty()) doc.add_value(index::kSlotBrandName, text::normalize(p.brand_name));
}

BuiltProduct DocumentBuilder::build(const ProductRecord& p) {
  BuiltProduct out;
  out.features = to_features(p);
  Xapian::Document& doc = out.document;
  tg_.set_document(doc);
  tg_.set_termpos(0);
  phonetic_keys_.clear();

  index_field(p.name, index::kWeightName, true, true);
  add_name_terms(p.name, doc);
  index_field(p.brand_name, index::kWeightBrand, false, true);

  // The ingredient field: every name of each known herb (its words made
  // once per herb), and the feed's own words for one the knowledge base
  // does not know.
  std::string unknown_text, uses_text;
  std::set<const Ingredient*> seen_ingredients;
  std::set<std::string> seen_uses;
  for (const auto& r : kb_.resolve_ingredients(p.ingredients_json)) {
    if (r.ingredient == nullptr) {
      unknown_text += r.raw_name + " . ";
      continue;
    }
    if (!seen_ingredients.insert(r.ingredient).second) continue;
    doc.add_boolean_term(index::canonical_ingredient_term(r.ingredient->slug));
    add_ingredient_field(ingredient_field(*r.ingredient), doc);
    for (const auto& use : r.ingredient->uses)
      if (seen_uses.insert(use).second) uses_text += use + " . ";
  }
  index_field(unknown_text, index::kWeightIngredient, false, true);
  add_named_herb_terms(p, doc);

  std::string indications;
  for (const auto& ind : parse_string_list(p.indications_json)) indications += ind + " . ";
  index_field(indications, index::kWeightIndication, false, true);
  index_field(uses_text, 1, false, false);
  add_use_terms(uses_text, doc);

  std::string category_text;
  for (const auto& path : p.category_paths)
    for (const auto& c : path) category_text += c.name + " . ";
  index_field(category_text, index::kWeightCategory, false, false);
  index_field(p.form + " . " + p.type + " . " + p.dosage_form, index::kWeightForm, false, false);
  index_field(p.search_keywords, index::kWeightKeywords, false, false);
  index_field(p.short_description, index::kWeightShortDescription, false, false);
  index_field(p.description, index::kWeightDescription, false, false);

  for (const auto& key : phonetic_keys_) doc.add_boolean_term(index::phonetic_term(key));
  out.id_term = index::id_term(p.id);
  doc.add_boolean_term(out.id_term);
  if (!p.sku.empty()) doc.add_boolean_term(index::sku_term(p.sku));
  if (!p.slug.empty()) doc.add_boolean_term(index::slug_term(p.slug));
  if (!p.brand_slug.empty()) doc.add_boolean_term(index::brand_term(p.brand_slug));
  for (const auto& slug : out.features.category_slugs) doc.add_boolean_term(index::category_term(slug));
  if (!p.form.empty()) doc.add_boolean_term(index::form_term(p.form));
  if (!p.type.empty()) doc.add_boolean_term(index::type_term(p.type));
  doc.add_boolean_term(index::prescription_term(p.prescription_required));
  for (const auto& [cc, units] : p.stock_by_country) {
    if (units > 0) doc.add_boolean_term(index::stock_term(cc));
  }
  if (out.features.in_stock()) doc.add_boolean_term(index::stock_term(""));

  std::string categories_value;
  for (const auto& slug : out.features.category_slugs) {
    if (!categories_value.empty()) categories_value.push_back(index::kListSeparator);
    categories_value += slug;
  }
  if (!categories_value.empty()) doc.add_value(index::kSlotCategories, categories_value);
  double prior = ranking::business_prior(
      {p.popularity, p.average_rating, p.review_count, out.features.in_stock()}, prior_);
  add_values(p, doc, prior);
  doc.set_data(p.id);
  return out;
}

}  // namespace ayc::indexer
