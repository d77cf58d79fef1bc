// Choosing the catalogue: which template x brand x pack x "Pack of N" each
// product is, its status, dates, prices, popularity and quality.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_set>

#include "common/text.h"
#include "data/datagen/catalog.h"
#include "data/datagen/product_text.h"

namespace ayc::datagen {

namespace {

constexpr std::uint8_t kMultipacks[] = {1, 2, 3, 4, 6};
constexpr double kMultipackWeight[] = {1.0, 0.18, 0.1, 0.04, 0.03};

struct Combo {
  std::uint32_t tmpl;
  std::uint16_t brand;
  std::uint8_t pack;
  std::uint8_t multipack;
  std::uint8_t sugar_free;
};

// Sugar-free versions exist for Chyawanprash only.
bool sugar_free_possible(const Template& t) { return t.name == "Chyawanprash"; }

// Indices of the `k` smallest exponential keys -log(u)/w: a weighted sample
// without replacement, in sample order.
std::vector<std::uint32_t> weighted_order(Rng& rng, const std::vector<double>& weights, std::size_t k) {
  std::vector<std::pair<double, std::uint32_t>> keys(weights.size());
  for (std::uint32_t i = 0; i < weights.size(); ++i) {
    double u = rng.unit();
    keys[i] = {weights[i] > 0 ? -std::log(1.0 - u) / weights[i] : 1e300, i};
  }
  k = std::min(k, keys.size());
  std::nth_element(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(k), keys.end());
  keys.resize(k);
  std::sort(keys.begin(), keys.end());
  std::vector<std::uint32_t> out;
  out.reserve(k);
  for (const auto& kv : keys) out.push_back(kv.second);
  return out;
}

// A template's possible listings -- brand x pack x "Pack of N" x sugar-free --
// in a weighted random order: popular brands and the usual pack come first.
std::vector<Combo> listing_order(const Template& tp, std::uint32_t t, Rng& rng) {
  std::vector<Combo> combos;
  std::vector<double> weights;
  const int ref_pack = group_content(tp.group).reference_pack;
  for (std::uint16_t b : tp.brands) {
    for (std::uint8_t k = 0; k < tp.packs.size(); ++k) {
      for (std::size_t m = 0; m < std::size(kMultipacks); ++m) {
        for (std::uint8_t sf = 0; sf <= (sugar_free_possible(tp) ? 1 : 0); ++sf) {
          combos.push_back(Combo{t, b, k, kMultipacks[m], sf});
          weights.push_back(brands()[b].popularity * (k == ref_pack ? 1.0 : 0.55) * kMultipackWeight[m] *
                            (sf ? 0.3 : 1.0));
        }
      }
    }
  }
  std::vector<Combo> out;
  for (std::uint32_t i : weighted_order(rng, weights, combos.size())) out.push_back(combos[i]);
  return out;
}

// Templates are drawn by demand (a formulation's share does not depend on how
// many brands make it), then each takes its next listing; one listing per
// template comes first, so even a small catalogue covers the regimens. A
// template that has run out of new listings is mostly passed over, and
// sometimes listed again (another seller of the same product).
std::vector<Combo> choose_combos(const Catalog& c, std::int64_t count, std::size_t* seeded) {
  Rng rng(c.seed, Stream::kCatalog, 1);
  std::vector<std::vector<Combo>> orders;
  std::vector<double> demand;
  for (std::uint32_t t = 0; t < c.templates.size(); ++t) {
    orders.push_back(listing_order(c.templates[t], t, rng));
    demand.push_back(c.templates[t].popularity * (c.templates[t].kind == TemplateKind::kHerb ? 0.7 : 1.0));
  }
  std::vector<std::size_t> next(orders.size(), 0);
  std::vector<Combo> chosen;
  chosen.reserve(static_cast<std::size_t>(count));
  auto take = [&](std::size_t t) { chosen.push_back(orders[t][next[t]++ % orders[t].size()]); };
  for (std::uint32_t t : weighted_order(rng, demand, static_cast<std::size_t>(count))) take(t);
  *seeded = chosen.size();
  const Cdf by_demand(demand);
  while (static_cast<std::int64_t>(chosen.size()) < count) {
    const std::size_t t = by_demand.sample(rng);
    if (next[t] < orders[t].size() || rng.chance(0.2)) take(t);
  }
  return chosen;
}

ProductStatus draw_status(Rng& rng, bool seeded) {
  double u = rng.unit();
  if (seeded) return u < 0.97 ? ProductStatus::kActive : ProductStatus::kDiscontinued;
  if (u < 0.88) return ProductStatus::kActive;
  if (u < 0.94) return ProductStatus::kDraft;
  if (u < 0.97) return ProductStatus::kInactive;
  return ProductStatus::kDiscontinued;
}

void describe_product(Catalog& c, std::uint32_t p, bool seeded) {
  ProductSpec& s = c.products[p];
  const Template& t = c.templates[s.tmpl];
  const BrandContent& b = brands()[s.brand];
  Rng rng(c.seed, Stream::kProduct, p);
  const auto days = static_cast<std::int64_t>(c.window.days());
  s.name_style = static_cast<std::uint8_t>(rng.below(100) < 45 ? 0 : rng.between(1, 3));
  if (t.exclusive_brand >= 0) s.name_style = 0;
  // Juices and powders go by their Hindi names ("Amla Juice", "Giloy Juice").
  const double title = rng.unit();
  const bool hindi_first = t.hindi_title > 0 && (t.group == Group::kJuice || t.group == Group::kTea ||
                                                 t.group == Group::kDrops || t.group == Group::kPowder);
  if (hindi_first) {
    s.title_name = static_cast<std::uint8_t>(title < 0.55 ? t.hindi_title : title < 0.9 ? 0 : t.title_names.size() - 1);
  } else {
    s.title_name = static_cast<std::uint8_t>(title < 0.7 ? 0 : title < 0.88 ? 1 : 2);
  }
  if (s.title_name >= t.title_names.size()) s.title_name = 0;
  s.status = draw_status(rng, seeded);
  std::int64_t created = seeded ? rng.between(0, 6)
                         : rng.chance(0.55) ? rng.between(0, 30)
                                            : rng.between(0, days - 20);
  if (s.status == ProductStatus::kDraft && rng.chance(0.5)) created = rng.between(days - 60, days - 2);
  s.created_day = static_cast<std::uint16_t>(created);
  if (s.status == ProductStatus::kDiscontinued) {
    s.retired_day = static_cast<std::uint16_t>(rng.between(std::min(created + 60, days - 6), days - 5));
  }
  s.jitter = static_cast<float>(0.88 + 0.24 * rng.unit());
  s.discount = rng.chance(0.35) ? 0.0f : static_cast<float>(0.05 + 0.25 * rng.unit());
  const Variant own = [&] {
    for (const Variant& v : variants_of(c, p)) {
      if (v.pack == s.pack) return v;
    }
    return Variant{};
  }();
  s.price_paise = static_cast<std::int32_t>(own.price_paise);
  s.mrp_paise = static_cast<std::int32_t>(own.mrp_paise);
  const double brand_quality = static_cast<double>(mix64(c.seed, s.brand) % 1000) / 1000.0 - 0.3;
  s.quality = static_cast<float>(std::clamp(0.25 + 0.3 * brand_quality + rng.normal(0, 0.35), -1.0, 1.0));
  double score = t.popularity * b.popularity * (s.multipack == 1 ? 1.0 : 0.25) *
                 (s.pack == group_content(t.group).reference_pack ? 1.2 : 0.8) * (0.5 + rng.unit()) *
                 (seeded ? 1.5 : 1.0) * (s.sugar_free ? 0.6 : 1.0);
  s.popularity = static_cast<float>(score);  // turned into a Zipf share in rank_popularity()
}

// Gives each title a unique slug: later listings of the same title get a suffix.
void assign_listings(Catalog& c) {
  std::unordered_set<std::uint64_t> taken;
  taken.reserve(c.products.size() * 2);
  auto hash = [](const std::string& s) {
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char ch : s) h = (h ^ ch) * 1099511628211ULL;
    return mix64(h, s.size());
  };
  for (std::uint32_t p = 0; p < c.products.size(); ++p) {
    const std::string base = text::slugify(product_title(c, p));
    std::uint32_t listing = 0;
    while (!taken.insert(hash(listing == 0 ? base : base + "-" + std::to_string(listing + 1))).second) {
      ++listing;
    }
    c.products[p].listing = listing;
  }
}

// Popularity becomes a Zipf share by rank: a few products sell a lot.
void rank_popularity(Catalog& c) {
  std::vector<std::uint32_t> order(c.products.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return c.products[a].popularity > c.products[b].popularity;
  });
  Rng rng(c.seed, Stream::kCatalog, 2);
  for (std::size_t rank = 0; rank < order.size(); ++rank) {
    ProductSpec& s = c.products[order[rank]];
    s.popularity = static_cast<float>(1.0 / std::pow(static_cast<double>(rank + 1), 0.95));
    s.featured = s.status == ProductStatus::kActive && rng.chance(rank < 100 ? 0.25 : 0.01);
  }
  c.template_products.assign(c.templates.size(), {});
  std::vector<double> weights;
  for (std::uint32_t p : order) {
    const ProductSpec& s = c.products[p];
    if (s.status != ProductStatus::kActive && s.status != ProductStatus::kDiscontinued) continue;
    c.template_products[s.tmpl].push_back(p);
    c.popularity_products.push_back(p);
    weights.push_back(s.popularity);
  }
  c.popularity = Cdf(weights);
}

}  // namespace

const char* status_name(ProductStatus s) {
  switch (s) {
    case ProductStatus::kActive: return "active";
    case ProductStatus::kDraft: return "draft";
    case ProductStatus::kInactive: return "inactive";
    case ProductStatus::kDiscontinued: return "discontinued";
  }
  return "draft";
}

bool Catalog::orderable(std::uint32_t p, std::int64_t day) const {
  const ProductSpec& s = products[p];
  if (day < s.created_day) return false;
  return s.status == ProductStatus::kActive || (s.status == ProductStatus::kDiscontinued && day < s.retired_day);
}

int Catalog::find_template(std::string_view reference) const {
  std::string key(reference);
  if (reference.starts_with("h:")) {  // resolve the herb through the knowledge base
    auto colon = reference.rfind(':');
    auto herb = ref->kb.find(reference.substr(2, colon - 2));
    if (!herb) return -1;
    key = "h:" + ref->kb.herb(*herb).canonical_name + std::string(reference.substr(colon));
  }
  for (std::size_t i = 0; i < templates.size(); ++i) {
    if (templates[i].key == key) return static_cast<int>(i);
  }
  return -1;
}

Catalog build_catalog(const ReferenceData& ref, std::uint64_t seed, std::int64_t count,
                      const TimeWindow& window) {
  Catalog c;
  c.seed = seed;
  c.window = window;
  c.ref = &ref;
  c.templates = build_templates(ref);
  std::size_t seeded = 0;
  std::vector<Combo> combos = choose_combos(c, count, &seeded);
  c.products.resize(combos.size());
  for (std::uint32_t p = 0; p < combos.size(); ++p) {
    ProductSpec& s = c.products[p];
    s.tmpl = combos[p].tmpl;
    s.brand = combos[p].brand;
    s.pack = combos[p].pack;
    s.multipack = combos[p].multipack;
    s.sugar_free = combos[p].sugar_free;
    describe_product(c, p, p < seeded);
  }
  assign_listings(c);
  rank_popularity(c);
  return c;
}

}  // namespace ayc::datagen
