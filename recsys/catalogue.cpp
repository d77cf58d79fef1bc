#include "recsys/catalogue.h"

#include <algorithm>

#include "recsys/types.h"

namespace ayc::recsys {

std::vector<std::uint32_t> category_ancestors(std::span<const std::uint32_t> direct,
                                              std::span<const std::uint32_t> parent) {
  std::vector<std::uint32_t> out;
  auto known = [&](std::uint32_t c) {
    return std::find(direct.begin(), direct.end(), c) != direct.end() ||
           std::find(out.begin(), out.end(), c) != out.end();
  };
  for (std::uint32_t c : direct) {
    // At most parent.size() steps: a longer walk has met a cycle.
    std::uint32_t at = c;
    for (std::size_t steps = 0; steps < parent.size() && at < parent.size(); ++steps) {
      at = parent[at];
      if (at == kNone || at >= parent.size()) break;
      if (!known(at)) out.push_back(at);
    }
  }
  return out;
}

std::int64_t day_of(std::int64_t unix_seconds) {
  constexpr std::int64_t kDay = 86400;
  return unix_seconds >= 0 ? unix_seconds / kDay : -((-unix_seconds + kDay - 1) / kDay);
}

}  // namespace ayc::recsys
