// The generated catalogue, held compactly in memory: product templates (a
// classical formulation, a single herb in one form, or a named personal-care
// or food product) built from content.h and the knowledge base, and one
// ProductSpec per product (template x brand x pack x "Pack of N" x listing).
// Text (names, descriptions, JSON) is rendered on demand from a spec
// (product_text.h), so a million products cost tens of megabytes.
//
// Everything is a pure function of (seed, content, knowledge base, window).
//
// Thread-safety: immutable after build_catalog(); safe to share.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "data/datagen/calendar.h"
#include "data/datagen/content.h"
#include "data/datagen/reference_data.h"
#include "data/datagen/rng.h"

namespace ayc::datagen {

struct IngredientRef {
  int kb = -1;        // index into the knowledge base, -1 when it does not know the name
  std::string name;   // the knowledge base's canonical name, else the content's name
  std::string part;   // "root", "" when not applicable
};

struct PackInfo {
  std::string label;   // "450 ml", "60 capsules"
  double factor = 1;   // price relative to the group's reference pack
  bool count = false;  // counted units (tablets, capsules, tea bags)
  double units = 0;    // ml, g or count
  char unit_kind = 'c';  // 'v' volume (ml), 'w' weight (g), 'c' count
};

enum class TemplateKind : std::uint8_t { kFormulation, kHerb, kNamed };

struct Template {
  TemplateKind kind = TemplateKind::kFormulation;
  Group group = Group::kChurna;
  std::string key;                 // "f:Name", "h:<canonical>:<group key>", "n:Name"
  std::string name;                // common name, or the herb's canonical name
  std::string kerala_name;         // name used by Kerala makers ("" = same)
  std::vector<std::string> title_names;  // herb templates: names a title may use, canonical first
  int hindi_title = -1;                  // index of the Hindi name in title_names, if any
  std::vector<std::string> aliases;
  std::string source;              // classical text
  std::vector<IngredientRef> ingredients;
  std::vector<std::string> indications;
  std::vector<std::string> contraindications;
  std::vector<PackInfo> packs;
  Region region = kBoth;
  Season season = kAllYear;
  double popularity = 1;
  double price_factor = 1;
  bool prescription = false;
  int exclusive_brand = -1;
  int primary_category = 0;
  std::vector<int> extra_categories;
  std::vector<std::uint16_t> brands;  // brands that may make it
};

enum class ProductStatus : std::uint8_t { kActive, kDraft, kInactive, kDiscontinued };
const char* status_name(ProductStatus s);

inline constexpr std::uint16_t kNever = 0xFFFF;

struct ProductSpec {
  std::uint32_t tmpl = 0;
  std::uint16_t brand = 0;
  std::uint8_t pack = 0;          // index into the template's packs
  std::uint8_t multipack = 1;     // "Pack of N" when > 1
  std::uint8_t sugar_free = 0;
  std::uint8_t name_style = 0;
  std::uint8_t title_name = 0;    // index into title_names for herb templates
  ProductStatus status = ProductStatus::kActive;
  std::uint16_t created_day = 0;  // days after the window start
  std::uint16_t retired_day = kNever;  // discontinued products: orders stop this day
  std::uint32_t listing = 0;      // > 0: another listing of an existing title; slug gets a suffix
  std::int32_t price_paise = 0;   // selling price of the product's own pack
  std::int32_t mrp_paise = 0;     // base_price (MRP), >= price_paise
  float jitter = 1;               // this listing's price level
  float discount = 0;             // fraction off the MRP
  float popularity = 0;           // share of demand (Zipf over all products)
  float quality = 0;              // -1..1; drives review ratings
  bool featured = false;
};

struct Variant {
  std::uint8_t pack = 0;
  std::uint8_t number = 0;  // 0.. within the product; part of its id
  std::int64_t price_paise = 0;
  std::int64_t mrp_paise = 0;
};

struct Catalog {
  std::uint64_t seed = 0;
  TimeWindow window;
  const ReferenceData* ref = nullptr;
  std::vector<Template> templates;
  std::vector<ProductSpec> products;
  // Orderable (active or discontinued) products of each template, most popular first.
  std::vector<std::vector<std::uint32_t>> template_products;
  // Sampling over all orderable products by popularity.
  Cdf popularity;
  std::vector<std::uint32_t> popularity_products;

  bool orderable(std::uint32_t p, std::int64_t day) const;
  const Template& tmpl(std::uint32_t p) const { return templates[products[p].tmpl]; }
  const BrandContent& brand(std::uint32_t p) const { return brands()[products[p].brand]; }
  const GroupContent& group(std::uint32_t p) const { return group_content(tmpl(p).group); }
  // Template index for a content reference ("f:Name", "n:Name", "h:Herb:group"), or -1.
  int find_template(std::string_view ref) const;
};

// Builds templates from content and the knowledge base (templates.cpp).
std::vector<Template> build_templates(const ReferenceData& ref);

// Chooses `count` products over the templates and prices them (catalog_plan.cpp).
Catalog build_catalog(const ReferenceData& ref, std::uint64_t seed, std::int64_t count,
                      const TimeWindow& window);

// The product's variants (pack sizes) with prices; always includes its own pack.
std::vector<Variant> variants_of(const Catalog& c, std::uint32_t p);

// Rounds a rupee price (in paise) to a shelf price point: 185, 240, 249, 299.
std::int64_t price_point(double paise, bool round_up);

}  // namespace ayc::datagen
