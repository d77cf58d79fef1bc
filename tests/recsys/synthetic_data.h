// Builds small synthetic datasets for the recommendation tests.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <span>
#include <string>
#include <vector>

#include "recsys/scored_lists.h"
#include "recsys/types.h"

namespace ayc::recsys::testing {

// A distinct canonical UUID text for each n (spread over the first 32 bits).
inline std::string uuid(std::uint32_t n) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%08x-0000-4000-8000-%012x", n * 2654435761u, n);
  return buf;
}

class DatasetBuilder {
 public:
  DatasetBuilder(std::size_t items, std::int64_t now_day) {
    data_.items.resize(items);
    data_.now_day = now_day;
  }

  // Adds one order; returns its index. A new customer index grows customer_count.
  std::uint32_t order(std::uint32_t customer, std::int64_t day, std::initializer_list<std::uint32_t> items,
                      float quantity = 1) {
    return order(customer, day, std::vector<std::uint32_t>(items), quantity);
  }
  std::uint32_t order(std::uint32_t customer, std::int64_t day, const std::vector<std::uint32_t>& items,
                      float quantity = 1) {
    const std::uint32_t o = next_order_++;
    for (auto i : items) data_.lines.push_back({o, customer, i, static_cast<std::int32_t>(day), quantity});
    if (customer != kNone) data_.customer_count = std::max<std::size_t>(data_.customer_count, customer + 1);
    return o;
  }
  // A fresh customer index.
  std::uint32_t new_customer() { return static_cast<std::uint32_t>(data_.customer_count++); }

  ItemContent& item(std::uint32_t i) { return data_.items[i]; }
  Dataset& data() { return data_; }

 private:
  Dataset data_;
  std::uint32_t next_order_ = 0;
};

inline std::vector<std::uint32_t> items_of(std::span<const Scored> list) {
  std::vector<std::uint32_t> out;
  for (const auto& s : list) out.push_back(s.item);
  return out;
}

inline bool contains(std::span<const Scored> list, std::uint32_t item) {
  return std::any_of(list.begin(), list.end(), [&](const Scored& s) { return s.item == item; });
}

// Position of `item` in `list`, or list.size() when absent.
inline std::size_t rank_of(std::span<const Scored> list, std::uint32_t item) {
  for (std::size_t r = 0; r < list.size(); ++r)
    if (list[r].item == item) return r;
  return list.size();
}

}  // namespace ayc::recsys::testing
