// Order money and lifecycle: tax, shipping, coupons, totals; status and the
// timestamps that go with it. Also the tally pass over all orders.
#include <algorithm>

#include "data/datagen/logistics.h"
#include "data/datagen/orders.h"

namespace ayc::datagen {

namespace {
const CouponContent kCoupons[] = {
    {"WELCOME10", "Welcome offer: 10% off your first order", 10, 0, 0, 20000, "", true},
    {"AYUR15", "15% off orders above Rs 999", 15, 0, 99900, 30000, "", false},
    {"FLAT100", "Rs 100 off orders above Rs 799", 0, 10000, 79900, 0, "", false},
    {"DIWALI20", "Diwali sale: 20% off", 20, 0, 149900, 50000, "10|11", false},
    {"WINTER15", "Winter wellness: 15% off", 15, 0, 69900, 25000, "11|12|1|2", false},
    {"SUMMER10", "Summer care: 10% off", 10, 0, 49900, 15000, "4|5|6", false},
    {"MONSOON12", "Monsoon immunity: 12% off", 12, 0, 59900, 20000, "7|8|9", false},
};

std::int64_t in_currency(const Catalog& c, std::int64_t inr_paise, const std::string& currency) {
  return convert_cents(*c.ref, inr_paise, currency);
}
}  // namespace

std::span<const CouponContent> coupons() { return kCoupons; }

const char* order_status_name(OrderStatus s) {
  switch (s) {
    case OrderStatus::kPending: return "pending";
    case OrderStatus::kConfirmed: return "confirmed";
    case OrderStatus::kProcessing: return "processing";
    case OrderStatus::kShipped: return "shipped";
    case OrderStatus::kDelivered: return "delivered";
    case OrderStatus::kCancelled: return "cancelled";
    case OrderStatus::kRefunded: return "refunded";
  }
  return "pending";
}

void OrderPlanner::price(PlannedOrder& o, const CustomerSpec& s, bool first_order, std::int64_t day,
                         Rng& rng) const {
  std::int64_t subtotal_inr = 0;
  for (const auto& it : o.items) {
    o.subtotal += it.total_cents;
    subtotal_inr += it.unit_paise * it.quantity;
    if (o.currency == "INR") o.tax += (it.total_cents * group_content(c_.tmpl(it.product).group).tax_rate + 50) / 100;
  }
  const ZoneContent& zone = zone_for(country_of(s).code);
  const double m = rng.unit();
  o.shipping_method = m < 0.82 ? "standard" : (zone.overnight && m > 0.98) ? "overnight" : "express";
  const std::int64_t fee = o.shipping_method[0] == 's' ? (subtotal_inr >= zone.free_above_paise ? 0 : zone.standard_paise)
                           : o.shipping_method[0] == 'e' ? zone.express_paise
                                                         : zone.overnight_paise;
  o.shipping = in_currency(c_, fee, o.currency);
  o.estimated_delivery_day = (o.ordered_at / kSecondsPerDay) +
                             (o.shipping_method[0] == 's' ? zone.standard_days : o.shipping_method[0] == 'e' ? zone.express_days : 1);
  if (rng.chance(first_order ? 0.35 : 0.12)) {
    const int k = static_cast<int>(rng.below(std::size(kCoupons)));
    const CouponContent& cp = kCoupons[k];
    const auto [from, to] = coupon_days_[static_cast<std::size_t>(k)];
    if ((!cp.first_order_only || first_order) && day >= from && day <= to && subtotal_inr >= cp.min_order_paise) {
      std::int64_t off = cp.percent > 0 ? subtotal_inr * cp.percent / 100 : cp.fixed_paise;
      if (cp.max_discount_paise > 0) off = std::min(off, cp.max_discount_paise);
      o.discount = std::min(o.subtotal, in_currency(c_, off, o.currency));
      o.coupon = k;
    }
  }
  o.total = o.subtotal + o.tax + o.shipping - o.discount;
  o.note = rng.chance(0.08) ? static_cast<int>(rng.below(6)) : -1;
}

void OrderPlanner::schedule(PlannedOrder& o, const CustomerSpec& s, Rng& rng) const {
  const ZoneContent& zone = zone_for(country_of(s).code);
  const std::int64_t end = c_.window.end_seconds();
  const std::int64_t transit = (o.shipping_method[0] == 's' ? zone.standard_days : zone.express_days);
  o.confirmed_at = o.ordered_at + rng.between(120, 5400);
  o.shipped_at = o.confirmed_at + rng.between(8, 60) * 3600;
  o.delivered_at = o.shipped_at + std::max<std::int64_t>(1, transit + rng.between(-2, 2)) * kSecondsPerDay;
  o.delivered_at += rng.between(0, 8 * 3600);
  const double u = rng.unit();
  o.status = u < 0.045 ? OrderStatus::kCancelled : u < 0.065 ? OrderStatus::kRefunded : OrderStatus::kDelivered;
  if (o.status == OrderStatus::kCancelled) {
    o.shipped_at = o.delivered_at = 0;
    if (rng.chance(0.3) || o.confirmed_at >= end) o.confirmed_at = 0;
    o.updated_at = std::min(end - 1, o.ordered_at + rng.between(600, 86400));
    const double p = rng.unit();
    o.payment_status = p < 0.5 ? "refunded" : p < 0.8 ? "failed" : "pending";
    return;
  }
  if (o.status == OrderStatus::kRefunded) {
    o.updated_at = o.delivered_at + rng.between(2, 10) * kSecondsPerDay;
    if (o.updated_at >= end) o.status = OrderStatus::kDelivered;
  }
  if (o.delivered_at >= end) o.status = OrderStatus::kShipped, o.delivered_at = 0;
  if (o.status == OrderStatus::kShipped && o.shipped_at >= end) o.status = OrderStatus::kProcessing, o.shipped_at = 0;
  if (o.status == OrderStatus::kProcessing && o.confirmed_at >= end) o.status = OrderStatus::kPending, o.confirmed_at = 0;
  if (o.status == OrderStatus::kProcessing && end - o.ordered_at < 6 * 3600) o.status = OrderStatus::kConfirmed;
  switch (o.status) {
    case OrderStatus::kRefunded:
      o.payment_status = rng.chance(0.8) ? "refunded" : "partially_refunded";
      break;
    case OrderStatus::kDelivered: o.updated_at = o.delivered_at; o.payment_status = "paid"; break;
    case OrderStatus::kShipped: o.updated_at = o.shipped_at; o.payment_status = "paid"; break;
    case OrderStatus::kPending: o.updated_at = o.ordered_at; o.payment_status = "pending"; break;
    default: o.updated_at = o.confirmed_at; o.payment_status = "paid"; break;
  }
}

OrderTally tally_orders(const OrderPlanner& planner, const std::function<void(const PurchasedLine&)>& on_purchase) {
  OrderTally t;
  t.sold.assign(planner.catalog().products.size(), 0);
  t.coupon_uses.assign(coupons().size(), 0);
  std::vector<PlannedOrder> orders;
  for (std::uint32_t i = 0; i < planner.customers().specs.size(); ++i) {
    planner.plan(i, orders);
    for (const PlannedOrder& o : orders) {
      ++t.orders;
      if (o.coupon >= 0) ++t.coupon_uses[static_cast<std::size_t>(o.coupon)];
      for (std::uint8_t line = 0; line < o.items.size(); ++line) {
        const PlannedItem& it = o.items[line];
        ++t.lines;
        t.sold[it.product] += it.quantity;
        if (o.status == OrderStatus::kDelivered && it.first_purchase) {
          ++t.review_candidates;
          on_purchase(PurchasedLine{o.index, line, i, it.product, o.delivered_at});
        }
      }
    }
  }
  return t;
}

}  // namespace ayc::datagen
