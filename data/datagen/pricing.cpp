// Shelf prices in INR: group price x formulation x brand x listing level x
// pack size x "Pack of N", rounded to the price points Indian stores use.
#include <algorithm>
#include <cmath>

#include "data/datagen/catalog.h"

namespace ayc::datagen {

std::int64_t price_point(double paise, bool round_up) {
  double rupees = paise / 100.0;
  std::int64_t step = rupees < 50 ? 1 : rupees < 1000 ? 5 : rupees < 5000 ? 10 : 50;
  auto steps = round_up ? std::ceil(rupees / static_cast<double>(step)) : std::round(rupees / static_cast<double>(step));
  std::int64_t value = std::max<std::int64_t>(1, static_cast<std::int64_t>(steps) * step);
  if (value >= 100 && value % 50 == 0) value -= 1;  // 250 -> 249, 300 -> 299
  return value * 100;
}

std::vector<Variant> variants_of(const Catalog& c, std::uint32_t p) {
  const ProductSpec& s = c.products[p];
  const Template& t = c.templates[s.tmpl];
  const GroupContent& g = group_content(t.group);
  const BrandContent& b = brands()[s.brand];
  Rng rng(c.seed, Stream::kVariant, p);
  const auto n = static_cast<std::uint8_t>(t.packs.size());
  std::uint64_t roll = rng.below(100);
  std::size_t count = std::min<std::size_t>(n, roll < 40 ? 1 : roll < 75 ? 2 : 3);
  std::vector<std::uint8_t> packs{s.pack};
  while (packs.size() < count) {
    auto k = static_cast<std::uint8_t>(rng.below(n));
    if (std::find(packs.begin(), packs.end(), k) == packs.end()) packs.push_back(k);
  }
  std::sort(packs.begin(), packs.end());
  std::vector<Variant> out;
  for (std::uint8_t i = 0; i < packs.size(); ++i) {
    const double base = static_cast<double>(g.price_paise) * t.price_factor * b.price_factor * s.jitter *
                        t.packs[packs[i]].factor * std::pow(static_cast<double>(s.multipack), 0.97) *
                        (s.sugar_free ? 1.08 : 1.0);
    Variant v;
    v.pack = packs[i];
    v.number = i;
    v.price_paise = price_point(base, false);
    v.mrp_paise = s.discount > 0
                      ? std::max(v.price_paise, price_point(static_cast<double>(v.price_paise) / (1.0 - s.discount), true))
                      : v.price_paise;
    out.push_back(v);
  }
  return out;
}

}  // namespace ayc::datagen
