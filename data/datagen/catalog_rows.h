// Rows of the catalogue tables: brands, categories, products and their
// categories, images and variants.
//
// Thread-safety: pure functions over a built Catalog.
#pragma once

#include <cstdint>
#include <span>

#include "data/datagen/catalog.h"
#include "data/datagen/row.h"

namespace ayc::datagen {

extern const TableSpec kBrandsTable;
extern const TableSpec kCategoriesTable;
extern const TableSpec kProductsTable;
extern const TableSpec kProductCategoriesTable;
extern const TableSpec kProductImagesTable;
extern const TableSpec kProductVariantsTable;

// When a product was listed and last edited (seconds since the epoch).
std::int64_t product_created_at(const Catalog& c, std::uint32_t p);
std::int64_t product_updated_at(const Catalog& c, std::uint32_t p);

void write_brands(const Catalog& c, RowSink& out);
void write_categories(const Catalog& c, RowSink& out);
// The columns the schema's row triggers maintain, as the product row is
// inserted: either the starting values the triggers then work on, or -- when
// they are switched off for a bulk load -- exactly what they would have left.
struct ProductCounters {
  std::int64_t stock = 0;
  std::int64_t rating_e2 = 0;  // average_rating x 100; -1 = NULL
  std::int64_t review_count = 0;
};
void write_products(const Catalog& c, std::span<const ProductCounters> counters, RowSink& out);
void write_product_categories(const Catalog& c, RowSink& out);
void write_product_images(const Catalog& c, RowSink& out);
void write_product_variants(const Catalog& c, RowSink& out);

}  // namespace ayc::datagen
