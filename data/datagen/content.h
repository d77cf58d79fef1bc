// The curated, hand-written knowledge behind the generated store: real brands,
// the category tree, product groups (dosage forms) with their packs and
// prices, classical formulations with their real main ingredients and
// indications, personal-care and food products, the regimens shoppers follow,
// and the words people, addresses, reviews and searches are made of.
//
// Herbs themselves are NOT here: their names and uses come from the
// `ingredients` table at run time (knowledge_base.h). Ingredient references
// below are names the knowledge base is expected to know under some name
// (canonical, Sanskrit, Hindi, English, botanical or another name).
//
// Lists are '|' separated inside one string to keep the tables compact;
// split_list() turns them into vectors.
//
// Thread-safety: immutable static data.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ayc::datagen {

std::vector<std::string_view> split_list(std::string_view list, char sep = '|');

// Brand styles: which kinds of products a brand makes.
enum Style : std::uint32_t {
  kKeralaClassical = 1 << 0,  // kashayam, thailam, ghritam, lehyam, gulika
  kNorthClassical = 1 << 1,   // arishta, churna, vati, guggulu
  kRasa = 1 << 2,             // bhasma, pishti, rasa aushadhi
  kHerbal = 1 << 3,           // single-herb capsules, tablets, powders
  kCare = 1 << 4,             // mass-market personal care
  kPremiumCare = 1 << 5,      // luxury personal care
  kFood = 1 << 6,             // juices, teas, honey, ghee
};

struct BrandContent {
  const char* name;
  const char* slug;
  const char* short_name;  // as it appears in product titles
  const char* sku_code;    // 3-4 letters
  const char* country;
  int established_year;
  const char* website;
  const char* description;
  const char* certifications;  // '|' list
  std::uint32_t styles;
  double popularity;   // relative listing share
  double price_factor; // premium (>1) or value (<1) pricing
};

struct CategoryContent {
  const char* slug;
  const char* name;
  const char* parent_slug;  // "" for a root
  const char* description;
};

// A dosage form / product group: how products of this kind look and sell.
enum class Group : std::uint8_t {
  kArishta, kKashayam, kKashayamTablet, kChurna, kVati, kGuggulu, kThailam, kGhrita,
  kLehyam, kBhasma, kPishti, kRasa, kCapsule, kTablet, kPowder, kJuice, kTea, kDrops,
  kResin, kFaceWash, kSoap, kToothpaste, kToothPowder, kHairOil, kShampoo, kFacePack,
  kFaceOil, kGel, kCream, kLipBalm, kBodyOil, kBalm, kHoney, kGhee, kPreserve, kSyrup,
  kCount
};

struct GroupContent {
  Group group;
  const char* key;           // "arishta": used in regimen references
  const char* type;          // products.type
  const char* form;          // products.form
  const char* dosage_form;   // products.dosage_form
  const char* category;      // primary category slug
  const char* descriptor;    // "arishta (a self-fermented herbal tonic)"
  const char* name_suffix;   // appended to a herb name: "Capsules"; "" for formulations
  const char* dosage;        // dosage_instructions
  const char* packs;         // '|' list of pack sizes, e.g. "200 ml|450 ml"
  int reference_pack;        // index into packs the price refers to
  std::int64_t price_paise;  // typical selling price of the reference pack
  int tax_rate;              // GST percent
  const char* contraindications;  // '|' list, defaults for the group
  std::uint32_t styles;      // brands that make this group
  int refill_days;           // how long one pack lasts a regular user
};

enum Region : std::uint8_t { kBoth = 0, kKerala = 1, kNorth = 2 };
enum Season : std::uint8_t { kAllYear = 0, kWinter = 1, kSummer = 2, kMonsoon = 3 };

struct FormulationContent {
  const char* name;         // common (North Indian) name
  const char* kerala_name;  // name Kerala makers use, or ""
  const char* aliases;      // '|' other spellings people search for
  Group group;
  const char* source;       // classical text
  const char* ingredients;  // '|' list of "Name:part"
  const char* indications;  // '|' list
  const char* contraindications;  // '|' list, on top of the group's
  Region region;
  double popularity;
  bool prescription;
  Season season;
  double price_factor;
};

// Personal care, foods and branded blends: named products with key herbs.
struct NamedContent {
  const char* name;
  Group group;
  const char* ingredients;  // '|' list of "Name:part"
  const char* indications;
  const char* exclusive_brand;  // slug, or "" when any brand of the group's styles makes it
  double popularity;
  Season season;
  double price_factor;
};

// Extra forms for single herbs beyond capsules and powder.
struct HerbFormContent {
  const char* herb;    // a knowledge-base name
  const char* groups;  // '|' list of group keys
  const char* part;    // the part used
  double popularity;
};

// A condition shoppers buy for, and the products bought together for it.
// Each slot lists alternatives: "f:Name" formulation, "n:Name" named product,
// "h:Herb:groupkey" single-herb product.
struct RegimenContent {
  const char* condition;
  double prevalence;
  Season season;
  char gender;  // 'f', 'm' or 'a'
  const char* slots[6];
};

std::span<const BrandContent> brands();
std::span<const CategoryContent> categories();
std::span<const GroupContent> groups();
const GroupContent& group_content(Group g);
std::span<const FormulationContent> formulations();
std::span<const NamedContent> named_products();
std::span<const HerbFormContent> herb_forms();
std::span<const RegimenContent> regimens();
// Products people add to a basket in a season, in the regimen slot syntax.
const char* seasonal_picks(Season season);
// Indication keyword -> concern category slug ("joint" -> "joint-care").
std::span<const std::pair<const char*, const char*>> concern_categories();

}  // namespace ayc::datagen
