#include <atomic>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "server/search/shared_lru.h"

namespace ayc::search {
namespace {

std::shared_ptr<const std::string> text(std::string s) { return std::make_shared<const std::string>(std::move(s)); }

TEST_CASE("a cached value is returned until its entry is dropped for newer ones") {
  SharedLru<std::string> cache(16);  // one entry per shard
  CHECK(cache.get("a") == nullptr);
  cache.put("a", text("alpha"));
  REQUIRE(cache.get("a") != nullptr);
  CHECK(*cache.get("a") == "alpha");
  cache.put("a", text("again"));
  CHECK(*cache.get("a") == "again");
  auto held = cache.get("a");
  for (int i = 0; i < 1000; ++i) cache.put("k" + std::to_string(i), text("v"));
  std::size_t kept = 0;
  for (int i = 0; i < 1000; ++i) kept += cache.get("k" + std::to_string(i)) != nullptr;
  CHECK(kept <= 16);
  CHECK(*held == "again");  // a reader's value outlives its eviction
}

TEST_CASE("get_or_compute computes a missing value once and then serves it") {
  SharedLru<std::string> cache(16);
  int computed = 0;
  auto make = [&] {
    ++computed;
    return std::string("alpha");
  };
  CHECK(*cache.get_or_compute("a", make) == "alpha");
  CHECK(*cache.get_or_compute("a", make) == "alpha");
  CHECK(computed == 1);
  SharedLru<std::string> none(0);
  CHECK(*none.get_or_compute("a", make) == "alpha");  // computed, not kept
  CHECK(none.get("a") == nullptr);
}

TEST_CASE("a cache bounded in bytes drops the least recently used to stay within them") {
  using Cache = SharedLru<std::string>;
  const auto charge = [](const std::string& key, std::size_t value) { return 2 * key.size() + Cache::kEntryOverhead + value; };
  const std::size_t max_bytes = 16 * 4 * charge("k000", 1000);  // about four 1000-byte values per shard
  Cache cache(1'000'000, max_bytes, [](const std::string& v) { return v.size(); });
  for (int i = 0; i < 1000; ++i) {
    char key[8];
    std::snprintf(key, sizeof key, "k%03d", i);
    cache.put(key, text(std::string(1000, 'x')));
    REQUIRE(cache.stats().bytes <= max_bytes);
  }
  const auto full = cache.stats();
  CHECK(full.entries <= 64);
  CHECK(full.entries >= 16);  // every shard keeps some
  CHECK(full.bytes == full.entries * charge("k000", 1000));
  // A value bigger than a shard's share is not kept at all.
  cache.put("huge", text(std::string(max_bytes, 'x')));
  CHECK(cache.get("huge") == nullptr);
  // Replacing a value charges the new size, not both.
  Cache one(10, Cache::kUnlimited, [](const std::string& v) { return v.size(); });
  one.put("a", text(std::string(100, 'x')));
  one.put("a", text(std::string(10, 'x')));
  CHECK(one.stats().entries == 1);
  CHECK(one.stats().bytes == charge("a", 10));
}

TEST_CASE("a cache of no entries keeps nothing") {
  SharedLru<std::string> cache(0);
  cache.put("a", text("alpha"));
  CHECK(cache.get("a") == nullptr);
}

TEST_CASE("concurrent readers and writers see whole values") {
  SharedLru<std::string> cache(64);
  std::atomic<int> wrong{0}, hits{0};  // Catch2 assertions are not thread-safe: checked after join
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 5000; ++i) {
        std::string key = "k" + std::to_string((i * 7 + t) % 200);
        if (auto v = cache.get(key)) {
          ++hits;
          if (*v != "value of " + key) ++wrong;
        } else {
          cache.put(key, text("value of " + key));
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  CHECK(wrong == 0);
  CHECK(hits > 0);
}

}  // namespace
}  // namespace ayc::search
