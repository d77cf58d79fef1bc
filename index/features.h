// What the server needs to know about a product, a suggestion or a
// recommendation list without touching PostgreSQL, and their encodings in the
// feature store (versioned; documented in index/SCHEMA.md).
//
// Thread-safety: plain values and pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ayc::features {

inline constexpr std::uint8_t kProductEncodingVersion = 1;
inline constexpr std::uint8_t kCompactListEncodingVersion = 2;
inline constexpr std::uint8_t kProductOrdinalsEncodingVersion = 1;
inline constexpr std::uint8_t kSuggestionEncodingVersion = 1;

struct ProductFeatures {
  std::string id;
  std::string slug;
  std::string sku;
  std::string name;
  std::string brand_name;
  std::string brand_slug;
  std::string short_description;
  std::string form;
  std::string type;
  std::string image_url;
  std::string status;
  double price = 0;  // selling price, store base currency
  double mrp = 0;    // base (list) price, store base currency
  double rating = 0;
  std::uint32_t review_count = 0;
  double popularity = 0;
  bool prescription_required = false;
  std::int64_t created_at = 0;
  std::vector<std::string> category_slugs;  // primary first, ancestors included
  std::vector<std::pair<std::string, int>> stock_by_country;  // ISO code -> units
  int total_stock = 0;

  bool in_stock() const { return total_stock > 0; }
  // True when in stock for `country` (ISO code); empty country means anywhere.
  bool in_stock_in(std::string_view country) const;
};

struct ScoredItem {
  std::string id;
  float score = 0;
};

enum class SuggestionKind : std::uint8_t { kProduct = 0, kBrand, kCategory, kIngredient, kQuery };
const char* suggestion_kind_name(SuggestionKind kind);

struct Suggestion {
  std::string text;         // shown to the shopper: "Tulsi"
  std::vector<std::string> keys;  // normalised strings it is found by: "tulsi", "holy basil", ...
  SuggestionKind kind = SuggestionKind::kProduct;
  std::string slug;         // product/brand/category slug, empty for queries
  double weight = 0;        // popularity, higher first
};

std::string encode_product(const ProductFeatures& p);
std::optional<ProductFeatures> decode_product(std::string_view bytes);

// Compact lists (v2), what a generation's recommendation lists are stored
// as: an entry names its product by ordinal, its place in the generation's
// product ordinal table (written once, meta key `list_products`), and its
// score as a 32-bit float (ScoredItem::score is a float: nothing is lost).
// About 7 bytes an entry instead of 46 (measured: bench/RESULTS.md).
struct CompactItem {
  std::uint32_t ordinal = 0;
  float score = 0;
};
std::string encode_compact_list(const std::vector<CompactItem>& items);
// Nothing when damaged or when an ordinal is not in `ids`.
std::optional<std::vector<ScoredItem>> decode_compact_list(std::string_view bytes,
                                                           const std::vector<std::string>& ids);
// The ordinal table: ordinal -> product id.
std::string encode_product_ordinals(const std::vector<std::string>& ids);
std::optional<std::vector<std::string>> decode_product_ordinals(std::string_view bytes);

std::string encode_suggestion(const Suggestion& s);
std::optional<Suggestion> decode_suggestion(std::string_view bytes);

}  // namespace ayc::features
