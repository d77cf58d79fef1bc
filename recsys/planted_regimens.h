// A synthetic shop with a known answer, for checking for_you end to end:
// customers follow one to four recurring regimens (three products bought
// together every 25-75 days, half of them given up after a few rounds) over
// two years and buy popular extras on the side. A share of customers buys only two of one regimen's
// three products; for them the third is the answer, and a recommender
// that learnt the regimens should show it in its first `cutoff` items.
//
// Unlike evaluate(), lists are read as served: nothing is removed before the
// cut, so products the customer already has that a model puts first count
// against it (the popularity baseline alone has them removed, as in the
// customer task).
//
// Thread-safety: pure functions of their arguments.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "recsys/recommendations.h"
#include "recsys/types.h"

namespace ayc::recsys {

struct PlantedRegimenOptions {
  std::size_t regimens = 30;        // products 3r, 3r+1, 3r+2
  std::size_t extras = 300;         // products after the regimens' ones, bought with Zipf-like popularity
  std::size_t customers = 2000;
  double partial_share = 0.25;      // customers missing one product of their first regimen
  int days = 720;                   // orders span [now - days, now)
  std::uint64_t seed = 1;
};

struct RegimenCase {
  std::uint32_t customer = kNone;
  std::uint32_t missing = 0;  // the regimen's product they never bought
};

struct PlantedRegimens {
  Dataset data;
  std::vector<RegimenCase> cases;
};

PlantedRegimens plant_regimens(const PlantedRegimenOptions& options);

struct RegimenScore {
  std::string model;  // "popularity", "ease", "for_you"
  std::size_t cases = 0;
  double hit_rate = 0;  // share of cases with the missing product in the first `cutoff`
};

// Trains every model on shop.data and scores popularity, plain EASE and for_you.
std::vector<RegimenScore> check_planted_regimens(const PlantedRegimens& shop, const RecsysOptions& options,
                                                 std::size_t cutoff);

// Share of cases whose missing product is among the first `cutoff` of lists[customer].
double regimen_hit_rate(const ScoredLists& lists, const std::vector<RegimenCase>& cases, std::size_t cutoff);

std::string format_regimen_scores(const std::vector<RegimenScore>& scores, std::size_t cutoff);

}  // namespace ayc::recsys
