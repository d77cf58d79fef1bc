// A product as the indexer reads it from PostgreSQL: the product row joined
// with its brand, categories (with ancestors), variants, per-country stock,
// ratings and sales. Plain values; no library types.
//
// Thread-safety: plain values.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ayc::indexer {

struct CategoryRef {
  std::string id;
  std::string slug;
  std::string name;
};

struct VariantRecord {
  std::string sku;
  std::string name;
  double price = 0;
  int stock = 0;
};

struct ProductRecord {
  std::string id;
  std::string sku;
  std::string slug;
  std::string name;
  std::string short_description;
  std::string description;
  std::string type;
  std::string form;
  std::string dosage_form;
  std::string pack_size;
  std::string status;  // draft | active | inactive | discontinued
  std::string search_keywords;
  std::string ingredients_json;    // products.ingredients as stored (JSONB text)
  std::string indications_json;    // products.indications as stored
  std::string image_url;           // primary image, may be empty

  std::string brand_id;
  std::string brand_name;
  std::string brand_slug;

  // Primary category first; each entry's ancestors follow in `category_paths`.
  std::vector<CategoryRef> categories;
  // For every category of the product: the path root..leaf (slugs and names).
  std::vector<std::vector<CategoryRef>> category_paths;

  double selling_price = 0;
  double base_price = 0;
  double discount_percentage = 0;
  bool prescription_required = false;
  bool featured = false;
  bool track_inventory = true;
  int stock_quantity = 0;

  std::vector<VariantRecord> variants;
  // ISO country code -> units available (stock - reserved) across its centres.
  std::vector<std::pair<std::string, int>> stock_by_country;

  double average_rating = 0;
  int review_count = 0;
  double units_sold = 0;         // all time, purchases that count
  double units_sold_recent = 0;  // last 30 days
  double popularity = 0;         // time-decayed units sold

  std::int64_t created_at = 0;  // seconds since the epoch
  std::int64_t updated_at = 0;

  bool searchable() const { return status == "active"; }
};

}  // namespace ayc::indexer
