// Product templates: classical formulations, single herbs in their usual
// forms, and named personal-care and food products, with the brands that
// make each, its packs, categories and resolved ingredients.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

#include "common/text.h"
#include "data/datagen/catalog.h"

namespace ayc::datagen {

namespace {

int category_index(std::string_view slug) {
  auto cats = categories();
  for (std::size_t i = 0; i < cats.size(); ++i) {
    if (slug == cats[i].slug) return static_cast<int>(i);
  }
  return 0;
}

int brand_index(std::string_view slug) {
  auto bs = brands();
  for (std::size_t i = 0; i < bs.size(); ++i) {
    if (slug == bs[i].slug) return static_cast<int>(i);
  }
  return -1;
}

const GroupContent* group_by_key(std::string_view key) {
  for (const auto& g : groups()) {
    if (key == g.key) return &g;
  }
  return nullptr;
}

// "450 ml" -> {450, 'v'}; "3 x 75 g" -> {225, 'w'}; "60 capsules" -> {60, 'c'}.
std::pair<double, char> parse_pack(std::string_view label) {
  double total = 1;
  std::size_t i = 0;
  while (i < label.size()) {
    double v = 0;
    auto [ptr, ec] = std::from_chars(label.data() + i, label.data() + label.size(), v);
    if (ec != std::errc()) break;
    total *= v;
    i = static_cast<std::size_t>(ptr - label.data());
    while (i < label.size() && label[i] == ' ') ++i;
    if (i < label.size() && label[i] == 'x') {
      ++i;
      while (i < label.size() && label[i] == ' ') ++i;
      continue;
    }
    break;
  }
  std::string_view unit = label.substr(i);
  if (unit == "ml") return {total, 'v'};
  if (unit == "litre") return {total * 1000, 'v'};
  if (unit == "g") return {total, 'w'};
  if (unit == "kg") return {total * 1000, 'w'};
  return {total, 'c'};
}

std::vector<PackInfo> make_packs(const GroupContent& g) {
  std::vector<PackInfo> packs;
  auto labels = split_list(g.packs);
  auto [ref_units, ref_kind] = parse_pack(labels[static_cast<std::size_t>(g.reference_pack)]);
  for (auto label : labels) {
    auto [units, kind] = parse_pack(label);
    double factor = kind == ref_kind ? std::pow(units / ref_units, 0.8) : 1.0;
    packs.push_back(PackInfo{std::string(label), factor, kind == 'c', units, kind});
  }
  return packs;
}

std::vector<std::string> to_strings(std::string_view list) {
  std::vector<std::string> out;
  for (auto s : split_list(list)) out.emplace_back(s);
  return out;
}

std::vector<IngredientRef> resolve_ingredients(const KnowledgeBase& kb, std::string_view list) {
  std::vector<IngredientRef> out;
  for (auto item : split_list(list)) {
    auto colon = item.find(':');
    std::string_view name = item.substr(0, colon);
    std::string_view part = colon == std::string_view::npos ? "" : item.substr(colon + 1);
    IngredientRef ref{-1, std::string(name), std::string(part)};
    if (auto i = kb.find(name)) {
      ref.kb = static_cast<int>(*i);
      ref.name = kb.herb(*i).canonical_name;
    }
    out.push_back(std::move(ref));
  }
  return out;
}

std::string title_case(std::string s) {
  bool start = true;
  for (char& ch : s) {
    if (start && ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    start = ch == ' ' || ch == '-';
  }
  return s;
}

// Brands known for a handful of products make only those kinds.
bool narrow_brand_allows(std::string_view brand, Group g) {
  static const std::pair<const char*, const char*> kNarrow[] = {
      {"vicco", "toothpaste|tooth-powder|cream|face-wash"}, {"medimix", "soap|face-wash|body-oil"},
      {"indulekha", "hair-oil|shampoo"}, {"auromere", "toothpaste|soap"}, {"axiom", "juice"},
      {"dhathri", "hair-oil|shampoo|face-wash|soap"}, {"pankajakasthuri", "kashayam|vati|thailam|capsule|syrup"}};
  for (const auto& [slug, keys] : kNarrow) {
    if (brand != slug) continue;
    for (auto key : split_list(keys)) {
      if (key == group_content(g).key) return true;
    }
    return false;
  }
  return true;
}

bool any_contains(const std::vector<std::string>& items, std::initializer_list<const char*> words) {
  for (const auto& s : items) {
    for (const char* w : words) {
      if (s.find(w) != std::string::npos) return true;
    }
  }
  return false;
}

void add_category(Template& t, std::string_view slug) {
  int c = category_index(slug);
  if (c == t.primary_category) return;
  if (std::find(t.extra_categories.begin(), t.extra_categories.end(), c) != t.extra_categories.end()) return;
  if (t.extra_categories.size() < 3) t.extra_categories.push_back(c);
}

void assign_categories(Template& t) {
  const GroupContent& g = group_content(t.group);
  t.primary_category = category_index(g.category);
  if (t.name == "Chyawanprash") t.primary_category = category_index("chyawanprash");
  if (t.name.find("Ghan Vati") != std::string::npos) t.primary_category = category_index("ghan-vati");
  const bool oil = t.group == Group::kThailam || t.group == Group::kBodyOil;
  if (oil && any_contains(t.indications, {"pain", "arthritis", "sprain", "sciatica", "stiffness"})) {
    add_category(t, "pain-relief-oils");
  }
  if (oil && any_contains(t.indications, {"headache", "sinus", "sleep", "greying", "migraine"})) {
    add_category(t, "head-oils");
  }
  if (oil && any_contains(t.indications, {"hair"})) add_category(t, "hair-oils");
  if (oil && any_contains(t.indications, {"pigmentation", "glowing"})) add_category(t, "face-oils-serums");
  if (t.group == Group::kGhrita) add_category(t, "medicated-ghee");
  if (std::strcmp(g.type, "personal_care") == 0) return;
  int concerns = 0;
  for (const auto& ind : t.indications) {
    for (const auto& [word, slug] : concern_categories()) {
      if (concerns < 2 && ind.find(word) != std::string::npos) {
        std::size_t before = t.extra_categories.size();
        add_category(t, slug);
        concerns += t.extra_categories.size() > before ? 1 : 0;
        break;
      }
    }
  }
}

void assign_brands(Template& t) {
  if (t.exclusive_brand >= 0) {
    t.brands = {static_cast<std::uint16_t>(t.exclusive_brand)};
    return;
  }
  std::uint32_t styles = group_content(t.group).styles;
  if (t.region == kKerala) styles &= kKeralaClassical | kCare | kPremiumCare;
  if (t.region == kNorth) styles &= ~static_cast<std::uint32_t>(kKeralaClassical);
  if (any_contains(t.indications, {"glowing", "pigmentation", "hair fall"})) styles |= kPremiumCare;
  if (t.prescription) styles &= kRasa | kNorthClassical;
  auto bs = brands();
  for (std::size_t b = 0; b < bs.size(); ++b) {
    if ((bs[b].styles & styles) != 0 && narrow_brand_allows(bs[b].slug, t.group)) {
      t.brands.push_back(static_cast<std::uint16_t>(b));
    }
  }
}

void finish(Template& t) {
  t.packs = make_packs(group_content(t.group));
  assign_categories(t);
  assign_brands(t);
}

void add_formulations(std::vector<Template>& out, const KnowledgeBase& kb) {
  for (const auto& f : formulations()) {
    Template t;
    t.kind = TemplateKind::kFormulation;
    t.group = f.group;
    t.key = std::string("f:") + f.name;
    t.name = f.name;
    t.kerala_name = f.kerala_name;
    t.aliases = to_strings(f.aliases);
    t.source = f.source;
    t.ingredients = resolve_ingredients(kb, f.ingredients);
    t.indications = to_strings(f.indications);
    t.contraindications = to_strings(f.contraindications);
    t.region = f.region;
    t.season = f.season;
    t.popularity = f.popularity;
    t.price_factor = f.price_factor;
    t.prescription = f.prescription;
    finish(t);
    if (f.group == Group::kKashayam) {
      Template tablets = t;
      tablets.group = Group::kKashayamTablet;
      tablets.key += " Tablets";
      tablets.name += " Tablets";
      tablets.popularity *= 0.5;
      tablets.brands.clear();
      tablets.extra_categories.clear();
      finish(tablets);
      out.push_back(std::move(t));
      out.push_back(std::move(tablets));
    } else {
      out.push_back(std::move(t));
    }
  }
}

void add_herb_forms(std::vector<Template>& out, const KnowledgeBase& kb, std::size_t h,
                    std::string_view forms, std::string_view part, double popularity) {
  const Herb& herb = kb.herb(h);
  for (auto key : split_list(forms)) {
    const GroupContent* g = group_by_key(key);
    if (g == nullptr) continue;
    Template t;
    t.kind = TemplateKind::kHerb;
    t.group = g->group;
    t.key = "h:" + herb.canonical_name + ":" + std::string(key);
    t.name = herb.canonical_name;
    for (const std::string* n : {&herb.canonical_name, &herb.hindi_name, &herb.english_name}) {
      if (n->empty() || n->size() > 40) continue;
      std::string title = title_case(*n);
      if (std::find(t.title_names.begin(), t.title_names.end(), title) == t.title_names.end()) {
        if (n == &herb.hindi_name) t.hindi_title = static_cast<int>(t.title_names.size());
        t.title_names.push_back(std::move(title));
      }
    }
    t.ingredients = {IngredientRef{static_cast<int>(h), herb.canonical_name, std::string(part)}};
    t.indications.assign(herb.uses.begin(), herb.uses.begin() + std::min<std::size_t>(6, herb.uses.size()));
    t.popularity = popularity * (key == split_list(forms).front() ? 1.0 : 0.6);
    finish(t);
    out.push_back(std::move(t));
  }
}

void add_herbs(std::vector<Template>& out, const KnowledgeBase& kb) {
  std::vector<const HerbFormContent*> curated(kb.size(), nullptr);
  for (const auto& hf : herb_forms()) {
    if (auto h = kb.find(hf.herb); h && curated[*h] == nullptr) curated[*h] = &hf;
  }
  for (std::size_t h = 0; h < kb.size(); ++h) {
    const Herb& herb = kb.herb(h);
    if (curated[h] != nullptr) {
      add_herb_forms(out, kb, h, curated[h]->groups, curated[h]->part, curated[h]->popularity);
    } else if (herb.kind == "herb" && herb.uses.size() >= 2) {
      add_herb_forms(out, kb, h, "capsule|powder", "", 0.35);
    }
  }
}

void add_named(std::vector<Template>& out, const KnowledgeBase& kb) {
  for (const auto& n : named_products()) {
    Template t;
    t.kind = TemplateKind::kNamed;
    t.group = n.group;
    t.key = std::string("n:") + n.name;
    t.name = n.name;
    t.ingredients = resolve_ingredients(kb, n.ingredients);
    t.indications = to_strings(n.indications);
    t.season = n.season;
    t.popularity = n.popularity;
    t.price_factor = n.price_factor;
    t.exclusive_brand = *n.exclusive_brand ? brand_index(n.exclusive_brand) : -1;
    finish(t);
    out.push_back(std::move(t));
  }
}

}  // namespace

std::vector<Template> build_templates(const ReferenceData& ref) {
  std::vector<Template> out;
  add_formulations(out, ref.kb);
  add_herbs(out, ref.kb);
  add_named(out, ref.kb);
  std::erase_if(out, [](const Template& t) { return t.brands.empty() || t.packs.empty(); });
  return out;
}

}  // namespace ayc::datagen
