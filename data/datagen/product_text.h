// Text of a product rendered from its compact spec: title, slug, SKU, pack
// label, descriptions, search keywords and the JSON of its ingredients,
// indications and contraindications. Pure functions of (catalog, product).
//
// Thread-safety: pure; safe to call from any thread on a built Catalog.
#pragma once

#include <cstdint>
#include <string>

#include "data/datagen/catalog.h"

namespace ayc::datagen {

// "Dabur Ashwagandharishta 450 ml", "Organic India Tulsi Capsules (60 Capsules)".
std::string product_title(const Catalog& c, std::uint32_t p);
// Title without brand or pack: "Ashwagandharishta", "Tulsi Capsules".
std::string product_base_name(const Catalog& c, std::uint32_t p);
// The title's slug; later listings of the same title get "-2", "-3", ...
std::string product_slug(const Catalog& c, std::uint32_t p);
// Unique per (product, pack): "DAB-ASHWA-450ML-0004F".
std::string product_sku(const Catalog& c, std::uint32_t p, std::uint8_t pack);
// "450 ml", "Pack of 2 x 450 ml".
std::string pack_size(const Catalog& c, std::uint32_t p, std::uint8_t pack);

struct ProductCopy {
  std::string short_description;
  std::string description;
  std::string dosage_instructions;
  std::string search_keywords;
  std::string meta_title;
  std::string meta_description;
  std::string ingredients_json;
  std::string indications_json;
  std::string contraindications_json;
};
// Everything written about the product; `rng` varies wording and JSON shape.
ProductCopy product_copy(const Catalog& c, std::uint32_t p, Rng& rng);

}  // namespace ayc::datagen
