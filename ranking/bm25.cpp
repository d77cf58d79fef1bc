#include "ranking/bm25.h"

#include <algorithm>
#include <cmath>

namespace ayc::ranking {

double bm25_idf(std::uint64_t matching, std::uint64_t total) {
  double n = static_cast<double>(std::min(matching, total));
  double big_n = static_cast<double>(total);
  return std::log(1.0 + (big_n - n + 0.5) / (n + 0.5));
}

}  // namespace ayc::ranking
