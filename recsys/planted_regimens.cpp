#include "recsys/planted_regimens.h"

#include <algorithm>
#include <cstdio>
#include <random>

#include "recsys/evaluation.h"
#include "recsys/training_data.h"

namespace ayc::recsys {

namespace {

constexpr std::int64_t kNowDay = 20000;

// Deterministic draws from the raw engine (std distributions differ between libraries).
class Draw {
 public:
  explicit Draw(std::uint64_t seed) : rng_(seed) {}
  std::uint32_t below(std::size_t n) { return static_cast<std::uint32_t>(rng_() % n); }
  double unit() { return static_cast<double>(rng_() >> 11) * 0x1.0p-53; }
  bool chance(double p) { return unit() < p; }

 private:
  std::mt19937_64 rng_;
};

class ShopBuilder {
 public:
  ShopBuilder(const PlantedRegimenOptions& o) : o_(o), draw_(o.seed) {
    shop_.data.items.resize(3 * o.regimens + o.extras);
    shop_.data.customer_count = o.customers;
    shop_.data.now_day = kNowDay;
  }

  PlantedRegimens build() {
    for (std::uint32_t c = 0; c < o_.customers; ++c) customer(c);
    return std::move(shop_);
  }

 private:
  std::uint32_t extra() {  // popular extras far more often than the tail
    const double u = draw_.unit();
    return static_cast<std::uint32_t>(3 * o_.regimens) + static_cast<std::uint32_t>(u * u * u * double(o_.extras));
  }

  void order(std::uint32_t customer, std::int64_t day, std::vector<std::uint32_t> items) {
    if (draw_.chance(0.5)) items.push_back(extra());
    if (draw_.chance(0.2)) items.push_back(extra());
    std::sort(items.begin(), items.end());
    items.erase(std::unique(items.begin(), items.end()), items.end());
    for (auto i : items) shop_.data.lines.push_back({next_order_, customer, i, static_cast<std::int32_t>(day), 1});
    ++next_order_;
  }

  void customer(std::uint32_t c) {
    std::vector<std::uint32_t> regimens;
    const std::size_t count = 1 + draw_.below(std::min<std::size_t>(4, o_.regimens));
    while (regimens.size() < count) {
      const std::uint32_t r = draw_.below(o_.regimens);
      if (std::find(regimens.begin(), regimens.end(), r) == regimens.end()) regimens.push_back(r);
    }
    const bool partial = draw_.chance(o_.partial_share);
    const std::uint32_t missing = 3 * regimens[0] + draw_.below(3);
    if (partial) shop_.cases.push_back({c, missing});
    for (std::uint32_t r : regimens) {
      std::vector<std::uint32_t> kit;
      for (std::uint32_t i = 3 * r; i < 3 * r + 3; ++i)
        if (!(partial && i == missing)) kit.push_back(i);
      const int interval = 25 + static_cast<int>(draw_.below(51));
      const int rounds = draw_.chance(0.5) ? 1 + static_cast<int>(draw_.below(4)) : 1000;  // half give up
      std::int64_t day = kNowDay - o_.days + draw_.below(static_cast<std::size_t>(o_.days) * 2 / 3);
      for (int n = 0; n < rounds && day < kNowDay; ++n) {
        order(c, day, kit);
        day += interval - 5 + static_cast<int>(draw_.below(11));
      }
    }
    for (std::uint32_t n = draw_.below(6); n > 0; --n)  // orders of extras alone
      order(c, kNowDay - 1 - draw_.below(static_cast<std::size_t>(o_.days)), {extra()});
  }

  const PlantedRegimenOptions& o_;
  Draw draw_;
  PlantedRegimens shop_;
  std::uint32_t next_order_ = 0;
};

bool bought_by(const Histories& h, std::uint32_t customer, std::uint32_t item) {
  const auto row = h.of(customer);
  return std::any_of(row.begin(), row.end(), [&](const HistoryEntry& e) { return e.item == item; });
}

}  // namespace

PlantedRegimens plant_regimens(const PlantedRegimenOptions& options) { return ShopBuilder(options).build(); }

double regimen_hit_rate(const ScoredLists& lists, const std::vector<RegimenCase>& cases, std::size_t cutoff) {
  if (cases.empty()) return 0;
  std::size_t hits = 0;
  for (const auto& c : cases) {
    const auto list = lists[c.customer];
    const auto end = list.begin() + static_cast<std::ptrdiff_t>(std::min(cutoff, list.size()));
    hits += std::any_of(list.begin(), end, [&](const Scored& s) { return s.item == c.missing; }) ? 1 : 0;
  }
  return double(hits) / double(cases.size());
}

std::vector<RegimenScore> check_planted_regimens(const PlantedRegimens& shop, const RecsysOptions& options,
                                                 std::size_t cutoff) {
  const RecommendationSet set = compute_models(shop.data, options);
  const ScoredLists ease = plain_ease(shop.data, options.for_you.ease, cutoff, options.run.threads);
  const Histories history = build_histories(shop.data.lines, {shop.data.customer_count, 0, 0});
  std::vector<std::vector<Scored>> popular;
  for (std::uint32_t c = 0; c < shop.data.customer_count; ++c) {
    popular.emplace_back();
    for (const auto& s : set.best_sellers)
      if (!bought_by(history, c, s.item)) popular.back().push_back(s);
  }
  const std::size_t n = shop.cases.size();
  return {{"popularity", n, regimen_hit_rate(ScoredLists(popular), shop.cases, cutoff)},
          {"ease", n, regimen_hit_rate(ease, shop.cases, cutoff)},
          {"for_you", n, regimen_hit_rate(set.for_you, shop.cases, cutoff)}};
}

std::string format_regimen_scores(const std::vector<RegimenScore>& scores, std::size_t cutoff) {
  std::string out;
  char line[160];
  std::snprintf(line, sizeof line, "%-9s %-16s %8s %12s\n", "task", "model", "cases",
                ("HitRate@" + std::to_string(cutoff)).c_str());
  out += line;
  for (const auto& s : scores) {
    std::snprintf(line, sizeof line, "%-9s %-16s %8zu %12.4f\n", "regimen", s.model.c_str(), s.cases, s.hit_rate);
    out += line;
  }
  return out;
}

}  // namespace ayc::recsys
