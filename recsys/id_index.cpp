#include "recsys/id_index.h"

#include "common/text.h"

namespace ayc::recsys {

namespace {

std::uint64_t mix(std::uint64_t hi, std::uint64_t lo) {
  std::uint64_t x = hi ^ (lo * 0x9e3779b97f4a7c15ull);
  x ^= x >> 31;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 29;
  return x;
}

}  // namespace

std::optional<std::pair<std::uint64_t, std::uint64_t>> parse_uuid(std::string_view text) {
  if (text.size() != 36) return std::nullopt;
  std::uint64_t half[2] = {0, 0};
  int digits = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (text[i] != '-') return std::nullopt;
      continue;
    }
    const int v = ayc::text::hex_digit_value(text[i]);
    if (v < 0) return std::nullopt;
    std::uint64_t& h = half[digits / 16];
    h = (h << 4) | static_cast<std::uint64_t>(v);
    ++digits;
  }
  return std::make_pair(half[0], half[1]);
}

std::size_t IdIndex::probe(std::uint64_t hi, std::uint64_t lo) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t at = mix(hi, lo) & mask;; at = (at + 1) & mask) {
    const Slot& s = slots_[at];
    if (s.index == kEmpty || (s.hi == hi && s.lo == lo)) return at;
  }
}

void IdIndex::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
  for (const Slot& s : old)
    if (s.index != kEmpty) slots_[probe(s.hi, s.lo)] = s;
}

std::uint32_t IdIndex::add(std::string_view id) {
  if (auto key = parse_uuid(id)) {
    if (2 * (std::size_t{count_} + 1) > slots_.size()) grow();
    Slot& s = slots_[probe(key->first, key->second)];
    if (s.index != kEmpty) return s.index;
    s = {key->first, key->second, count_};
  } else {
    auto [it, inserted] = other_.try_emplace(std::string(id), count_);
    if (!inserted) return it->second;
  }
  if (names_ != nullptr) names_->emplace_back(id);
  return count_++;
}

std::optional<std::uint32_t> IdIndex::find(std::string_view id) const {
  if (auto key = parse_uuid(id)) {
    if (slots_.empty()) return std::nullopt;
    const Slot& s = slots_[probe(key->first, key->second)];
    return s.index == kEmpty ? std::nullopt : std::optional<std::uint32_t>(s.index);
  }
  auto it = other_.find(std::string(id));
  return it == other_.end() ? std::nullopt : std::optional<std::uint32_t>(it->second);
}

}  // namespace ayc::recsys
