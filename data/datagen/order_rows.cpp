// Rows of orders, order_items, coupons and coupon_usage.
#include <algorithm>

#include <cstdio>

#include "data/datagen/content_text.h"
#include "data/datagen/json.h"
#include "data/datagen/logistics.h"
#include "data/datagen/orders.h"
#include "data/datagen/product_text.h"

namespace ayc::datagen {

const TableSpec kOrdersTable{
    "orders",
    {"id", "order_number", "user_id", "status", "payment_status", "subtotal", "tax_amount",
     "shipping_amount", "discount_amount", "total_amount", "shipping_address", "billing_address",
     "currency", "exchange_rate", "shipping_method", "estimated_delivery", "distribution_center_id",
     "notes", "customer_notes", "ordered_at", "confirmed_at", "shipped_at", "delivered_at", "created_at",
     "updated_at"}};
const TableSpec kOrderItemsTable{"order_items",
                                 {"id", "order_id", "product_id", "variant_id", "product_name",
                                  "product_sku", "unit_price", "quantity", "total_price", "created_at"}};
const TableSpec kCouponsTable{
    "coupons",
    {"id", "code", "name", "description", "discount_type", "discount_value", "minimum_order_value",
     "maximum_discount_amount", "usage_limit", "usage_count", "usage_limit_per_customer", "valid_from",
     "valid_until", "applicable_categories", "applicable_products", "is_active", "created_at",
     "updated_at"}};
const TableSpec kCouponUsageTable{"coupon_usage",
                                  {"id", "coupon_id", "user_id", "order_id", "discount_amount", "used_at"}};

namespace {
std::string address_json(const Address& a) {
  Json j;
  j.begin_object().field("first_name", a.first_name).field("last_name", a.last_name);
  if (!a.phone.empty()) j.field("phone", a.phone);
  j.field("address_line_1", a.line1);
  if (!a.line2.empty()) j.field("address_line_2", a.line2);
  j.field("city", a.city).field("state", a.state).field("postal_code", a.postal_code)
      .field("country", a.country).field("country_code", a.country_code).end_object();
  return j.str();
}

std::string order_number(std::int64_t ordered_at, std::uint64_t index) {
  const CivilDate d = civil_from_days(ordered_at / kSecondsPerDay);
  std::string n = std::to_string(index + 1);
  n.insert(0, n.size() < 7 ? 7 - n.size() : 0, '0');
  char date[16];
  std::snprintf(date, sizeof date, "%02d%02d%02d", d.year % 100, d.month, d.day);
  return "AYC" + std::string(date) + "-" + n;
}

void timestamp_or_null(Row& row, std::int64_t t) {
  if (t > 0) {
    row.timestamp(t);
  } else {
    row.null();
  }
}
}  // namespace

void write_orders(const OrderPlanner& planner, RowSink& out, std::vector<CouponUse>& uses) {
  const Catalog& c = planner.catalog();
  const Customers& cs = planner.customers();
  Row row;
  std::vector<PlannedOrder> orders;
  for (std::uint32_t i = 0; i < cs.specs.size(); ++i) {
    planner.plan(i, orders);
    if (orders.empty()) continue;
    const std::string shipping = address_json(address_of(c, cs, i, 0));
    const std::string billing =
        cs.specs[i].addresses > 1 && mix64(c.seed, i) % 3 == 0 ? address_json(address_of(c, cs, i, 1)) : shipping;
    for (const PlannedOrder& o : orders) {
      row.clear();
      row.uuid(make_uuid(c.seed, Stream::kOrder, o.index)).text(order_number(o.ordered_at, o.index))
          .uuid(make_uuid(c.seed, Stream::kUser, i)).text(order_status_name(o.status)).text(o.payment_status)
          .money(o.subtotal).money(o.tax).money(o.shipping).money(o.discount).money(o.total).text(shipping);
      if (mix64(c.seed ^ 0xB111, o.index) % 5 == 0) {
        row.null();
      } else {
        row.text(billing);
      }
      row.text(o.currency).fixed(o.rate_e4, 4).text(o.shipping_method).date(o.estimated_delivery_day)
          .uuid(make_uuid(c.seed, Stream::kCenter, o.center))
          .text_or_null(o.coupon >= 0 ? std::string("Coupon ") + coupons()[static_cast<std::size_t>(o.coupon)].code : "")
          .text_or_null(o.note >= 0 ? customer_notes()[static_cast<std::size_t>(o.note)] : "")
          .timestamp(o.ordered_at);
      timestamp_or_null(row, o.confirmed_at);
      timestamp_or_null(row, o.shipped_at);
      timestamp_or_null(row, o.delivered_at);
      row.timestamp(o.ordered_at).timestamp(std::max(o.updated_at, o.ordered_at));
      out.put(row);
      if (o.coupon >= 0) {
        uses.push_back(CouponUse{o.index, i, static_cast<std::int16_t>(o.coupon), o.discount, o.ordered_at});
      }
    }
  }
}

namespace {
void put_order_item(const OrderPlanner& planner, const PlannedOrder& o, std::uint8_t line, Row& row,
                    RowSink& out) {
  const Catalog& c = planner.catalog();
  const PlannedItem& it = o.items[line];
  const ProductSpec& s = c.products[it.product];
  const std::string name = it.pack == s.pack ? product_title(c, it.product)
                                             : std::string(c.brand(it.product).short_name) + " " +
                                                   product_base_name(c, it.product) + " - " +
                                                   pack_size(c, it.product, it.pack);
  row.clear();
  row.uuid(make_uuid(c.seed, Stream::kOrderItem, o.index * 16 + line)).uuid(make_uuid(c.seed, Stream::kOrder, o.index))
      .uuid(make_uuid(c.seed, Stream::kProduct, it.product))
      .uuid(make_uuid(c.seed, Stream::kVariant, std::uint64_t{it.product} * 8 + it.variant)).text(name)
      .text(product_sku(c, it.product, it.pack)).money(it.unit_cents).integer(it.quantity).money(it.total_cents)
      .timestamp(o.ordered_at);
  out.put(row);
}
}  // namespace

void write_order_items(const OrderPlanner& planner, RowSink& out) {
  Row row;
  std::vector<PlannedOrder> orders;
  for (std::uint32_t i = 0; i < planner.customers().specs.size(); ++i) {
    planner.plan(i, orders);
    for (const PlannedOrder& o : orders) {
      for (std::uint8_t line = 0; line < o.items.size(); ++line) put_order_item(planner, o, line, row, out);
    }
  }
}

void write_coupons(const OrderPlanner& planner, const OrderTally& tally, RowSink& out) {
  const Catalog& c = planner.catalog();
  Row row;
  for (std::size_t k = 0; k < coupons().size(); ++k) {
    const CouponContent& cp = coupons()[k];
    const auto [from, to] = planner.coupon_days(static_cast<int>(k));
    const std::int64_t created = c.window.start_seconds() + static_cast<std::int64_t>(k) * 300;
    row.clear();
    row.uuid(make_uuid(c.seed, Stream::kCoupon, k)).text(cp.code).text(cp.name)
        .text(std::string(cp.name) + (cp.first_order_only ? ". Valid on the first order only." : "."))
        .text(cp.percent > 0 ? "percentage" : "fixed_amount")
        .money(cp.percent > 0 ? cp.percent * 100 : cp.fixed_paise).money(cp.min_order_paise);
    if (cp.max_discount_paise > 0) {
      row.money(cp.max_discount_paise);
    } else {
      row.null();
    }
    row.null().integer(static_cast<std::int64_t>(tally.coupon_uses[k])).integer(cp.first_order_only ? 1 : 5)
        .timestamp(std::max(created, c.window.start_seconds() + from * kSecondsPerDay));
    if (*cp.months) {
      row.timestamp(c.window.start_seconds() + (to + 1) * kSecondsPerDay - 1);
    } else {
      row.null();
    }
    row.text("[]").text("[]").boolean(true).timestamp(created).timestamp(created);
    out.put(row);
  }
}

void write_coupon_usage(const Catalog& c, const std::vector<CouponUse>& uses, RowSink& out) {
  Row row;
  for (const CouponUse& u : uses) {
    row.clear();
    row.uuid(make_uuid(c.seed, Stream::kCouponUsage, u.order)).uuid(make_uuid(c.seed, Stream::kCoupon, static_cast<std::uint64_t>(u.coupon)))
        .uuid(make_uuid(c.seed, Stream::kUser, u.customer)).uuid(make_uuid(c.seed, Stream::kOrder, u.order))
        .money(u.discount_cents).timestamp(u.used_at);
    out.put(row);
  }
}

}  // namespace ayc::datagen
