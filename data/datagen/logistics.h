// Distribution centres, per-centre inventory and shipping zones.
//
// India's main centre (Kochi) stocks every listed product; Delhi and Mumbai
// and the overseas centres stock a realistic subset, some at zero. A
// product's on-hand stock (the sum over centres) is what products.stock_quantity
// ends at once the order lines have decremented it.
//
// Thread-safety: pure functions over a built Catalog.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "data/datagen/catalog.h"
#include "data/datagen/row.h"

namespace ayc::datagen {

struct CenterContent {
  const char* code;
  const char* name;
  const char* city;
  const char* state;
  const char* country;  // ISO 3166 alpha-2
  const char* postal_code;
  const char* line1;
  const char* timezone;
  const char* currency;
  const char* phone;
  const char* manager;
  int capacity;
  double stock_share;   // share of listed products it carries
};

struct ZoneContent {
  const char* name;
  const char* countries;  // '|' ISO codes
  int standard_days;
  int express_days;
  bool overnight;
  std::int64_t standard_paise;
  std::int64_t express_paise;
  std::int64_t overnight_paise;  // 0 when not offered
  std::int64_t free_above_paise;
};

std::span<const CenterContent> centers();
int center_index(std::string_view code);
std::span<const ZoneContent> zones();
// The zone shipping to an ISO country code (the first zone when none lists it).
const ZoneContent& zone_for(std::string_view country_code);

struct StockRow {
  std::uint8_t center = 0;
  std::int32_t stock = 0;
  std::int32_t reserved = 0;
  std::int32_t min_level = 0;
  std::int32_t max_level = 0;
};
std::vector<StockRow> inventory_for(const Catalog& c, std::uint32_t p);
std::int64_t on_hand_stock(const Catalog& c, std::uint32_t p);

extern const TableSpec kCentersTable;
extern const TableSpec kInventoryTable;
extern const TableSpec kZonesTable;
void write_centers(const Catalog& c, RowSink& out);
void write_inventory(const Catalog& c, RowSink& out);
void write_zones(const Catalog& c, RowSink& out);

}  // namespace ayc::datagen
