// Orders: each customer's year of shopping, planned as a pure function of
// (seed, customer) so it can be replayed for each table it feeds (a tally
// pass for stock, then orders, then order lines) without holding millions of
// order lines in memory.
//
// A customer buys for a condition: the regimen's products recur order after
// order (refills), with a second condition now and then, seasonal extras
// (Chyawanprash in winter, aloe vera gel in summer) and popular impulse buys.
// Order volume follows the seasons of the customer's condition.
//
// Thread-safety: OrderPlanner is immutable after construction; plan() may be
// called from several threads with separate output vectors.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "data/datagen/catalog.h"
#include "data/datagen/customers.h"
#include "data/datagen/row.h"

namespace ayc::datagen {

struct CouponContent {
  const char* code;
  const char* name;
  int percent;                // 0 for a fixed amount
  std::int64_t fixed_paise;
  std::int64_t min_order_paise;
  std::int64_t max_discount_paise;  // 0 = no cap
  const char* months;         // '|' months it runs in; "" = all year
  bool first_order_only;
};
std::span<const CouponContent> coupons();

enum class OrderStatus : std::uint8_t {
  kPending, kConfirmed, kProcessing, kShipped, kDelivered, kCancelled, kRefunded
};
const char* order_status_name(OrderStatus s);

struct PlannedItem {
  std::uint32_t product = 0;
  std::uint8_t pack = 0;
  std::uint8_t variant = 0;     // Variant::number
  std::uint8_t quantity = 1;
  bool first_purchase = false;  // the customer's first time buying this product
  std::int64_t unit_cents = 0;  // in the order's currency
  std::int64_t unit_paise = 0;  // the same in INR, the store's base currency
  std::int64_t total_cents = 0;
};

struct PlannedOrder {
  std::uint64_t index = 0;  // global order number, 0-based
  std::int64_t ordered_at = 0;
  std::int64_t confirmed_at = 0;  // 0 = NULL
  std::int64_t shipped_at = 0;
  std::int64_t delivered_at = 0;
  std::int64_t updated_at = 0;
  std::int64_t estimated_delivery_day = 0;
  OrderStatus status = OrderStatus::kPending;
  const char* payment_status = "pending";
  const char* shipping_method = "standard";
  std::uint8_t center = 0;
  std::string currency = "INR";
  std::int64_t rate_e4 = 0;
  int coupon = -1;
  int note = -1;
  std::int64_t subtotal = 0, tax = 0, shipping = 0, discount = 0, total = 0;
  std::vector<PlannedItem> items;
};

// Regimen slots resolved to templates that have orderable products.
struct Regimens {
  std::vector<std::vector<std::vector<int>>> slots;  // [regimen][slot] -> template alternatives
  std::array<std::vector<int>, 4> seasonal;          // by Season
};

class OrderPlanner {
 public:
  OrderPlanner(const Catalog& c, const Customers& cs);

  // The customer's orders, oldest first.
  void plan(std::uint32_t customer, std::vector<PlannedOrder>& out) const;

  const Catalog& catalog() const { return c_; }
  const Customers& customers() const { return cs_; }
  const Regimens& regimens_resolved() const { return regimens_; }
  // First and last day (offsets, inclusive) a coupon is valid within the window.
  std::pair<std::int64_t, std::int64_t> coupon_days(int coupon) const { return coupon_days_[coupon]; }

 private:
  struct CoreItem {
    std::uint32_t product;
    double chance;  // of being in any one order
  };
  std::vector<CoreItem> choose_core(const CustomerSpec& s, Rng& rng) const;
  std::uint32_t pick_product(int tmpl, std::uint16_t brand, Rng& rng) const;
  std::vector<std::int64_t> order_days(const CustomerSpec& s, Rng& rng) const;
  void fill_items(PlannedOrder& o, const CustomerSpec& s, const std::vector<CoreItem>& core,
                  std::int64_t day, Rng& rng) const;
  void add_item(PlannedOrder& o, std::uint32_t p, Rng& rng) const;
  void price(PlannedOrder& o, const CustomerSpec& s, bool first_order, std::int64_t day, Rng& rng) const;
  void schedule(PlannedOrder& o, const CustomerSpec& s, Rng& rng) const;

  const Catalog& c_;
  const Customers& cs_;
  Regimens regimens_;
  std::vector<std::pair<std::int64_t, std::int64_t>> coupon_days_;
};

// What the order lines take out of stock, and what the later passes need.
struct OrderTally {
  std::vector<std::int32_t> sold;     // quantity per product
  std::uint64_t orders = 0;
  std::uint64_t lines = 0;
  std::uint64_t review_candidates = 0;  // delivered first purchases
  std::vector<std::uint64_t> coupon_uses;
};

// A delivered first purchase: what a review may be written about.
struct PurchasedLine {
  std::uint64_t order = 0;
  std::uint8_t line = 0;
  std::uint32_t customer = 0;
  std::uint32_t product = 0;
  std::int64_t delivered_at = 0;
};

// Replays every customer's orders once; `on_purchase` sees each delivered
// first purchase in a fixed order.
OrderTally tally_orders(const OrderPlanner& planner, const std::function<void(const PurchasedLine&)>& on_purchase);

extern const TableSpec kOrdersTable;
extern const TableSpec kOrderItemsTable;
extern const TableSpec kCouponsTable;
extern const TableSpec kCouponUsageTable;

struct CouponUse {
  std::uint64_t order = 0;
  std::uint32_t customer = 0;
  std::int16_t coupon = 0;
  std::int64_t discount_cents = 0;
  std::int64_t used_at = 0;
};

void write_coupons(const OrderPlanner& planner, const OrderTally& tally, RowSink& out);
void write_orders(const OrderPlanner& planner, RowSink& out, std::vector<CouponUse>& uses);
void write_order_items(const OrderPlanner& planner, RowSink& out);
void write_coupon_usage(const Catalog& c, const std::vector<CouponUse>& uses, RowSink& out);

}  // namespace ayc::datagen
