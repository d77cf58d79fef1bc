// Small pure helpers for turning catalogue rows into ItemContent.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace ayc::recsys {

// The ancestors of the `direct` categories, nearest first, without duplicates
// and without categories already in `direct`. `parent[c]` is c's parent or
// kNone; a cycle or an out-of-range parent ends the walk.
std::vector<std::uint32_t> category_ancestors(std::span<const std::uint32_t> direct,
                                              std::span<const std::uint32_t> parent);

// Whole days since the Unix epoch (rounded down, also before 1970).
std::int64_t day_of(std::int64_t unix_seconds);

}  // namespace ayc::recsys
