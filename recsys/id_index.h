// Dense 0-based indices for the ids of rows read from PostgreSQL (UUID text),
// in the order they are first seen.
//
// A UUID is kept as its 16 bytes in an open-addressing table (24 bytes a
// slot, at most half full) instead of a string in a hash node: at a million
// products and three million orders the string maps took about 600 MiB while
// loading. Text that is not a canonical UUID still works, through an ordinary
// string map beside the table.
//
// Thread-safety: a plain value; concurrent const use is safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ayc::recsys {

class IdIndex {
 public:
  // With `names`, each new id is also appended to it (names[index] == id).
  explicit IdIndex(std::vector<std::string>* names = nullptr) : names_(names) {}

  // The id's index, a new one when it was not seen before.
  std::uint32_t add(std::string_view id);
  std::optional<std::uint32_t> find(std::string_view id) const;
  std::size_t size() const { return count_; }

 private:
  struct Slot {
    std::uint64_t hi = 0, lo = 0;
    std::uint32_t index = kEmpty;
  };
  static constexpr std::uint32_t kEmpty = 0xffffffffu;
  // The position of key (hi, lo): its slot, or the empty slot where it would go.
  std::size_t probe(std::uint64_t hi, std::uint64_t lo) const;
  void grow();

  std::vector<std::string>* names_;
  std::vector<Slot> slots_;
  std::unordered_map<std::string, std::uint32_t> other_;  // ids that are not UUID text
  std::uint32_t count_ = 0;
};

// The 128 bits of a UUID written as 36 characters (8-4-4-4-12 hex digits,
// either case), or nothing for any other text.
std::optional<std::pair<std::uint64_t, std::uint64_t>> parse_uuid(std::string_view text);

}  // namespace ayc::recsys
