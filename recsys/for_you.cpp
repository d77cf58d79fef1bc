#include "recsys/for_you.h"

#include <algorithm>
#include <vector>

namespace ayc::recsys {

namespace {

bool use_ease(const Histories& h, std::span<const ItemContent> items, const ForYouOptions& o) {
  if (o.method != ForYouMethod::kAuto) return o.method == ForYouMethod::kEase;
  std::size_t customers = 0;
  std::vector<bool> bought(items.size(), false);
  for (std::size_t c = 0; c < h.size(); ++c) {
    if (!h.of(c).empty()) ++customers;
    for (const auto& e : h.of(c))
      if (e.item < bought.size()) bought[e.item] = true;
  }
  const auto products = static_cast<std::size_t>(std::count(bought.begin(), bought.end(), true));
  return products >= o.min_items_for_ease && customers >= o.min_customers_for_ease;
}

class ForYouWorker {
 public:
  ForYouWorker(const TrainingData& d, const Histories& h, const EaseModel* ease, const ForYouFallbacks& fb,
               const ForYouOptions& o, const RunOptions& run)
      : h_(h), ease_(ease), fb_(fb), o_(o), run_(run) {
    if (ease_ == nullptr) return;
    column_.assign(d.items.size(), -1);
    for (std::size_t c = 0; c < ease_->items.size(); ++c) column_[ease_->items[c]] = static_cast<int>(c);
    scores_.resize(static_cast<Eigen::Index>(ease_->items.size()));
    prior_ = Eigen::VectorXf::Zero(scores_.size());
    if (fb.popularity.size() == d.items.size() && o.popularity_weight > 0) {
      for (Eigen::Index m = 0; m < prior_.size(); ++m) prior_[m] = fb.popularity[ease_->items[static_cast<std::size_t>(m)]];
      const float top = prior_.maxCoeff();
      if (top > 0) prior_ *= static_cast<float>(o.popularity_weight) / top;
    }
  }

  void operator()(std::size_t customer, std::vector<Scored>& out) {
    const auto history = h_.of(customer);
    if (history.empty()) return;
    if (ease_ != nullptr) {
      ease_scores(history, out);
    } else {
      knn_scores(history, out);
    }
    scale_to_unit(out);
    if (ease_ != nullptr && out.size() < run_.k) {
      std::vector<Scored> knn;
      knn_scores(history, knn);
      top_up(history, knn, out);
    }
    if (out.size() < run_.k) {
      std::vector<Scored> best(fb_.best_sellers.begin(), fb_.best_sellers.end());
      top_up(history, best, out);
    }
  }

 private:
  // Whether the customer ever bought `item` (history is sorted by item).
  static bool excluded(std::span<const HistoryEntry> history, std::uint32_t item) {
    auto it = std::lower_bound(history.begin(), history.end(), item,
                               [](const HistoryEntry& e, std::uint32_t i) { return e.item < i; });
    return it != history.end() && it->item == item;
  }

  void ease_scores(std::span<const HistoryEntry> history, std::vector<Scored>& out) {
    scores_.setZero();
    bool any = false;
    for (const auto& e : history) {
      const int col = e.item < column_.size() ? column_[e.item] : -1;
      if (col < 0) continue;
      scores_.noalias() += e.weight * ease_->weights_t.col(col);
      any = true;
    }
    if (!any) return;
    const float top = scores_.maxCoeff();
    if (top > 0) scores_ = scores_ / top + prior_;
    for (Eigen::Index m = 0; m < scores_.size(); ++m) {
      const std::uint32_t item = ease_->items[static_cast<std::size_t>(m)];
      if (scores_[m] > 0 && !excluded(history, item)) out.push_back({item, scores_[m]});
    }
    keep_top_k(out, run_.k);
  }

  void knn_scores(std::span<const HistoryEntry> history, std::vector<Scored>& out) const {
    if (fb_.bought_together == nullptr) return;
    std::vector<Scored> parts;
    for (const auto& e : history) {
      if (e.item >= fb_.bought_together->size()) continue;
      for (const auto& s : (*fb_.bought_together)[e.item]) parts.push_back({s.item, e.weight * s.score});
    }
    std::sort(parts.begin(), parts.end(), [](const Scored& a, const Scored& b) { return a.item < b.item; });
    for (const auto& p : parts) {
      if (!out.empty() && out.back().item == p.item) {
        out.back().score += p.score;
      } else {
        out.push_back(p);
      }
    }
    std::erase_if(out, [&](const Scored& s) { return excluded(history, s.item); });
    keep_top_k(out, run_.k);
  }

  // Appends `tier` (best first) below everything already in `out`.
  void top_up(std::span<const HistoryEntry> history, std::vector<Scored>& tier, std::vector<Scored>& out) const {
    scale_to_unit(tier);
    const float floor = out.empty() ? 1.0f : out.back().score;
    for (const auto& t : tier) {
      if (out.size() >= run_.k) break;
      const bool dup = std::any_of(out.begin(), out.end(), [&](const Scored& s) { return s.item == t.item; });
      if (!dup && !excluded(history, t.item)) out.push_back({t.item, floor * t.score});
    }
  }

  const Histories& h_;
  const EaseModel* ease_;
  const ForYouFallbacks& fb_;
  const ForYouOptions& o_;
  const RunOptions& run_;
  std::vector<int> column_;
  Eigen::VectorXf scores_;
  Eigen::VectorXf prior_;  // popularity_weight * popularity / best popularity, per model column
};

}  // namespace

ScoredLists for_you(const TrainingData& data, const ForYouFallbacks& fallbacks, const ForYouOptions& options,
                    const RunOptions& run) {
  // Every bought product weighs 1: the bought/not-bought row EASE is fitted on.
  Histories histories = build_histories(data.lines, {data.customer_count, data.anchor_day, 0});
  for (auto& e : histories.entries) e.weight = 1;
  EaseModel ease;
  const bool ease_on = use_ease(histories, data.items, options);
  if (ease_on) ease = fit_ease(histories, data.items, options.ease);
  const EaseModel* model = ease_on && !ease.items.empty() ? &ease : nullptr;
  auto make_worker = [&] { return ForYouWorker(data, histories, model, fallbacks, options, run); };
  return build_scored_lists(data.customer_count, run.threads, make_worker);
}

}  // namespace ayc::recsys
