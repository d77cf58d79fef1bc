// Planning one customer's orders: regimen products, order days by season,
// basket contents, prices in the customer's currency, and order status.
#include <algorithm>

#include "data/datagen/logistics.h"
#include "data/datagen/orders.h"

namespace ayc::datagen {

namespace {

constexpr int kMaxItems = 10;
constexpr std::int64_t kFirstOrderDay = 7;  // every seed listing exists by then

Season season_of_month(int month) {
  if (month == 11 || month == 12 || month == 1 || month == 2) return kWinter;
  if (month >= 4 && month <= 6) return kSummer;
  if (month >= 7 && month <= 9) return kMonsoon;
  return kAllYear;
}

// Demand for a condition in a month: winter coughs, summer skin, Diwali shopping.
double month_weight(int month, Season season) {
  double w = (month == 10 || month == 11) ? 1.3 : month == 1 ? 1.1 : 1.0;
  const Season now = season_of_month(month);
  if (season == kAllYear) return w;
  if (season == now) return w * 2.2;
  if ((season == kWinter && (month == 3 || month == 10)) || (season == kSummer && (month == 3 || month == 7))) {
    return w * 1.2;
  }
  return w * 0.55;
}

Regimens resolve_regimens(const Catalog& c) {
  Regimens out;
  auto usable = [&](std::string_view alternatives) {
    std::vector<int> templates;
    for (auto ref : split_list(alternatives)) {
      int t = c.find_template(ref);
      if (t >= 0 && !c.template_products[static_cast<std::size_t>(t)].empty()) templates.push_back(t);
    }
    return templates;
  };
  for (const auto& r : regimens()) {
    auto& slots = out.slots.emplace_back();
    for (const char* slot : r.slots) {
      if (slot == nullptr) continue;
      if (auto templates = usable(slot); !templates.empty()) slots.push_back(std::move(templates));
    }
  }
  for (Season s : {kWinter, kSummer, kMonsoon}) out.seasonal[s] = usable(seasonal_picks(s));
  return out;
}

// The longest run of window days whose month is in `months` (all days when empty).
std::pair<std::int64_t, std::int64_t> longest_run(const TimeWindow& w, std::string_view months) {
  if (months.empty()) return {0, w.days() - 1};
  std::vector<int> wanted;
  for (auto m : split_list(months)) wanted.push_back(std::stoi(std::string(m)));
  std::pair<std::int64_t, std::int64_t> best{0, -1};
  std::int64_t start = -1;
  for (std::int64_t d = 0; d <= w.days(); ++d) {
    const bool in = d < w.days() && std::find(wanted.begin(), wanted.end(), w.month_at(d)) != wanted.end();
    if (in && start < 0) start = d;
    if (!in && start >= 0) {
      if (d - 1 - start > best.second - best.first) best = {start, d - 1};
      start = -1;
    }
  }
  return best;
}

}  // namespace

OrderPlanner::OrderPlanner(const Catalog& c, const Customers& cs)
    : c_(c), cs_(cs), regimens_(resolve_regimens(c)) {
  for (const auto& coupon : coupons()) coupon_days_.push_back(longest_run(c.window, coupon.months));
}

std::uint32_t OrderPlanner::pick_product(int tmpl, std::uint16_t brand, Rng& rng) const {
  const auto& list = c_.template_products[static_cast<std::size_t>(tmpl)];
  if (brand != 0xFFFF && rng.chance(0.65)) {
    for (std::size_t i = 0; i < list.size() && i < 64; ++i) {
      if (c_.products[list[i]].brand == brand) return list[i];
    }
  }
  std::size_t i = 0;
  while (i + 1 < list.size() && rng.chance(0.45)) ++i;
  return list[i];
}

std::vector<OrderPlanner::CoreItem> OrderPlanner::choose_core(const CustomerSpec& s, Rng& rng) const {
  std::vector<CoreItem> core;
  auto take = [&](const std::vector<int>& alternatives, double chance) {
    std::vector<double> w;
    for (int t : alternatives) w.push_back(c_.templates[static_cast<std::size_t>(t)].popularity);
    const int t = alternatives[Cdf(w).sample(rng)];
    core.push_back(CoreItem{pick_product(t, s.brand, rng), chance});
  };
  const auto& slots = regimens_.slots[s.condition];
  for (std::size_t j = 0; j < slots.size(); ++j) {
    const double include = j == 0 ? 1.0 : j == 1 ? 0.85 : 0.55;
    if (rng.chance(include)) take(slots[j], j == 0 ? 0.85 : 0.68);
  }
  if (s.condition2 >= 0) {
    const auto& second = regimens_.slots[static_cast<std::size_t>(s.condition2)];
    for (std::size_t j = 0; j < second.size() && j < 2; ++j) take(second[j], 0.35);
  }
  return core;
}

std::vector<std::int64_t> OrderPlanner::order_days(const CustomerSpec& s, Rng& rng) const {
  const Season season = regimens()[s.condition].season;
  const std::int64_t first = std::max<std::int64_t>(s.signup_day, kFirstOrderDay);
  const std::int64_t last = c_.window.days() - 1;
  std::vector<std::int64_t> days;
  for (std::uint32_t k = 0; k < s.orders; ++k) {
    std::int64_t day = first;
    for (int attempt = 0; attempt < 40; ++attempt) {
      day = rng.between(std::min(first, last), last);
      if (rng.unit() * 2.9 < month_weight(c_.window.month_at(day), season)) break;
    }
    days.push_back(day);
  }
  std::sort(days.begin(), days.end());
  return days;
}

void OrderPlanner::add_item(PlannedOrder& o, std::uint32_t p, Rng& rng) const {
  if (o.items.size() >= kMaxItems) return;
  for (const auto& it : o.items) {
    if (it.product == p) return;
  }
  const std::vector<Variant> variants = variants_of(c_, p);
  const ProductSpec& spec = c_.products[p];
  const Variant* v = &variants[rng.below(variants.size())];
  if (rng.chance(0.75)) {
    for (const auto& x : variants) {
      if (x.pack == spec.pack) v = &x;
    }
  }
  PlannedItem it;
  it.product = p;
  it.pack = v->pack;
  it.variant = v->number;
  const double q = rng.unit();
  it.quantity = q < 0.78 ? 1 : q < 0.94 ? 2 : 3;
  it.unit_paise = v->price_paise;
  it.unit_cents = local_price_cents(*c_.ref, v->price_paise, o.currency);
  it.total_cents = it.unit_cents * it.quantity;
  o.items.push_back(it);
}

void OrderPlanner::fill_items(PlannedOrder& o, const CustomerSpec& s, const std::vector<CoreItem>& core,
                              std::int64_t day, Rng& rng) const {
  for (const CoreItem& ci : core) {
    if (rng.chance(ci.chance) && c_.orderable(ci.product, day)) add_item(o, ci.product, rng);
  }
  const Season now = season_of_month(c_.window.month_at(day));
  if (now != kAllYear && !regimens_.seasonal[now].empty() && rng.chance(0.18)) {
    const std::uint32_t p = pick_product(rng.pick(regimens_.seasonal[now]), s.brand, rng);
    if (c_.orderable(p, day)) add_item(o, p, rng);
  }
  // Overseas shoppers pay for shipping, so they fill bigger baskets.
  const double impulse_chance = o.currency == "INR" ? 0.3 : 0.5;
  const int impulses = rng.chance(impulse_chance) ? 1 + (rng.chance(0.3) ? 1 : 0) : 0;
  for (int attempt = 0; attempt < 10 && (o.items.empty() || attempt < impulses); ++attempt) {
    if (c_.popularity.empty()) break;
    const std::uint32_t p = c_.popularity_products[c_.popularity.sample(rng)];
    if (c_.orderable(p, day)) add_item(o, p, rng);
  }
  for (std::size_t i = 0; o.items.empty() && i < c_.popularity_products.size(); ++i) {
    if (c_.orderable(c_.popularity_products[i], day)) add_item(o, c_.popularity_products[i], rng);
  }
  if (o.items.empty() && !c_.products.empty()) add_item(o, 0, rng);  // nothing listed yet
}

void OrderPlanner::plan(std::uint32_t customer, std::vector<PlannedOrder>& out) const {
  out.clear();
  const CustomerSpec& s = cs_.specs[customer];
  if (s.orders == 0) return;
  Rng rng(c_.seed, Stream::kOrderPlan, customer);
  const std::vector<CoreItem> core = choose_core(s, rng);
  const std::vector<std::int64_t> days = order_days(s, rng);
  const CountryContent& country = country_of(s);
  const std::string currency = c_.ref->currency_or_inr(country.currency);
  const int center = center_index(*country.center_code ? country.center_code : city_of(s).center_code);
  std::vector<std::uint32_t> bought;
  for (std::uint32_t k = 0; k < s.orders; ++k) {
    PlannedOrder& o = out.emplace_back();
    o.index = s.first_order + k;
    o.currency = currency;
    o.rate_e4 = c_.ref->rate_e4(currency);
    o.center = static_cast<std::uint8_t>(center);
    fill_items(o, s, core, days[k], rng);
    for (auto& it : o.items) {
      it.first_purchase = std::find(bought.begin(), bought.end(), it.product) == bought.end();
      if (it.first_purchase) bought.push_back(it.product);
    }
    const std::int64_t local_offset = std::string_view(country.code) == "IN" ? -19800 : 0;
    const std::int64_t hour = std::clamp<std::int64_t>(static_cast<std::int64_t>(rng.normal(16, 4.5)), 6, 23);
    o.ordered_at = c_.window.start_seconds() + days[k] * kSecondsPerDay + hour * 3600 + rng.between(0, 3599) +
                   local_offset;
    o.ordered_at = std::clamp(o.ordered_at, customer_created_at(c_, s, customer) + 600,
                              c_.window.end_seconds() - 1);
    price(o, s, k == 0, days[k], rng);
    schedule(o, s, rng);
  }
}

}  // namespace ayc::datagen
