// The recommendation stage as one pure call: inputs in, every list out.
//
//   auto inputs = load_inputs(conn, now);                   // pg_source.h
//   auto set = compute_recommendations(*inputs, RecsysOptions{});
//   write_product_recommendations(conn, *set);              // pg_sink.h
//
// Reading a RecommendationSet: every list is best first, holds at most
// options.run.k entries, only active products, never the source itself, and
// scores in [0, 1); the per-product lists of inactive products are empty.
// Entries carry dense indices; set.ids.products[s.item] is
// the product UUID (product_ids() does the mapping for a whole list).
//   set.bought_together[p], set.similar[p], set.related[p]  product p's lists
//   set.for_you[c]              customer c (set.ids.customers[c]): products
//                               they have not bought; empty for customers
//                               without purchases: serve trending, then
//                               best_sellers, to them
//   set.buy_again[c]            customer c's refills, most due first (at most
//                               options.buy_again.max_items; buy_again.h);
//                               empty when there is nothing to rebuy
//   set.trending, set.best_sellers                 global lists
//   set.category_best_sellers[c], category_trending[c]  category c (set.ids.categories[c]),
//                                                  including its subcategories
//
// Thread-safety: compute_recommendations() is pure and may run on several
// threads internally (options.run.threads); the result is a plain value.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <vector>

#include "common/status.h"
#include "recsys/bought_together.h"
#include "recsys/buy_again.h"
#include "recsys/for_you.h"
#include "recsys/popularity.h"
#include "recsys/related.h"
#include "recsys/scored_lists.h"
#include "recsys/similar.h"
#include "recsys/types.h"

namespace ayc::recsys {

struct RecsysOptions {
  RunOptions run;  // k = 50 per list
  BoughtTogetherOptions bought_together;
  SimilarOptions similar;
  ForYouOptions for_you;
  BuyAgainOptions buy_again;
  PopularityOptions popularity;
  RelatedOptions related;
  // Called with a short line as each model starts and ends (e.g. to log progress); may be empty.
  std::function<void(const std::string&)> on_stage;
};

// Every problem with the options, or OK.
Status validate(const RecsysOptions& options);
// Indices out of range and similar damage in the inputs, or OK.
Status validate(const RecsysInputs& inputs);

// The per-source families of a RecommendationSet.
enum class ListFamily { kBoughtTogether, kSimilar, kRelated, kForYou, kBuyAgain };
const char* family_name(ListFamily family);  // "bought_together", "similar", ...

struct RecommendationSet {
  // The lists of one family.
  ScoredLists& lists(ListFamily family);
  const ScoredLists& lists(ListFamily family) const;

  IdMaps ids;
  ScoredLists bought_together;  // per product
  ScoredLists similar;          // per product
  ScoredLists related;          // per product
  ScoredLists for_you;          // per customer
  ScoredLists buy_again;        // per customer
  std::vector<Scored> trending;
  std::vector<Scored> best_sellers;
  ScoredLists category_best_sellers;  // per category
  ScoredLists category_trending;      // per category
};

Result<RecommendationSet> compute_recommendations(const RecsysInputs& inputs, const RecsysOptions& options);

// The models alone, on a dataset without UUIDs (the evaluation uses this).
RecommendationSet compute_models(const Dataset& data, const RecsysOptions& options);

// Where compute_models_into() puts the per-source lists.
class ListSink {
 public:
  virtual ~ListSink() = default;
  // Sources [first, first + lists.size()) of `family`, on the calling thread;
  // each family's blocks arrive in order. A non-OK status stops the run.
  virtual Status take(ListFamily family, std::size_t first, ScoredLists&& lists) = 0;
};

// compute_models without holding every list at once, for a catalogue of a
// million products: similar and related go to `sink` run.block_rows products
// at a time, for_you and buy_again each as soon as it is computed, and
// bought_together once nothing needs it any more. The returned set holds the
// global and category lists; its per-source families are empty. The lists
// are the same as compute_models'.
Result<RecommendationSet> compute_models_into(const Dataset& data, const RecsysOptions& options, ListSink& sink);

struct ProductScore {
  std::string product_id;  // UUID
  float score = 0;
};

// A list with UUIDs in place of dense indices.
std::vector<ProductScore> product_ids(std::span<const Scored> list, const IdMaps& ids);

}  // namespace ayc::recsys
