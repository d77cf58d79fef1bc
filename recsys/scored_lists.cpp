#include "recsys/scored_lists.h"

namespace ayc::recsys {

ScoredLists::ScoredLists(const std::vector<std::vector<Scored>>& rows) {
  for (const auto& r : rows) append_row(r);
}

void ScoredLists::append_row(std::span<const Scored> row) {
  entries_.insert(entries_.end(), row.begin(), row.end());
  offsets_.push_back(entries_.size());
}

void ScoredLists::append_rows(const ScoredLists& other) {
  const std::uint64_t base = entries_.size();
  entries_.insert(entries_.end(), other.entries_.begin(), other.entries_.end());
  for (std::size_t i = 1; i < other.offsets_.size(); ++i) offsets_.push_back(base + other.offsets_[i]);
}

void ScoredLists::reserve(std::size_t rows, std::size_t entries) {
  offsets_.reserve(offsets_.size() + rows);
  entries_.reserve(entries_.size() + entries);
}

void keep_top_k(std::vector<Scored>& v, std::size_t k) {
  if (v.size() > k) {
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end(), better);
    v.resize(k);
  }
  std::sort(v.begin(), v.end(), better);
}

void scale_to_unit(std::vector<Scored>& v) {
  std::erase_if(v, [](const Scored& s) { return !(s.score > 0); });
  float best = 0;
  for (const auto& s : v) best = std::max(best, s.score);
  if (best <= 0) return;
  const float scale = 1.0f / (best * (1.0f + 1e-4f));
  for (auto& s : v) s.score *= scale;
}

int resolve_threads(int threads) {
  if (threads > 0) return threads;
  const unsigned hw = std::thread::hardware_concurrency();
  return hw == 0 ? 1 : static_cast<int>(hw);
}

}  // namespace ayc::recsys
