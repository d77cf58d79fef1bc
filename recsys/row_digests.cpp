#include "recsys/row_digests.h"

#include <algorithm>

#include "common/uuid.h"

namespace ayc::recsys {

namespace {

std::uint64_t finalize(std::uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ull;
  x ^= x >> 33;
  return x;
}

}  // namespace

void ListDigest::add(std::string_view recommended, int score) {
  const std::uint64_t h = std::hash<std::string_view>{}(recommended);
  sum += finalize(h ^ (static_cast<std::uint64_t>(score) + 1) * 0x9e3779b97f4a7c15ull);
  ++rows;
}

int score_ten_thousandths(std::string_view decimal) {
  int value = 0, digits = 0;
  bool point = false;
  for (char c : decimal) {
    if (c == '.' && !point) {
      point = true;
    } else if (c >= '0' && c <= '9') {
      if (point) ++digits;
      value = value * 10 + (c - '0');
      if (value > 1'000'000) return -1;
    } else {
      return -1;
    }
  }
  if (decimal.empty() || digits > 4) return -1;
  for (; digits < 4; ++digits) value *= 10;
  return value;
}

int TableDigests::slot(ListFamily family) {
  return family == ListFamily::kBoughtTogether ? 0 : family == ListFamily::kSimilar ? 1 : 2;
}

bool TableDigests::add_row(std::string_view source, ListFamily family, std::string_view recommended, int score) {
  const auto key = parse_uuid(source);
  if (!key) return false;
  const std::uint32_t at = index_.add(source);
  if (at == uuids_.size()) {
    uuids_.push_back(*key);
    entries_.resize(entries_.size() + kFamilies);
  }
  entries_[std::size_t{at} * kFamilies + slot(family)].digest.add(recommended, score);
  return true;
}

bool TableDigests::matches(std::string_view source, ListFamily family, const ListDigest& list) {
  const auto at = index_.find(source);
  if (!at) return list.rows == 0;
  Entry& e = entries_[std::size_t{*at} * kFamilies + slot(family)];
  if (!(e.digest == list)) return false;
  e.matched = true;
  return true;
}

std::size_t TableDigests::lists() const {
  return static_cast<std::size_t>(
      std::count_if(entries_.begin(), entries_.end(), [](const Entry& e) { return e.digest.rows > 0; }));
}

void TableDigests::for_each_unmatched(const std::function<void(const std::string&, ListFamily)>& fn) const {
  static constexpr ListFamily kOrder[kFamilies] = {ListFamily::kBoughtTogether, ListFamily::kSimilar,
                                                   ListFamily::kRelated};
  for (std::size_t s = 0; s < uuids_.size(); ++s) {
    for (int f = 0; f < kFamilies; ++f) {
      const Entry& e = entries_[s * kFamilies + f];
      if (e.digest.rows > 0 && !e.matched) fn(format_uuid(uuids_[s].first, uuids_[s].second), kOrder[f]);
    }
  }
}

}  // namespace ayc::recsys
