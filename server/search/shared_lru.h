// A thread-safe LRU cache of immutable values by string key, bounded by the
// number of entries and by bytes: each entry is charged its key, the value's
// bytes as the sizer reports them, and kEntryOverhead for the bookkeeping.
// Values are shared_ptr<const V>: a reader keeps its value alive even if the
// cache drops it meanwhile. Keys are spread over shards, each with its own
// lock, recency list and share of both bounds, so concurrent readers rarely
// wait for each other (eviction is least-recently-used within a shard). A
// value larger than a shard's share of the bytes is not kept.
//
// Thread-safety: all methods may be called concurrently.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <functional>
#include <limits>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace ayc::search {

template <typename V>
class SharedLru {
 public:
  using Sizer = std::function<std::size_t(const V&)>;
  static constexpr std::size_t kUnlimited = std::numeric_limits<std::size_t>::max();
  // Hash-map node, recency-list node and the shared value's control block
  // (the key is charged twice: the map and the recency list hold a copy each).
  static constexpr std::size_t kEntryOverhead = 128;

  struct Stats {
    std::size_t entries = 0;
    std::size_t bytes = 0;
  };

  // Each shard's buckets are reserved up front (up to 65,536): a rehash of a
  // full shard would stall the search that triggers it. Without a sizer a
  // value is charged sizeof(V).
  explicit SharedLru(std::size_t max_entries, std::size_t max_bytes = kUnlimited, Sizer sizer = {})
      : sizer_(std::move(sizer)) {
    for (auto& s : shards_) {
      s.capacity = (max_entries + kShards - 1) / kShards;
      s.byte_capacity = max_bytes == kUnlimited ? kUnlimited : max_bytes / kShards;
      s.entries.reserve(std::min<std::size_t>(s.capacity + 1, 65536));
    }
  }

  Stats stats() const {
    Stats out;
    for (auto& s : shards_) {
      std::lock_guard<std::mutex> lock(s.mu);
      out.entries += s.entries.size();
      out.bytes += s.bytes;
    }
    return out;
  }

  // The cached value, or null.
  std::shared_ptr<const V> get(const std::string& key) const {
    Shard& s = shard(key);
    std::lock_guard<std::mutex> lock(s.mu);
    auto it = s.entries.find(key);
    if (it == s.entries.end()) return nullptr;
    s.lru.splice(s.lru.begin(), s.lru, it->second.position);
    return it->second.value;
  }

  // The cached value, else compute()'s (a V), cached. compute() runs outside
  // the lock; two callers missing at once may both compute (same result).
  template <typename F>
  std::shared_ptr<const V> get_or_compute(const std::string& key, F&& compute) const {
    if (auto hit = get(key)) return hit;
    auto fresh = std::make_shared<const V>(compute());
    put(key, fresh);
    return fresh;
  }

  void put(const std::string& key, std::shared_ptr<const V> value) const {
    Shard& s = shard(key);
    if (s.capacity == 0 || !value) return;
    const std::size_t charge = 2 * key.size() + kEntryOverhead + (sizer_ ? sizer_(*value) : sizeof(V));
    if (charge > s.byte_capacity) return;
    std::lock_guard<std::mutex> lock(s.mu);
    auto [it, inserted] = s.entries.try_emplace(key);
    if (!inserted) {
      s.bytes -= it->second.charge;
      it->second.value = std::move(value);
      it->second.charge = charge;
      s.bytes += charge;
      s.lru.splice(s.lru.begin(), s.lru, it->second.position);
    } else {
      s.lru.push_front(key);
      it->second = {std::move(value), s.lru.begin(), charge};
      s.bytes += charge;
    }
    while (s.entries.size() > s.capacity || s.bytes > s.byte_capacity) {
      auto oldest = s.entries.find(s.lru.back());
      s.bytes -= oldest->second.charge;
      s.entries.erase(oldest);
      s.lru.pop_back();
    }
  }

 private:
  static constexpr std::size_t kShards = 16;
  struct Entry {
    std::shared_ptr<const V> value;
    std::list<std::string>::iterator position;
    std::size_t charge = 0;
  };
  struct Shard {
    std::size_t capacity = 0;
    std::size_t byte_capacity = kUnlimited;
    std::size_t bytes = 0;
    std::mutex mu;
    std::list<std::string> lru;  // most recently used first
    std::unordered_map<std::string, Entry> entries;
  };
  Shard& shard(const std::string& key) const { return shards_[std::hash<std::string>{}(key) % kShards]; }

  const Sizer sizer_;
  mutable std::array<Shard, kShards> shards_;
};

}  // namespace ayc::search
