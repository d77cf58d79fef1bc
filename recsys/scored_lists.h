// Ranked lists of recommendations, one list per source (product or customer),
// stored compactly (one offsets array + one entries array), plus the helpers
// every model uses to select and build them.
//
// build_scored_lists() runs a row function over all rows on a few threads and
// returns the same result whatever the thread count (rows are computed
// independently and assembled in row order).
//
// Thread-safety: a ScoredLists is a plain value; concurrent reads are safe.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <span>
#include <thread>
#include <vector>

#include "recsys/types.h"

namespace ayc::recsys {

// Scores stay below 1 so they fit PostgreSQL's DECIMAL(5,4) as a fraction.
inline constexpr float kMaxScore = 0.9999f;

// How models run: list length and parallelism.
struct RunOptions {
  std::size_t k = 50;  // entries kept per list
  int threads = 0;     // worker threads; 0 = all cores. Results do not depend on it.
  // Rows a streamed model (similar, related: compute_models_into) holds at a
  // time; they go to the sink and are freed before the next block.
  std::size_t block_rows = 65536;
};

class ScoredLists {
 public:
  ScoredLists() = default;
  // One list per row, in row order.
  explicit ScoredLists(const std::vector<std::vector<Scored>>& rows);

  std::size_t size() const { return offsets_.size() - 1; }
  std::span<const Scored> operator[](std::size_t row) const {
    return {entries_.data() + offsets_[row], entries_.data() + offsets_[row + 1]};
  }
  std::size_t total_entries() const { return entries_.size(); }

  void append_row(std::span<const Scored> row);
  // Appends every row of `other` after the rows already here.
  void append_rows(const ScoredLists& other);
  // Room for `rows` more rows holding `entries` more entries in all.
  void reserve(std::size_t rows, std::size_t entries);

 private:
  std::vector<std::uint64_t> offsets_{0};
  std::vector<Scored> entries_;
};

// Orders by score, best first; ties by item index so results are deterministic.
inline bool better(const Scored& a, const Scored& b) {
  return a.score > b.score || (a.score == b.score && a.item < b.item);
}

// Keeps the best `k` entries of `v`, sorted best first.
void keep_top_k(std::vector<Scored>& v, std::size_t k);

// Divides every score by the list's best score times (1 + 1e-4), so the list
// keeps its order and all scores land in (0, 1). Non-positive entries are dropped.
void scale_to_unit(std::vector<Scored>& v);

// 0 means "all cores".
int resolve_threads(int threads);

// Builds the lists of rows [first, first + rows): `make_worker()` is called
// once per thread and returns a callable `worker(row, out)` that fills `out`
// (cleared before each call) with the list for `row`. Workers own their
// scratch space, so no locking is needed. Row i of the result is row first + i.
template <class MakeWorker>
ScoredLists build_scored_rows(std::size_t first, std::size_t rows, int threads, MakeWorker make_worker) {
  constexpr std::size_t kChunk = 512;
  const std::size_t chunks = (rows + kChunk - 1) / kChunk;
  std::vector<ScoredLists> parts(chunks);
  std::atomic<std::size_t> next{0};
  auto run = [&] {
    auto worker = make_worker();
    std::vector<Scored> out;
    for (std::size_t c = next++; c < chunks; c = next++) {
      const std::size_t end = first + std::min(rows, (c + 1) * kChunk);
      for (std::size_t row = first + c * kChunk; row < end; ++row) {
        out.clear();
        worker(row, out);
        parts[c].append_row(out);
      }
    }
  };
  const int n = std::max(1, std::min<int>(resolve_threads(threads), static_cast<int>(chunks)));
  std::vector<std::thread> pool;
  for (int t = 1; t < n; ++t) pool.emplace_back(run);
  run();
  for (auto& t : pool) t.join();
  // Sized once and each part freed as it is copied: the lists are never held twice.
  std::size_t entries = 0;
  for (const auto& p : parts) entries += p.total_entries();
  ScoredLists all;
  all.reserve(rows, entries);
  for (auto& p : parts) {
    all.append_rows(p);
    p = ScoredLists();
  }
  return all;
}

// The lists of every row, 0 to rows - 1.
template <class MakeWorker>
ScoredLists build_scored_lists(std::size_t rows, int threads, MakeWorker make_worker) {
  return build_scored_rows(0, rows, threads, make_worker);
}

}  // namespace ayc::recsys
