// What product_recommendations holds for each (source product, list family),
// kept as a digest of its rows, so that a write sends PostgreSQL only the
// lists that changed (pg_sink.h).
//
// A list's digest is the sum of a 64-bit hash of each row (recommended
// product's id text, score in ten-thousandths) and the row count: it does not
// depend on row order, and two different lists share a digest with a
// probability of about 2^-64. A source is keyed by its UUID's 16 bytes, so
// the table of a million products' three families takes about 110 MiB.
//
// Thread-safety: a plain value; one thread at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "recsys/id_index.h"
#include "recsys/recommendations.h"

namespace ayc::recsys {

struct ListDigest {
  std::uint64_t sum = 0;
  std::uint32_t rows = 0;

  void add(std::string_view recommended, int score);  // score in ten-thousandths (DECIMAL(5,4) * 10^4)
  bool operator==(const ListDigest&) const = default;
};

// "0.1234" (a DECIMAL(5,4) as PostgreSQL writes it) as 1234; -1 for anything else.
int score_ten_thousandths(std::string_view decimal);

class TableDigests {
 public:
  // One row of the table. False when `source` is no UUID: the caller cannot
  // key the table and must compare every row.
  bool add_row(std::string_view source, ListFamily family, std::string_view recommended, int score);

  // True when the table holds exactly `list` for (source, family); the pair
  // then counts as matched. An empty list matches a source with no rows.
  bool matches(std::string_view source, ListFamily family, const ListDigest& list);

  // Every (source as UUID text, family) with rows in the table that no
  // matches() call matched: the lists whose old rows may have to go.
  void for_each_unmatched(const std::function<void(const std::string&, ListFamily)>& fn) const;

  std::size_t lists() const;  // (source, family) pairs with rows

 private:
  static constexpr int kFamilies = 3;  // bought together, similar, related
  struct Entry {
    ListDigest digest;
    bool matched = false;
  };
  static int slot(ListFamily family);

  IdIndex index_;
  std::vector<std::pair<std::uint64_t, std::uint64_t>> uuids_;  // by index_'s index
  std::vector<Entry> entries_;                                   // kFamilies per source
};

}  // namespace ayc::recsys
