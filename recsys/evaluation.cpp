#include "recsys/evaluation.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>

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
    HoldoutCase user{c, kNone, {}};
    const auto h = history.of(c);
    for (auto i : active)
      if (!bought(h, i)) user.targets.push_back(i);
    if (!user.targets.empty()) split.customer_cases.push_back(std::move(user));
    if (active.size() >= 2 && first_item[order] != kNone) {
      HoldoutCase item{c, first_item[order], {}};
      for (auto i : active)
        if (i != item.query_item) item.targets.push_back(i);
      split.item_cases.push_back(std::move(item));
    }
  }
  return split;
}

Result<EvaluationReport> evaluate(const Dataset& data, const RecsysOptions& options,
                                  const EvaluationOptions& evaluation) {
  AYC_RETURN_IF_ERROR(validate(options));
  if (evaluation.cutoff < 1) return Status::InvalidArgument("evaluation cutoff must be at least 1");
  const HoldoutSplit split = leave_last_order_out(data, evaluation);
  const RecommendationSet set = compute_models(split.train, options);
  const Histories history = build_histories(split.train.lines, {data.customer_count, 0, 0});
  const std::size_t n = data.items.size(), cut = evaluation.cutoff;
  const auto active = static_cast<std::size_t>(
      std::count_if(data.items.begin(), data.items.end(), [](const ItemContent& i) { return i.active; }));

  MetricSum user_pop("customer", "popularity", n, cut), user_model("customer", "for_you", n, cut);
  for (const auto& c : split.customer_cases) {
    const auto h = history.of(c.customer);
    auto known = [&](std::uint32_t i) { return bought(h, i); };
    user_pop.add(set.best_sellers, known, c.targets);
    user_model.add(set.for_you[c.customer], known, c.targets);
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
  for (const MetricSum* m : {&user_pop, &user_model, &item_pop, &bt, &sim, &rel})
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
