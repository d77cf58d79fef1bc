#include "recsys/recommendations.h"

#include <algorithm>
#include <string>
#include <utility>

#include "recsys/training_data.h"

namespace ayc::recsys {

namespace {

void stage(const RecsysOptions& o, const std::string& line) {
  if (o.on_stage) o.on_stage(line);
}

void check(bool ok, const std::string& problem, std::string& problems) {
  if (ok) return;
  if (!problems.empty()) problems += "; ";
  problems += problem;
}

}  // namespace

Status validate(const RecsysOptions& o) {
  std::string p;
  check(o.run.k >= 1 && o.run.k <= 1000, "k must be between 1 and 1000", p);
  check(o.run.threads >= 0, "threads must not be negative", p);
  check(o.bought_together.half_life_days >= 0, "bought_together.half_life_days must not be negative", p);
  check(o.bought_together.max_basket_items >= 2, "bought_together.max_basket_items must be at least 2", p);
  check(o.bought_together.shrinkage >= 0, "bought_together.shrinkage must not be negative", p);
  check(o.bought_together.customer_window_weight >= 0, "bought_together.customer_window_weight must not be negative", p);
  check(o.similar.candidate_budget >= 1, "similar.candidate_budget must be at least 1", p);
  check(o.similar.popularity_weight >= 0, "similar.popularity_weight must not be negative", p);
  check(o.for_you.ease.lambda > 0, "for_you.ease.lambda must be positive", p);
  check(o.for_you.ease.max_items >= 1 && o.for_you.ease.max_items <= 20000,
        "for_you.ease.max_items must be between 1 and 20000", p);
  check(o.buy_again.max_items >= 1 && o.buy_again.max_items <= 1000, "buy_again.max_items must be between 1 and 1000", p);
  check(o.buy_again.min_interval_days >= 1, "buy_again.min_interval_days must be at least 1", p);
  check(o.buy_again.min_repeat_share >= 0 && o.buy_again.min_repeat_share <= 1,
        "buy_again.min_repeat_share must be between 0 and 1", p);
  check(o.buy_again.overdue_half_life > 0, "buy_again.overdue_half_life must be positive", p);
  check(o.buy_again.max_overdue >= 1, "buy_again.max_overdue must be at least 1", p);
  check(o.popularity.recent_days >= 1 && o.popularity.baseline_days >= 1,
        "popularity.recent_days and baseline_days must be at least 1", p);
  check(o.popularity.smoothing_units > 0, "popularity.smoothing_units must be positive", p);
  check(o.popularity.max_units_per_line > 0, "popularity.max_units_per_line must be positive", p);
  return p.empty() ? Status::Ok() : Status::InvalidArgument("recommendation options: " + p);
}

Status validate(const RecsysInputs& in) {
  const Dataset& d = in.data;
  if (!in.ids.products.empty() && in.ids.products.size() != d.items.size())
    return Status::InvalidArgument("recommendation inputs: " + std::to_string(in.ids.products.size()) +
                                   " product ids for " + std::to_string(d.items.size()) + " products");
  for (const auto& l : d.lines) {
    if (l.item >= d.items.size() || (l.customer != kNone && l.customer >= d.customer_count) ||
        l.order >= d.lines.size())
      return Status::InvalidArgument("recommendation inputs: an order line refers to order " +
                                     std::to_string(l.order) + ", product " + std::to_string(l.item) +
                                     " or customer " + std::to_string(l.customer) + " that does not exist");
  }
  // Ingredient and brand ids size arrays, so they must be dense too.
  const std::size_t id_limit = std::max<std::size_t>(d.items.size(), 1u << 20);
  for (const auto& it : d.items) {
    for (auto c : it.categories)
      if (c >= d.category_count) return Status::InvalidArgument("recommendation inputs: category index out of range");
    for (auto c : it.ancestor_categories)
      if (c >= d.category_count) return Status::InvalidArgument("recommendation inputs: category index out of range");
    for (auto i : it.ingredients)
      if (i >= id_limit) return Status::InvalidArgument("recommendation inputs: ingredient ids are not dense");
    if (it.brand != kNone && it.brand >= id_limit)
      return Status::InvalidArgument("recommendation inputs: brand ids are not dense");
  }
  return Status::Ok();
}

namespace {

// Appends every block to the set's family (compute_models).
class CollectingSink : public ListSink {
 public:
  explicit CollectingSink(RecommendationSet& set) : set_(set) {}
  Status take(ListFamily family, std::size_t, ScoredLists&& lists) override {
    ScoredLists& into = set_.lists(family);
    if (into.size() == 0) {
      into = std::move(lists);
    } else {
      into.append_rows(lists);
    }
    return Status::Ok();
  }

 private:
  RecommendationSet& set_;
};

}  // namespace

const ScoredLists& RecommendationSet::lists(ListFamily family) const {
  switch (family) {
    case ListFamily::kBoughtTogether: return bought_together;
    case ListFamily::kSimilar: return similar;
    case ListFamily::kRelated: return related;
    case ListFamily::kForYou: return for_you;
    case ListFamily::kBuyAgain: return buy_again;
  }
  return buy_again;
}

ScoredLists& RecommendationSet::lists(ListFamily family) {
  return const_cast<ScoredLists&>(std::as_const(*this).lists(family));
}

const char* family_name(ListFamily family) {
  switch (family) {
    case ListFamily::kBoughtTogether: return "bought_together";
    case ListFamily::kSimilar: return "similar";
    case ListFamily::kRelated: return "related";
    case ListFamily::kForYou: return "for_you";
    case ListFamily::kBuyAgain: return "buy_again";
  }
  return "?";
}

Result<RecommendationSet> compute_models_into(const Dataset& data, const RecsysOptions& o, ListSink& sink) {
  RecommendationSet set;
  const TrainingData t = prepare_training_data(data);
  stage(o, "popularity");
  const std::vector<float> popularity = item_popularity(t, o.popularity);
  set.best_sellers = best_sellers(popularity, data.items, o.run.k);
  set.category_best_sellers = category_best_sellers(popularity, data.items, data.category_count, o.run.k);
  const std::vector<float> trends = trend_scores(t, o.popularity);
  set.trending = best_sellers(trends, data.items, o.run.k);
  set.category_trending = category_best_sellers(trends, data.items, data.category_count, o.run.k);
  stage(o, "bought_together");
  ScoredLists together = bought_together(t, o.bought_together, o.run);
  // Related fuses a product's own two lists, so each block of similar lists
  // makes the same block of related ones and both are handed on.
  stage(o, "similar and related");
  AYC_RETURN_IF_ERROR(similar_blocks(data.items, popularity, o.similar, o.run,
                                     [&](std::size_t first, ScoredLists&& similar_rows) -> Status {
                                       ScoredLists related_block = related_rows(
                                           data.items, {together, similar_rows, set.category_best_sellers, first},
                                           first, similar_rows.size(), o.related, o.run);
                                       AYC_RETURN_IF_ERROR(sink.take(ListFamily::kSimilar, first,
                                                                     std::move(similar_rows)));
                                       return sink.take(ListFamily::kRelated, first, std::move(related_block));
                                     }));
  stage(o, "for_you");
  // Deeper than k: the customer's own purchases are skipped when topping up.
  const std::vector<Scored> top_up = best_sellers(popularity, data.items, 2 * o.run.k);
  AYC_RETURN_IF_ERROR(
      sink.take(ListFamily::kForYou, 0, for_you(t, {&together, top_up, popularity}, o.for_you, o.run)));
  AYC_RETURN_IF_ERROR(sink.take(ListFamily::kBoughtTogether, 0, std::move(together)));
  stage(o, "buy_again");
  AYC_RETURN_IF_ERROR(sink.take(ListFamily::kBuyAgain, 0, buy_again(t, o.buy_again, o.run)));
  stage(o, "done");
  return set;
}

RecommendationSet compute_models(const Dataset& data, const RecsysOptions& o) {
  RecommendationSet set;
  CollectingSink sink(set);
  auto rest = compute_models_into(data, o, sink);  // the collecting sink never fails
  if (rest.ok()) {
    set.trending = std::move(rest->trending);
    set.best_sellers = std::move(rest->best_sellers);
    set.category_best_sellers = std::move(rest->category_best_sellers);
    set.category_trending = std::move(rest->category_trending);
  }
  return set;
}

Result<RecommendationSet> compute_recommendations(const RecsysInputs& inputs, const RecsysOptions& options) {
  AYC_RETURN_IF_ERROR(validate(options));
  AYC_RETURN_IF_ERROR(validate(inputs));
  RecommendationSet set = compute_models(inputs.data, options);
  set.ids = inputs.ids;
  return set;
}

std::vector<ProductScore> product_ids(std::span<const Scored> list, const IdMaps& ids) {
  std::vector<ProductScore> out;
  out.reserve(list.size());
  for (const auto& s : list)
    if (s.item < ids.products.size()) out.push_back({ids.products[s.item], s.score});
  return out;
}

}  // namespace ayc::recsys
