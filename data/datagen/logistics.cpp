#include "data/datagen/logistics.h"

#include <algorithm>
#include <cctype>

#include "data/datagen/json.h"

namespace ayc::datagen {

namespace {
const CenterContent kCenters[] = {
    {"KOC", "AyurvedaCart Kochi Fulfilment Centre", "Kochi", "Kerala", "IN", "682030",
     "Plot 14, KINFRA Industrial Park, Kakkanad", "Asia/Kolkata", "INR", "+91 484 240 1100",
     "Anil Menon", 250000, 1.0},
    {"DEL", "AyurvedaCart Delhi NCR Warehouse", "Delhi", "Delhi", "IN", "110037",
     "Khasra 312, Mahipalpur Extension", "Asia/Kolkata", "INR", "+91 11 4050 2200", "Ritu Sharma",
     180000, 0.6},
    {"BOM", "AyurvedaCart Mumbai Warehouse", "Bhiwandi", "Maharashtra", "IN", "421302",
     "Building B4, Arihant Logistics Park", "Asia/Kolkata", "INR", "+91 22 6120 3300",
     "Sameer Kulkarni", 200000, 0.6},
    {"EWR", "AyurvedaCart USA East", "Edison", "New Jersey", "US", "08837", "120 Mack Drive",
     "America/New_York", "USD", "+1 732 555 0140", "Rakesh Patel", 60000, 0.18},
    {"LHR", "AyurvedaCart UK", "Hayes", "England", "GB", "UB3 1HA", "Unit 7, Prologis Park",
     "Europe/London", "GBP", "+44 20 7946 0321", "Emma Clarke", 30000, 0.14},
    {"DXB", "AyurvedaCart Middle East", "Dubai", "Dubai", "AE", "00000",
     "Warehouse 22, Jebel Ali Free Zone South", "Asia/Dubai", "USD", "+971 4 555 0190",
     "Faisal Rahman", 40000, 0.2},
    {"SYD", "AyurvedaCart Australia", "Sydney", "New South Wales", "AU", "2170",
     "18 Kent Road, Mascot", "Australia/Sydney", "AUD", "+61 2 5550 1234", "Sanjay Iyer", 20000,
     0.1},
    {"YYZ", "AyurvedaCart Canada", "Mississauga", "Ontario", "CA", "L5T 2H7", "6200 Dixie Road",
     "America/Toronto", "CAD", "+1 905 555 0172", "Harpreet Singh", 20000, 0.1},
    {"FRA", "AyurvedaCart Europe", "Frankfurt", "Hesse", "DE", "60549", "Cargo City Sued, Gebaeude 558",
     "Europe/Berlin", "EUR", "+49 69 555 0133", "Lukas Fischer", 20000, 0.08},
    {"SIN", "AyurvedaCart South-East Asia", "Singapore", "Singapore", "SG", "498760",
     "3 Changi South Street 2", "Asia/Singapore", "USD", "+65 6555 0188", "Wong Mei Ling", 15000, 0.08},
};

const ZoneContent kZones[] = {
    {"India", "IN", 5, 2, true, 4900, 9900, 19900, 49900},
    {"North America", "US|CA|MX", 10, 5, false, 149900, 299900, 0, 800000},
    {"Europe", "DE|FR|NL|IT|ES|IE|BE|AT|SE|DK|FI|PT|PL", 12, 6, false, 179900, 349900, 0, 1000000},
    {"United Kingdom", "GB", 9, 5, false, 129900, 279900, 0, 800000},
    {"Middle East", "AE|SA|QA|KW|OM|BH", 6, 3, false, 79900, 179900, 0, 500000},
    {"Oceania", "AU|NZ", 12, 6, false, 179900, 349900, 0, 1000000},
    {"South-East Asia", "SG|MY|TH|ID|PH|VN", 8, 4, false, 99900, 199900, 0, 600000},
};
}  // namespace

const TableSpec kCentersTable{
    "distribution_centers",
    {"id", "name", "code", "address", "city", "state_province", "country", "postal_code", "timezone",
     "phone", "email", "manager_name", "is_active", "operating_hours", "shipping_methods",
     "supported_currencies", "max_capacity", "current_utilization", "created_at", "updated_at"}};
const TableSpec kInventoryTable{
    "distribution_center_inventory",
    {"id", "distribution_center_id", "product_id", "variant_id", "stock_quantity", "reserved_quantity",
     "min_stock_level", "max_stock_level", "local_price", "local_currency", "last_updated", "created_at"}};
const TableSpec kZonesTable{
    "shipping_zones",
    {"id", "name", "countries", "standard_delivery_days", "express_delivery_days", "overnight_available",
     "standard_rate", "express_rate", "overnight_rate", "free_shipping_threshold", "is_active",
     "created_at", "updated_at"}};

std::span<const CenterContent> centers() { return kCenters; }
std::span<const ZoneContent> zones() { return kZones; }

int center_index(std::string_view code) {
  for (std::size_t i = 0; i < std::size(kCenters); ++i) {
    if (code == kCenters[i].code) return static_cast<int>(i);
  }
  return 0;
}

const ZoneContent& zone_for(std::string_view country_code) {
  for (const auto& z : kZones) {
    for (auto code : split_list(z.countries)) {
      if (code == country_code) return z;
    }
  }
  return kZones[0];
}

std::vector<StockRow> inventory_for(const Catalog& c, std::uint32_t p) {
  std::vector<StockRow> rows;
  const ProductSpec& s = c.products[p];
  if (s.status == ProductStatus::kDraft) return rows;
  const Template& t = c.templates[s.tmpl];
  Rng rng(c.seed, Stream::kInventory, p);
  const double demand = std::min(1.0, t.popularity / 10.0 * brands()[s.brand].popularity);
  for (std::uint8_t i = 0; i < std::size(kCenters); ++i) {
    const CenterContent& dc = kCenters[i];
    const bool india = std::string_view(dc.country) == "IN";
    const double share = i == 0 ? 1.0 : dc.stock_share * (india ? 1.0 : 0.6 + demand);
    if (!rng.chance(share)) continue;
    if (!india && (t.prescription || s.status != ProductStatus::kActive)) continue;
    StockRow r;
    r.center = i;
    const bool empty = rng.chance(s.status == ProductStatus::kActive ? 0.06 : 0.5);
    const std::int64_t high = india ? 60 + static_cast<std::int64_t>(600 * demand) : 40;
    r.stock = empty ? 0 : static_cast<std::int32_t>(rng.between(3, high));
    r.reserved = r.stock > 0 ? static_cast<std::int32_t>(rng.between(0, std::min<std::int32_t>(r.stock, 6))) : 0;
    r.min_level = static_cast<std::int32_t>(rng.between(5, 25));
    r.max_level = static_cast<std::int32_t>(rng.between(4, 20) * 50);
    rows.push_back(r);
  }
  return rows;
}

std::int64_t on_hand_stock(const Catalog& c, std::uint32_t p) {
  std::int64_t total = 0;
  for (const auto& r : inventory_for(c, p)) total += r.stock;
  return total;
}

void write_centers(const Catalog& c, RowSink& out) {
  Row row;
  for (std::size_t i = 0; i < std::size(kCenters); ++i) {
    const CenterContent& dc = kCenters[i];
    const std::string currency = c.ref->currency_or_inr(dc.currency);
    Json address, hours, methods, currencies;
    address.begin_object().field("line1", dc.line1).field("city", dc.city).field("state", dc.state)
        .field("postal_code", dc.postal_code).field("country", dc.country).end_object();
    hours.begin_object();
    for (const char* day : {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}) {
      hours.key(day).begin_object().field("open", "08:00").field("close", "20:00").end_object();
    }
    hours.end_object();
    const bool india = std::string_view(dc.country) == "IN";
    methods.begin_array().string("standard").string("express");
    if (india) methods.string("overnight");
    methods.end_array();
    currencies.begin_array().string(currency);
    if (currency != "USD" && c.ref->has_currency("USD")) currencies.string("USD");
    currencies.end_array();
    Rng rng(c.seed, Stream::kCenter, i);
    const std::int64_t created = c.window.start_seconds() + rng.between(0, 3 * kSecondsPerDay);
    std::string email = "ops." + std::string(dc.code) + "@ayurvedacart.com";
    for (char& ch : email) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    row.clear();
    row.uuid(make_uuid(c.seed, Stream::kCenter, i)).text(dc.name).text(dc.code).text(address.str())
        .text(dc.city).text(dc.state).text(dc.country).text(dc.postal_code).text(dc.timezone)
        .text(dc.phone).text(email).text(dc.manager).boolean(true).text(hours.str())
        .text(methods.str()).text(currencies.str()).integer(dc.capacity)
        .fixed(rng.between(3500, 9200), 2).timestamp(created).timestamp(created);
    out.put(row);
  }
}

void write_inventory(const Catalog& c, RowSink& out) {
  Row row;
  for (std::uint32_t p = 0; p < c.products.size(); ++p) {
    const ProductSpec& s = c.products[p];
    const std::int64_t created = c.window.start_seconds() + s.created_day * kSecondsPerDay + 3600;
    for (const StockRow& r : inventory_for(c, p)) {
      const CenterContent& dc = kCenters[r.center];
      const std::string currency = c.ref->currency_or_inr(dc.currency);
      const std::int64_t updated =
          created + static_cast<std::int64_t>(mix64(p, r.center) % static_cast<std::uint64_t>(
                                                    c.window.end_seconds() - created));
      row.clear();
      row.uuid(make_uuid(c.seed, Stream::kInventory, std::uint64_t{p} * 16 + r.center))
          .uuid(make_uuid(c.seed, Stream::kCenter, r.center)).uuid(make_uuid(c.seed, Stream::kProduct, p))
          .null().integer(r.stock).integer(r.reserved).integer(r.min_level).integer(r.max_level)
          .money(local_price_cents(*c.ref, s.price_paise, currency)).text(currency).timestamp(updated)
          .timestamp(created);
      out.put(row);
    }
  }
}

void write_zones(const Catalog& c, RowSink& out) {
  Row row;
  for (std::size_t i = 0; i < std::size(kZones); ++i) {
    const ZoneContent& z = kZones[i];
    Json countries;
    countries.begin_array();
    for (auto code : split_list(z.countries)) countries.string(code);
    countries.end_array();
    const std::int64_t created = c.window.start_seconds() + static_cast<std::int64_t>(i) * 600;
    row.clear();
    row.uuid(make_uuid(c.seed, Stream::kZone, i)).text(z.name).text(countries.str())
        .integer(z.standard_days).integer(z.express_days).boolean(z.overnight).money(z.standard_paise)
        .money(z.express_paise);
    if (z.overnight_paise > 0) {
      row.money(z.overnight_paise);
    } else {
      row.null();
    }
    row.money(z.free_above_paise).boolean(true).timestamp(created).timestamp(created);
    out.put(row);
  }
}

}  // namespace ayc::datagen
