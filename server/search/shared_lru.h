// A thread-safe LRU cache of immutable values by string key, bounded by the
// number of entries. Values are shared_ptr<const V>: a reader keeps its value
// alive even if the cache drops it meanwhile. Keys are spread over shards,
// each with its own lock and recency list, so concurrent readers rarely wait
// for each other (eviction is least-recently-used within a shard).
//
// Thread-safety: all methods may be called concurrently.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace ayc::search {

template <typename V>
class SharedLru {
 public:
  // Each shard's buckets are reserved up front (up to 65,536): a rehash of a
  // full shard would stall the search that triggers it.
  explicit SharedLru(std::size_t capacity) {
    for (auto& s : shards_) {
      s.capacity = (capacity + kShards - 1) / kShards;
      s.entries.reserve(std::min<std::size_t>(s.capacity + 1, 65536));
    }
  }

  // The cached value, or null.
  std::shared_ptr<const V> get(const std::string& key) const {
    Shard& s = shard(key);
    std::lock_guard<std::mutex> lock(s.mu);
    auto it = s.entries.find(key);
    if (it == s.entries.end()) return nullptr;
    s.lru.splice(s.lru.begin(), s.lru, it->second.second);
    return it->second.first;
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
    if (s.capacity == 0) return;
    std::lock_guard<std::mutex> lock(s.mu);
    auto [it, inserted] = s.entries.try_emplace(key);
    if (!inserted) {
      it->second.first = std::move(value);
      s.lru.splice(s.lru.begin(), s.lru, it->second.second);
      return;
    }
    s.lru.push_front(key);
    it->second = {std::move(value), s.lru.begin()};
    if (s.entries.size() > s.capacity) {
      s.entries.erase(s.lru.back());
      s.lru.pop_back();
    }
  }

 private:
  static constexpr std::size_t kShards = 16;
  struct Shard {
    std::size_t capacity = 0;
    std::mutex mu;
    std::list<std::string> lru;  // most recently used first
    std::unordered_map<std::string, std::pair<std::shared_ptr<const V>, std::list<std::string>::iterator>> entries;
  };
  Shard& shard(const std::string& key) const { return shards_[std::hash<std::string>{}(key) % kShards]; }

  mutable std::array<Shard, kShards> shards_;
};

}  // namespace ayc::search
