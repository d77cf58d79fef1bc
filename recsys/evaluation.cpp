#include "recsys/evaluation.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>

#include "recsys/buy_again.h"
#include "recsys/ease.h"
#include "recsys/training_data.h"

namespace ayc::recsys {

double hit_rate_at(std::span<const std::uint32_t> ranked, std::span<const std::uint32_t> targets,
                   std::size_t cutoff) {
  for (std::size_t r = 0; r < ranked.size() && r < cutoff; ++r)
    if (std::binary_search(targets.begin(), targets.end(), ranked[r])) return 1.0;
  return 0.0;
}

double ndcg_at(std::span<const std::uint32_t> ranked, std::span<const std::uint32_t> targets, std::size_t cutoff) {
  double dcg = 0, ideal = 0;
  for (std::size_t r = 0; r < ranked.size() && r < cutoff; ++r)
    if (std::binary_search(targets.begin(), targets.end(), ranked[r])) dcg += 1.0 / std::log2(double(r) + 2.0);
  for (std::size_t r = 0; r < targets.size() && r < cutoff; ++r) ideal += 1.0 / std::log2(double(r) + 2.0);
  return ideal > 0 ? dcg / ideal : 0.0;
}

namespace {

std::uint64_t mix(std::uint64_t x) {  // splitmix64 finaliser
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// Per customer, their last order (latest day, then highest index), for those with two or more.
std::vector<std::uint32_t> last_orders(const Baskets& b, std::size_t customers) {
  std::vector<std::uint32_t> last(customers, kNone), count(customers, 0);
  for (std::uint32_t o = 0; o < b.size(); ++o) {
    const std::uint32_t c = b.customer[o];
    if (c >= customers || b.items_of(o).empty()) continue;
    ++count[c];
    if (last[c] == kNone || b.day[o] >= b.day[last[c]]) last[c] = o;
  }
  for (std::size_t c = 0; c < customers; ++c)
    if (count[c] < 2) last[c] = kNone;
  return last;
}

std::vector<std::uint32_t> sample_customers(const std::vector<std::uint32_t>& last, const EvaluationOptions& o) {
  std::vector<std::uint32_t> eligible;
  for (std::uint32_t c = 0; c < last.size(); ++c)
    if (last[c] != kNone) eligible.push_back(c);
  std::sort(eligible.begin(), eligible.end(), [&](std::uint32_t a, std::uint32_t b) {
    return mix(o.seed ^ mix(a)) < mix(o.seed ^ mix(b));
  });
  if (eligible.size() > o.max_customers) eligible.resize(o.max_customers);
  std::sort(eligible.begin(), eligible.end());
  return eligible;
}

bool bought(std::span<const HistoryEntry> history, std::uint32_t item) {
  auto it = std::lower_bound(history.begin(), history.end(), item,
                             [](const HistoryEntry& e, std::uint32_t i) { return e.item < i; });
  return it != history.end() && it->item == item;
}

// Accumulates one model's metrics over cases.
class MetricSum {
 public:
  MetricSum(std::string task, std::string model, std::size_t items, std::size_t cutoff)
      : score_{std::move(task), std::move(model)}, shown_(items, false), cutoff_(cutoff) {}

  // `list` best first; entries for which `skip` is true are removed before the cut.
  void add(std::span<const Scored> list, const std::function<bool(std::uint32_t)>& skip,
           std::span<const std::uint32_t> targets) {
    ranked_.clear();
    for (const auto& s : list) {
      if (ranked_.size() >= cutoff_) break;
      if (!skip(s.item)) ranked_.push_back(s.item);
    }
    for (auto i : ranked_) shown_[i] = true;
    ++score_.cases;
    score_.hit_rate += hit_rate_at(ranked_, targets, cutoff_);
    score_.ndcg += ndcg_at(ranked_, targets, cutoff_);
  }

  ModelScore result(std::size_t active_items) const {
    ModelScore s = score_;
    if (s.cases > 0) {
      s.hit_rate /= double(s.cases);
      s.ndcg /= double(s.cases);
    }
    const auto shown = std::count(shown_.begin(), shown_.end(), true);
    s.coverage = active_items > 0 ? double(shown) / double(active_items) : 0.0;
    return s;
  }

 private:
  ModelScore score_;
  std::vector<bool> shown_;
  std::size_t cutoff_;
  std::vector<std::uint32_t> ranked_;
};

}  // namespace

HoldoutSplit leave_last_order_out(const Dataset& data, const EvaluationOptions& o) {
  const Baskets baskets = build_baskets(data.lines);
  const std::vector<std::uint32_t> last = last_orders(baskets, data.customer_count);
  const std::vector<std::uint32_t> sampled = sample_customers(last, o);
  std::vector<bool> held(baskets.size(), false);
  for (auto c : sampled) held[last[c]] = true;

  HoldoutSplit split;
  split.train.items = data.items;
  split.train.customer_count = data.customer_count;
  split.train.category_count = data.category_count;
  split.train.now_day = data.now_day;
  std::vector<std::uint32_t> first_item(baskets.size(), kNone);  // first active line of each held order
  for (const auto& l : data.lines) {
    if (!held[l.order]) {
      split.train.lines.push_back(l);
    } else if (first_item[l.order] == kNone && data.items[l.item].active) {
      first_item[l.order] = l.item;
    }
  }
  const Histories history = build_histories(split.train.lines, {data.customer_count, 0, 0});
  for (auto c : sampled) {
    const std::uint32_t order = last[c];
    std::vector<std::uint32_t> active;
    for (auto i : baskets.items_of(order))
      if (data.items[i].active) active.push_back(i);
    const std::int64_t day = baskets.day[order];
    HoldoutCase user{c, kNone, {}, day}, rebuy{c, kNone, {}, day};
    const auto h = history.of(c);
    for (auto i : active) (bought(h, i) ? rebuy : user).targets.push_back(i);
    if (!user.targets.empty()) split.customer_cases.push_back(std::move(user));
    if (!rebuy.targets.empty()) split.rebuy_cases.push_back(std::move(rebuy));
    if (active.size() >= 2 && first_item[order] != kNone) {
      HoldoutCase item{c, first_item[order], {}, day};
      for (auto i : active)
        if (i != item.query_item) item.targets.push_back(i);
      split.item_cases.push_back(std::move(item));
    }
  }
  return split;
}

ScoredLists plain_ease(const Dataset& data, const EaseFit& fit, std::size_t k, int threads) {
  const Histories history = build_histories(data.lines, {data.customer_count, 0, 0});
  const EaseModel model = fit_ease(history, data.items, fit);
  std::vector<int> column(data.items.size(), -1);
  for (std::size_t c = 0; c < model.items.size(); ++c) column[model.items[c]] = static_cast<int>(c);
  auto make_worker = [&] {
    return [&, scores = Eigen::VectorXf()](std::size_t customer, std::vector<Scored>& out) mutable {
      if (model.items.empty()) return;
      scores.setZero(static_cast<Eigen::Index>(model.items.size()));
      const auto h = history.of(customer);
      for (const auto& e : h)
        if (column[e.item] >= 0) scores += model.weights_t.col(column[e.item]);
      for (Eigen::Index m = 0; m < scores.size(); ++m) {
        const std::uint32_t item = model.items[static_cast<std::size_t>(m)];
        if (scores[m] > 0 && !bought(h, item)) out.push_back({item, scores[m]});
      }
      keep_top_k(out, k);
      scale_to_unit(out);
    };
  };
  return build_scored_lists(data.customer_count, threads, make_worker);
}

namespace {

// The rebuy baselines: every active product the customer bought, by `before`.
template <class Before>
std::vector<Scored> rebuy_baseline(std::span<const RepeatPurchase> history, std::span<const ItemContent> items,
                                   Before before) {
  std::vector<RepeatPurchase> kept;
  for (const auto& e : history)
    if (items[e.item].active) kept.push_back(e);
  std::sort(kept.begin(), kept.end(), before);
  std::vector<Scored> out;
  for (std::size_t r = 0; r < kept.size(); ++r) out.push_back({kept[r].item, 1.0f / static_cast<float>(r + 1)});
  return out;
}

bool more_recent(const RepeatPurchase& a, const RepeatPurchase& b) {
  return a.last_day != b.last_day ? a.last_day > b.last_day : a.days != b.days ? a.days > b.days : a.item < b.item;
}

bool more_frequent(const RepeatPurchase& a, const RepeatPurchase& b) {
  return a.days != b.days ? a.days > b.days : more_recent(a, b);
}

}  // namespace

Result<EvaluationReport> evaluate(const Dataset& data, const RecsysOptions& options,
                                  const EvaluationOptions& evaluation) {
  AYC_RETURN_IF_ERROR(validate(options));
  if (evaluation.cutoff < 1) return Status::InvalidArgument("evaluation cutoff must be at least 1");
  const HoldoutSplit split = leave_last_order_out(data, evaluation);
  const RecommendationSet set = compute_models(split.train, options);
  const ScoredLists ease = plain_ease(split.train, options.for_you.ease, options.run.k, options.run.threads);
  const Histories history = build_histories(split.train.lines, {data.customer_count, 0, 0});
  const std::size_t n = data.items.size(), cut = evaluation.cutoff;
  const auto active = static_cast<std::size_t>(
      std::count_if(data.items.begin(), data.items.end(), [](const ItemContent& i) { return i.active; }));

  MetricSum user_pop("customer", "popularity", n, cut), user_ease("customer", "ease", n, cut),
      user_model("customer", "for_you", n, cut);
  for (const auto& c : split.customer_cases) {
    const auto h = history.of(c.customer);
    auto known = [&](std::uint32_t i) { return bought(h, i); };
    user_pop.add(set.best_sellers, known, c.targets);
    user_ease.add(ease[c.customer], known, c.targets);
    user_model.add(set.for_you[c.customer], known, c.targets);
  }
  const RepurchaseData repurchase = build_repurchase_data(split.train.lines, data.customer_count, n);
  MetricSum recent("rebuy", "most_recent", n, cut), frequent("rebuy", "most_frequent", n, cut),
      again("rebuy", "buy_again", n, cut);
  auto keep_all = [](std::uint32_t) { return false; };
  for (const auto& c : split.rebuy_cases) {
    const auto h = repurchase.histories.of(c.customer);
    recent.add(rebuy_baseline(h, data.items, more_recent), keep_all, c.targets);
    frequent.add(rebuy_baseline(h, data.items, more_frequent), keep_all, c.targets);
    again.add(buy_again_for(h, repurchase.products, data.items, c.day, options.buy_again), keep_all, c.targets);
  }
  MetricSum item_pop("product", "popularity", n, cut), bt("product", "bought_together", n, cut),
      sim("product", "similar", n, cut), rel("product", "related", n, cut);
  for (const auto& c : split.item_cases) {
    auto is_query = [&](std::uint32_t i) { return i == c.query_item; };
    item_pop.add(set.best_sellers, is_query, c.targets);
    bt.add(set.bought_together[c.query_item], is_query, c.targets);
    sim.add(set.similar[c.query_item], is_query, c.targets);
    rel.add(set.related[c.query_item], is_query, c.targets);
  }
  EvaluationReport report;
  report.train_lines = split.train.lines.size();
  for (const MetricSum* m : {&user_pop, &user_ease, &user_model, &recent, &frequent, &again, &item_pop, &bt, &sim, &rel})
    report.rows.push_back(m->result(active));
  return report;
}

std::string format_report(const EvaluationReport& report, std::size_t cutoff) {
  std::string out;
  char line[160];
  const std::string k = std::to_string(cutoff);
  std::snprintf(line, sizeof line, "%-9s %-16s %8s %12s %10s %9s\n", "task", "model", "cases",
                ("HitRate@" + k).c_str(), ("NDCG@" + k).c_str(), "coverage");
  out += line;
  for (const auto& r : report.rows) {
    std::snprintf(line, sizeof line, "%-9s %-16s %8zu %12.4f %10.4f %9.4f\n", r.task.c_str(), r.model.c_str(),
                  r.cases, r.hit_rate, r.ndcg, r.coverage);
    out += line;
  }
  return out;
}

}  // namespace ayc::recsys
