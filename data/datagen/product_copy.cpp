// Descriptions, keywords and the JSON columns of a product, written from parts
// the way real listings read, with the varying JSON shapes real feeds have.
#include <algorithm>
#include <cctype>
#include <cstring>

#include "common/text.h"
#include "data/datagen/json.h"
#include "data/datagen/product_text.h"

namespace ayc::datagen {

namespace {

const std::pair<const char*, const char*> kPhrases[] = {
    {"sleep", "supports restful sleep"},        {"joint pain", "relieves joint stiffness"},
    {"acidity", "soothes acidity and heartburn"}, {"hair fall", "supports healthy hair growth"},
    {"immunity", "supports natural immunity"},  {"cough", "eases cough and throat irritation"},
    {"diabetes", "supports healthy blood sugar levels"}, {"digestion", "promotes healthy digestion"},
    {"skin", "for clear, glowing skin"},         {"stress", "calms the mind"},
    {"constipation", "gentle overnight relief from constipation"}, {"memory", "supports memory and focus"},
};

std::string join_list(const std::vector<std::string>& items, std::size_t limit) {
  std::string out;
  const std::size_t n = std::min(limit, items.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0) out += i + 1 == n ? " and " : ", ";
    out += items[i];
  }
  return out;
}

std::string with_article(const std::string& noun) {
  const bool vowel = !noun.empty() && std::strchr("aeiouAEIOU", noun[0]) != nullptr;
  return (vowel ? "an " : "a ") + noun;
}

std::string sentence_case(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

std::vector<std::string> ingredient_names(const Catalog& c, const Template& t, std::size_t limit, Rng& rng) {
  std::vector<std::string> out;
  for (const auto& ing : t.ingredients) {
    if (out.size() >= limit) break;
    std::string name = ing.name;
    if (ing.kb >= 0 && rng.chance(0.25)) {
      const std::string& bot = c.ref->kb.herb(static_cast<std::size_t>(ing.kb)).botanical_name;
      if (!bot.empty()) name += " (" + bot + ")";
    }
    out.push_back(name);
  }
  return out;
}

std::string intro(const Catalog& c, std::uint32_t p, const std::string& base, Rng& rng) {
  const Template& t = c.tmpl(p);
  const BrandContent& b = c.brand(p);
  const std::string desc = group_content(t.group).descriptor;
  if (t.kind == TemplateKind::kFormulation) {
    switch (rng.below(3)) {
      case 0: return base + " is a classical Ayurvedic " + desc + " described in " + t.source + ".";
      case 1: return std::string(b.name) + " " + base + " is prepared as per " + t.source + " as " + with_article(desc) + ".";
      default: return "Made to the classical recipe of " + t.source + ", " + base + " is an Ayurvedic " + desc + ".";
    }
  }
  if (t.kind == TemplateKind::kHerb && !t.ingredients.empty() && t.ingredients[0].kb >= 0) {
    const Herb& h = c.ref->kb.herb(static_cast<std::size_t>(t.ingredients[0].kb));
    std::string s = base + " is " + with_article(desc) + " of " + h.canonical_name;
    if (!h.botanical_name.empty()) s += " (" + h.botanical_name + ")";
    if (!h.sanskrit_name.empty() && h.sanskrit_name != h.canonical_name) s += ", known in Sanskrit as " + h.sanskrit_name;
    if (!h.hindi_name.empty() && h.hindi_name != h.canonical_name) s += " and in Hindi as " + h.hindi_name;
    if (!t.ingredients[0].part.empty()) s += ", made from the " + t.ingredients[0].part;
    return s + ".";
  }
  return std::string(b.short_name) + " " + base + " is " + with_article(desc) + " made with " +
         join_list(ingredient_names(c, t, 3, rng), 3) + ".";
}

std::string description(const Catalog& c, std::uint32_t p, const std::string& base, Rng& rng) {
  const Template& t = c.tmpl(p);
  const BrandContent& b = c.brand(p);
  std::string out = intro(c, p, base, rng);
  if (t.ingredients.size() > (t.kind == TemplateKind::kNamed ? 3 : 1)) {
    auto names = ingredient_names(c, t, 5, rng);
    out += t.ingredients.size() > 5
               ? " It combines " + join_list(names, 5) + " with " + std::to_string(t.ingredients.size() - 5) + " other ingredients."
               : " Key ingredients: " + join_list(names, 5) + ".";
  }
  static const char* const kBenefit[] = {"Traditionally used for ", "Ayurveda recommends it in ",
                                         "Helps with "};
  static const char* const kCareBenefit[] = {"Suited to ", "Made for ", "Helps with "};
  const bool care = std::strcmp(group_content(t.group).type, "personal_care") == 0;
  out += std::string("\n\n") + (care ? kCareBenefit : kBenefit)[rng.below(3)] + join_list(t.indications, 4) + ".";
  out += rng.chance(0.5) ? " " + std::string(b.name) + ": " + b.description + "."
                         : " " + std::string(b.short_name) + " has been making Ayurvedic products since " +
                               std::to_string(b.established_year) + ".";
  std::string dosage = group_content(t.group).dosage;
  if (!dosage.empty() && dosage.back() == '.') dosage.pop_back();
  out += "\n\nHow to use: " + dosage + ".";
  if (t.prescription) out += " Use only under the supervision of a qualified Ayurvedic physician.";
  return out;
}

std::string quantity(const Template& t, const IngredientRef& ing, Rng& rng) {
  if (ing.name.find("Oil") != std::string::npos || ing.name.find("Ghee") != std::string::npos ||
      ing.name == "Honey" || ing.name.find("Milk") != std::string::npos) {
    return "q.s.";
  }
  const char* form = group_content(t.group).form;
  if (std::strcmp(form, "tablet") == 0 || std::strcmp(form, "capsule") == 0) {
    static const int kMg[] = {25, 50, 100, 125, 200, 250, 300, 500};
    int mg = t.ingredients.size() == 1 ? (rng.chance(0.5) ? 500 : 250) : kMg[rng.below(6)];
    return std::to_string(mg) + " mg";
  }
  static const char* const kGrams[] = {"0.5 g", "1 g", "2 g", "2.5 g", "5 g", "10 g", "12 g", "24 g", "48 g"};
  return kGrams[rng.below(std::size(kGrams))];
}

std::string ingredient_label(const Catalog& c, const IngredientRef& ing, Rng& rng) {
  if (ing.kb < 0 || !rng.chance(0.3)) return ing.name;
  const auto& names = c.ref->kb.names(static_cast<std::size_t>(ing.kb));
  return std::string(names[rng.below(names.size())]);
}

// Mostly objects with botanical name, part and quantity; some feeds send plain
// names, some only name and quantity, often under a non-canonical name.
std::string ingredients_json(const Catalog& c, const Template& t, Rng& rng) {
  Json j;
  j.begin_array();
  const std::uint64_t shape = rng.below(100);
  for (const auto& ing : t.ingredients) {
    std::string label = ingredient_label(c, ing, rng);
    if (shape >= 65 && shape < 85) {
      j.string(label);
      continue;
    }
    j.begin_object().field("name", label);
    if (shape < 65) {
      if (ing.kb >= 0) {
        const std::string& bot = c.ref->kb.herb(static_cast<std::size_t>(ing.kb)).botanical_name;
        if (!bot.empty()) j.field("botanical_name", bot);
      }
      if (!ing.part.empty()) j.field("part", ing.part);
    }
    j.field("quantity", quantity(t, ing, rng)).end_object();
  }
  j.end_array();
  return j.str();
}

std::string indications_json(const Template& t, Rng& rng) {
  std::vector<std::string> items = t.indications;
  for (const auto& [use, phrase] : kPhrases) {
    if (std::find(items.begin(), items.end(), use) != items.end() && rng.chance(0.3)) {
      items.push_back(phrase);
      break;
    }
  }
  return json_string_array(items);
}

std::string contraindications_json(const Template& t) {
  std::vector<std::string> items;
  for (auto s : split_list(group_content(t.group).contraindications)) items.emplace_back(s);
  for (const auto& s : t.contraindications) items.push_back(s);
  if (t.prescription) items.push_back("use only under medical supervision");
  return json_string_array(items);
}

std::string keywords(const Catalog& c, std::uint32_t p, const std::string& base) {
  const Template& t = c.tmpl(p);
  std::vector<std::string> words;
  auto add = [&](std::string_view w) {
    std::string n = text::normalize(w);
    if (!n.empty() && std::find(words.begin(), words.end(), n) == words.end()) words.push_back(n);
  };
  add(base);
  if (!t.kerala_name.empty()) add(t.kerala_name);
  add(t.name);
  for (const auto& a : t.aliases) add(a);
  // Only the names on the label: matching every other name of an ingredient
  // is the indexer's job, through the knowledge base.
  for (std::size_t i = 0; i < t.ingredients.size() && i < 3; ++i) add(t.ingredients[i].name);
  for (const auto& ind : t.indications) add(ind);
  add(group_content(t.group).form);
  add(c.brand(p).short_name);
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

}  // namespace

ProductCopy product_copy(const Catalog& c, std::uint32_t p, Rng& rng) {
  const Template& t = c.tmpl(p);
  const std::string base = product_base_name(c, p);
  ProductCopy out;
  out.short_description = sentence_case(std::string(group_content(t.group).descriptor)) + " for " +
                          join_list(t.indications, 3);
  out.description = description(c, p, base, rng);
  out.dosage_instructions = group_content(t.group).dosage;
  if (t.prescription) out.dosage_instructions += ". Sold against a valid prescription.";
  out.search_keywords = keywords(c, p, base);
  out.meta_title = (product_title(c, p) + " | AyurvedaCart").substr(0, 250);
  out.meta_description = (out.short_description + ". Buy " + base + " online at the best price.").substr(0, 300);
  out.ingredients_json = ingredients_json(c, t, rng);
  out.indications_json = indications_json(t, rng);
  out.contraindications_json = contraindications_json(t);
  return out;
}

}  // namespace ayc::datagen
