// Process metrics, rendered in the Prometheus text exposition format.
//
// Hot-path updates are relaxed atomic increments: a request costs one status
// class counter and one histogram bucket on its route, no locks. Routes are
// registered at start-up (the Router does it for every route it knows), so the
// label is the route pattern ("/products/{id}/related"), never the raw path,
// and the number of series stays fixed.
//
// What the server's parts feed:
//   metrics.index().set_generation(generation, built_at);  // on every swap to a new index
//   metrics.search_log()                                 // the search log writer's counters
//   metrics.add_counter("ayurvedacart_...", "help")      // anything else, at start-up
//
// Thread-safety: all update methods and render() may be called from any
// thread. route(), add_counter() and add_gauge() take a lock; call them at
// start-up and keep the returned reference (it stays valid for the Metrics'
// lifetime).
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>

namespace ayc::metrics {

class Counter {
 public:
  void inc(std::uint64_t n = 1) noexcept { v_.fetch_add(n, std::memory_order_relaxed); }
  std::uint64_t value() const noexcept { return v_.load(std::memory_order_relaxed); }

 private:
  std::atomic<std::uint64_t> v_{0};
};

class Gauge {
 public:
  void set(std::int64_t v) noexcept { v_.store(v, std::memory_order_relaxed); }
  void add(std::int64_t d) noexcept { v_.fetch_add(d, std::memory_order_relaxed); }
  std::int64_t value() const noexcept { return v_.load(std::memory_order_relaxed); }

 private:
  std::atomic<std::int64_t> v_{0};
};

// Latency histogram with fixed buckets from 100 us to 10 s.
class LatencyHistogram {
 public:
  static constexpr std::size_t kBuckets = 16;
  // Upper bounds in microseconds, and the same as Prometheus `le` labels.
  static constexpr std::array<std::int64_t, kBuckets> kUpperMicros = {
      100, 250, 500, 1'000, 2'500, 5'000, 10'000, 25'000, 50'000,
      100'000, 250'000, 500'000, 1'000'000, 2'500'000, 5'000'000, 10'000'000};

  void observe(std::chrono::nanoseconds d) noexcept;
  // Count in bucket i (i == kBuckets: above the last bound); not cumulative.
  std::uint64_t bucket(std::size_t i) const noexcept { return counts_[i].load(std::memory_order_relaxed); }
  std::uint64_t sum_nanos() const noexcept { return sum_ns_.load(std::memory_order_relaxed); }

 private:
  std::array<std::atomic<std::uint64_t>, kBuckets + 1> counts_{};
  std::atomic<std::uint64_t> sum_ns_{0};
};

// One route's requests, by status class, and their latency.
class RouteMetrics {
 public:
  RouteMetrics(std::string method, std::string pattern) : method_(std::move(method)), pattern_(std::move(pattern)) {}
  void observe(int http_status, std::chrono::nanoseconds latency) noexcept;
  const std::string& method() const { return method_; }
  const std::string& pattern() const { return pattern_; }
  // Requests answered with status class `cls` (1..5 for 1xx..5xx).
  std::uint64_t requests(int cls) const noexcept { return by_class_[static_cast<std::size_t>(cls - 1)].value(); }
  const LatencyHistogram& latency() const { return latency_; }

 private:
  std::string method_;
  std::string pattern_;
  std::array<Counter, 5> by_class_;
  LatencyHistogram latency_;
};

// Fed by the Beast server.
struct HttpServerMetrics {
  Gauge open_connections;
  Counter accepted_connections;
  Counter rejected_connections;  // over --max-connections: accepted and closed at once
  Counter rejected_client_connections;  // over --max-connections-per-client, likewise
  Counter accept_errors;
  Counter read_timeouts;         // idle or too slow (slowloris) clients cut off
  Counter first_byte_timeouts;   // new connections that sent nothing in time
  Counter header_too_large;      // 431
  Counter body_too_large;        // 413
  Counter malformed_requests;    // 400 before routing: unparseable HTTP
};

// Fed by the search log writer.
struct SearchLogMetrics {
  Gauge queue_depth;         // rows waiting in memory
  Gauge queue_bytes;         // their bytes (search_log::row_bytes)
  Gauge spool_pending_rows;  // rows in spool files not yet replayed
  Gauge spool_bytes;         // the spool files' bytes
  Counter enqueued_rows;
  Counter written_rows;      // committed to PostgreSQL (replayed ones included)
  Counter spooled_rows;      // written to a spool file (queue full, PostgreSQL down at shutdown)
  Counter replayed_rows;     // read back from spool files and written
  Counter dropped_rows;      // lost for good: could be neither written nor spooled, or rejected row data
  Counter write_failures;    // failed batch attempts (PostgreSQL unavailable, ...)
  Counter clicks_received;
  Counter clicks_applied;
  Counter clicks_dropped;    // unknown search after retries, unknown product, or no room
};

// Fed by whoever loads index generations.
class IndexMetrics {
 public:
  void set_generation(std::uint64_t generation, std::chrono::system_clock::time_point built_at) noexcept;
  bool loaded() const noexcept { return generation() != 0; }
  std::uint64_t generation() const noexcept { return generation_.load(std::memory_order_acquire); }
  std::chrono::system_clock::time_point built_at() const noexcept;

 private:
  std::atomic<std::int64_t> built_at_us_{0};
  std::atomic<std::uint64_t> generation_{0};
};

class Metrics {
 public:
  Metrics() = default;
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  // The metrics of route (method, pattern), created on first use.
  RouteMetrics& route(std::string_view method, std::string_view pattern);
  // Extra series; `name` must be a valid Prometheus metric name and unique.
  Counter& add_counter(std::string name, std::string help);
  Gauge& add_gauge(std::string name, std::string help);

  HttpServerMetrics& http() { return http_; }
  SearchLogMetrics& search_log() { return search_log_; }
  IndexMetrics& index() { return index_; }
  Counter& access_log_dropped() { return access_log_dropped_; }

  // The exposition text; `now` gives the index age.
  std::string render(std::chrono::system_clock::time_point now) const;

 private:
  template <class T>
  struct Named {
    std::string name;
    std::string help;
    T value;
  };

  mutable std::mutex mu_;  // guards the containers below, not the values in them
  std::deque<RouteMetrics> routes_;
  std::deque<Named<Counter>> counters_;
  std::deque<Named<Gauge>> gauges_;
  HttpServerMetrics http_;
  SearchLogMetrics search_log_;
  IndexMetrics index_;
  Counter access_log_dropped_;
};

}  // namespace ayc::metrics
