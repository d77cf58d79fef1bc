#include "server/search/most_frequent.h"

#include <algorithm>

namespace ayc::search {

std::vector<std::string> most_frequent(std::vector<std::pair<Xapian::doccount, std::string>> counted, std::size_t n) {
  const std::size_t keep = std::min(n, counted.size());
  std::partial_sort(counted.begin(), counted.begin() + static_cast<std::ptrdiff_t>(keep), counted.end(),
                    [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  std::vector<std::string> out;
  out.reserve(keep);
  for (std::size_t i = 0; i < keep; ++i) out.push_back(std::move(counted[i].second));
  return out;
}

}  // namespace ayc::search
