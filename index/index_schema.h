// The Xapian index schema: term prefixes, value slots and their encodings.
//
// Shared by the indexer (writer) and the server (reader); index/SCHEMA.md
// explains the choices. Changing anything here changes the on-disk format:
// bump kIndexFormatVersion so a server refuses a generation it cannot read.
//
// Thread-safety: constants and pure functions only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ayc::index {

// 13: layered generations (index/layers.h), which a reader of 12 would
// serve as their base alone. 14: XM<slug> terms; a herb's name searched
// stands for the herb under all its names (server/search/query_builder.cpp).
inline constexpr int kIndexFormatVersion = 14;

// ---- Free text --------------------------------------------------------------
// Free text is indexed unprefixed as English stems only (STEM_ALL: "capsules"
// -> "capsul"), stop words dropped, field weight = wdf increment. Queries are
// stemmed the same way. No per-field prefixes and no unstemmed copies: each
// would double the terms of a document.
bool is_stop_word(std::string_view word);
// Whether a term is free text (a stem, lower-case) rather than a boolean
// term, whose prefix below starts with a capital letter.
bool is_free_text_term(std::string_view term);

// Whether a normalised word belongs in the spelling dictionary: 3 to 40
// bytes and not a stop word (a correction to "and" or "for" finds anything).
bool is_spelling_word(std::string_view word);
const char* const* stop_words();  // null-terminated list, for Xapian::SimpleStopper

// Exact, unstemmed, lower-case boolean terms.
inline constexpr std::string_view kPrefixId = "Q";           // Q<product uuid> (unique)
inline constexpr std::string_view kPrefixSku = "XSKU";       // XSKU<sku, lower-case>
inline constexpr std::string_view kPrefixSlug = "XSLUG";     // XSLUG<slug>
inline constexpr std::string_view kPrefixBrand = "B";        // B<brand slug>
inline constexpr std::string_view kPrefixCategory = "C";     // C<category slug>, for the category and every ancestor
inline constexpr std::string_view kPrefixForm = "F";         // F<form, normalised>
inline constexpr std::string_view kPrefixType = "T";         // T<type, normalised>
inline constexpr std::string_view kPrefixPrescription = "R"; // R1 / R0
inline constexpr std::string_view kPrefixStock = "K";        // K<ISO country> in stock there; KANY anywhere
inline constexpr std::string_view kPrefixCanonicalIngredient = "XK";  // XK<ingredient slug>: in its ingredients, name or short description
inline constexpr std::string_view kPrefixPhonetic = "XP";  // XP<text::phonetic_key> of a name, brand, ingredient or indication word
inline constexpr std::string_view kPrefixNameStem = "XN";         // XN<stem> of a word of its name (a stem is lower-case)
inline constexpr std::string_view kPrefixNameIngredient = "XNK";  // XNK<ingredient slug>: a herb its name names
// XM<ingredient slug>: a herb its own text (short description, description,
// search keywords) names, under any of the herb's names.
inline constexpr std::string_view kPrefixMentionedIngredient = "XM";
inline constexpr std::string_view kPrefixUseStem = "XU";  // XU<stem> of a word of its ingredients' uses

// Field weights (wdf increments) for the unprefixed free text. Name dominates.
inline constexpr unsigned kWeightName = 8;
inline constexpr unsigned kWeightBrand = 5;
inline constexpr unsigned kWeightIngredient = 4;
inline constexpr unsigned kWeightCategory = 3;
inline constexpr unsigned kWeightIndication = 3;
inline constexpr unsigned kWeightKeywords = 2;
inline constexpr unsigned kWeightForm = 2;
inline constexpr unsigned kWeightShortDescription = 1;
inline constexpr unsigned kWeightDescription = 1;

// ---- Value slots ----------------------------------------------------------
enum Slot : unsigned {
  kSlotPrice = 0,        // sortable_serialise(selling price in the store's base currency)
  kSlotRating = 1,       // sortable_serialise(average rating 0..5)
  kSlotReviewCount = 2,  // sortable_serialise(approved review count)
  kSlotPopularity = 3,   // sortable_serialise(time-decayed units sold)
  kSlotCreatedAt = 4,    // sortable_serialise(created_at, seconds since the epoch)
  kSlotBrand = 5,        // brand slug (raw string), for facets
  kSlotCategories = 6,   // category slugs incl. ancestors, joined by kListSeparator, for facets
  kSlotForm = 7,         // form (normalised, raw string), for facets
  kSlotPrior = 8,        // sortable_serialise(business prior 0..1 from ranking::business_prior)
  kSlotId = 9,           // product id (uuid text), so the server maps docids to products from memory
  kSlotName = 10,        // text::normalize(name), for the exact-match boost
  kSlotBrandName = 11,   // text::normalize(brand name), for the exact-match boost
};

inline constexpr char kListSeparator = '\x1f';

// ---- Term builders --------------------------------------------------------
std::string id_term(std::string_view product_id);
std::string sku_term(std::string_view sku);
std::string slug_term(std::string_view slug);
std::string brand_term(std::string_view brand_slug);
std::string category_term(std::string_view category_slug);
std::string form_term(std::string_view form);
std::string type_term(std::string_view type);
std::string prescription_term(bool required);
std::string stock_term(std::string_view country_code);  // "" -> KANY
std::string canonical_ingredient_term(std::string_view ingredient_slug);
std::string phonetic_term(std::string_view key);
std::string name_stem_term(std::string_view stem);
std::string name_ingredient_term(std::string_view ingredient_slug);
std::string mentioned_ingredient_term(std::string_view ingredient_slug);
std::string use_stem_term(std::string_view stem);

// Normalised facet/filter value: lower-case, spaces and punctuation as '-'.
std::string facet_value(std::string_view raw);

}  // namespace ayc::index
