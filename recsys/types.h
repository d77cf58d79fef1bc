// The plain values every recommendation model sees.
//
// Models never see UUIDs, SQL or clocks: the PostgreSQL adapter (pg_source.h)
// maps products, customers, orders, categories, brands and ingredients to dense
// 0-based indices and keeps the UUID tables in IdMaps so results can be mapped
// back. "Days" are whole days since the Unix epoch (UTC); `now_day` is passed
// in by the caller.
//
// Thread-safety: plain values; safe to share read-only between threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace ayc::recsys {

// "No such index": a guest order's customer, a product without a brand.
inline constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

// One purchased product in one order.
struct OrderLine {
  std::uint32_t order = 0;        // dense order index (below the number of lines)
  std::uint32_t customer = kNone; // dense customer index; kNone for a guest order
  std::uint32_t item = 0;         // dense product index into Dataset::items
  std::int32_t day = 0;           // day of the order, days since the epoch (20 bytes a line: a
                                  // million-product shop loads ten million lines)
  float quantity = 1;             // units
};

// What the catalogue says about one product, by dense index.
struct ItemContent {
  std::vector<std::uint32_t> ingredients;          // dense canonical ingredient ids (IngredientResolver)
  std::vector<std::string> indications;            // as stored; models normalise them
  std::vector<std::uint32_t> categories;           // categories the product is filed under
  std::vector<std::uint32_t> ancestor_categories;  // their ancestors not already in `categories`
  std::string form;                                // "tablet", "powder"...; may be empty
  std::uint32_t brand = kNone;                     // dense brand index
  bool active = true;   // status = 'active': only active products are ever recommended
  bool in_stock = true; // informational; stock is filtered at serving time
};

// A recommended product and how strongly it is recommended.
struct Scored {
  std::uint32_t item = 0;
  float score = 0;
  friend bool operator==(const Scored&, const Scored&) = default;
};

// Dense index -> UUID text, for mapping results back.
struct IdMaps {
  std::vector<std::string> products;   // indexed like Dataset::items
  std::vector<std::string> customers;  // users.id
  std::vector<std::string> categories; // categories.id
};

// Purchases and catalogue, everything the models learn from.
struct Dataset {
  std::vector<OrderLine> lines;    // purchases only (no cancelled or refunded orders)
  std::vector<ItemContent> items;  // one per product, active or not
  std::size_t customer_count = 0;  // customers are 0..customer_count-1
  std::size_t category_count = 0;  // categories are 0..category_count-1
  std::int64_t now_day = 0;        // "today": trending windows and recency rules count from here
};

// What load_inputs() returns and compute_recommendations() takes.
struct RecsysInputs {
  IdMaps ids;
  Dataset data;
};

}  // namespace ayc::recsys
