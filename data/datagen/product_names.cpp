// Product titles, slugs, SKUs and pack labels, as real listings write them.
#include <cctype>
#include <cstring>

#include "common/text.h"
#include "data/datagen/product_text.h"

namespace ayc::datagen {

namespace {
bool is_organic_brand(const BrandContent& b) {
  return std::strcmp(b.slug, "organic-india") == 0 || std::strcmp(b.slug, "banyan-botanicals") == 0;
}

std::string capitalized_pack(const PackInfo& pack) {
  std::string s = pack.label;
  if (!pack.count) return s;
  bool start = true;
  for (char& ch : s) {
    if (start && std::isalpha(static_cast<unsigned char>(ch))) ch = static_cast<char>(std::toupper(ch));
    start = ch == ' ';
  }
  return s;
}

std::string herb_title(const ProductSpec& s, const Template& t) {
  const GroupContent& g = group_content(t.group);
  std::string herb = t.title_names.empty() ? t.name : t.title_names[s.title_name % t.title_names.size()];
  std::string out = is_organic_brand(brands()[s.brand]) ? "Organic " + herb : herb;
  const bool root = !t.ingredients.empty() && t.ingredients[0].part == "root";
  if (t.group == Group::kPowder) {
    out += s.name_style % 2 == 0 ? " Churna" : root && s.name_style == 3 ? " Root Powder" : " Powder";
  } else {
    out += std::string(" ") + g.name_suffix;
  }
  return out;
}

std::string sku_word(std::string_view name) {
  std::string out;
  bool word_start = true;
  for (char ch : name) {
    unsigned char u = static_cast<unsigned char>(ch);
    if (!std::isalnum(u)) {
      word_start = true;
      continue;
    }
    if (out.size() < 4 || (word_start && out.size() < 6)) out.push_back(static_cast<char>(std::toupper(u)));
    word_start = false;
  }
  return out;
}

std::string pack_code(const PackInfo& pack) {
  std::string out;
  for (char ch : pack.label) {
    unsigned char u = static_cast<unsigned char>(ch);
    if (std::isdigit(u) || ch == '.') {
      out.push_back(ch == '.' ? 'P' : ch);
    } else if (std::isalpha(u) && out.size() < 8) {
      out.push_back(static_cast<char>(std::toupper(u)));
    }
  }
  return out;
}

std::string base36(std::uint32_t v, std::size_t width) {
  static const char kDigits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  std::string out;
  do {
    out.insert(out.begin(), kDigits[v % 36]);
    v /= 36;
  } while (v > 0);
  while (out.size() < width) out.insert(out.begin(), '0');
  return out;
}
}  // namespace

std::string product_base_name(const Catalog& c, std::uint32_t p) {
  const ProductSpec& s = c.products[p];
  const Template& t = c.templates[s.tmpl];
  const BrandContent& b = brands()[s.brand];
  std::string name;
  if (t.kind == TemplateKind::kHerb) {
    name = herb_title(s, t);
  } else if (t.kind == TemplateKind::kFormulation && (b.styles & kKeralaClassical) && !t.kerala_name.empty()) {
    name = t.kerala_name + (t.group == Group::kKashayamTablet ? " Tablets" : "");
  } else {
    name = t.name;
  }
  if (s.sugar_free) name += " Sugar Free";
  return name;
}

std::string product_title(const Catalog& c, std::uint32_t p) {
  const ProductSpec& s = c.products[p];
  const Template& t = c.templates[s.tmpl];
  const PackInfo& pack = t.packs[s.pack];
  const std::string brand = brands()[s.brand].short_name;
  const std::string base = product_base_name(c, p);
  const std::string label = capitalized_pack(pack);
  const std::string packed = pack.count ? "- " + label : label;
  std::string out;
  switch (s.name_style) {
    case 0: out = brand + " " + base + " " + packed; break;
    case 1: out = base + " " + packed; break;
    case 2: out = brand + " " + base + " - " + label; break;
    default: out = brand + " " + base + " (" + label + ")"; break;
  }
  if (s.multipack > 1) out += " (Pack of " + std::to_string(s.multipack) + ")";
  return out;
}

std::string product_slug(const Catalog& c, std::uint32_t p) {
  std::string slug = text::slugify(product_title(c, p));
  const std::uint32_t listing = c.products[p].listing;
  if (listing > 0) slug += "-" + std::to_string(listing + 1);
  return slug;
}

std::string product_sku(const Catalog& c, std::uint32_t p, std::uint8_t pack) {
  const ProductSpec& s = c.products[p];
  const Template& t = c.templates[s.tmpl];
  std::string sku = brands()[s.brand].sku_code;
  sku += "-" + sku_word(t.name) + "-" + pack_code(t.packs[pack]);
  if (s.multipack > 1) sku += "X" + std::to_string(s.multipack);
  sku += "-" + base36(p, 5);
  return sku;
}

std::string pack_size(const Catalog& c, std::uint32_t p, std::uint8_t pack) {
  const ProductSpec& s = c.products[p];
  const std::string& label = c.templates[s.tmpl].packs[pack].label;
  return s.multipack > 1 ? label + " x " + std::to_string(s.multipack) : label;
}

}  // namespace ayc::datagen
