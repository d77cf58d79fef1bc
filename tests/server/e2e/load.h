// Client threads that loop GET requests against a server process, for the
// end-to-end tests that change things under load (SIGTERM, reindexing). Each
// thread keeps one connection alive and cycles through the targets; every
// answer is tallied and the search_id of every 200 /search answer kept.
//
// Thread-safety: start, stop and read from one owner thread; the workers
// only touch their own slots until stop() joins them.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <thread>
#include <vector>

namespace ayc::e2e {

struct LoadOptions {
  int threads = 2;
  std::vector<std::string> targets;
  // A worker ends at its first request without an answer (the server went away).
  bool stop_when_unanswered = false;
  std::chrono::milliseconds max_duration{30'000};  // a hard bound, whatever happens
};

struct LoadTally {
  long answered = 0;
  long unanswered = 0;
  std::map<int, long> statuses;           // HTTP status -> responses
  std::vector<std::string> search_ids;    // of 200 answers to /search
  std::vector<std::string> failures;      // "status target" of the first few non-200 answers
  long ok() const { auto it = statuses.find(200); return it == statuses.end() ? 0 : it->second; }
  long not_ok() const { return answered - ok() + unanswered; }
};

class LoadGenerator {
 public:
  LoadGenerator(std::uint16_t port, LoadOptions options);
  ~LoadGenerator();
  LoadGenerator(const LoadGenerator&) = delete;
  LoadGenerator& operator=(const LoadGenerator&) = delete;

  // 200 answers so far, over all workers.
  long ok_so_far() const { return ok_.load(); }
  // Waits until ok_so_far() >= n or `timeout`; false on timeout.
  bool wait_for_ok(long n, std::chrono::milliseconds timeout) const;
  // Asks the workers to finish their current request and joins them.
  LoadTally stop();
  // Joins workers that end by themselves (stop_when_unanswered), within `timeout`
  // (then they are told to stop).
  LoadTally join(std::chrono::milliseconds timeout);

 private:
  void work(int index);

  std::uint16_t port_;
  LoadOptions options_;
  std::atomic<bool> stop_{false};
  std::atomic<long> ok_{0};
  std::atomic<int> running_{0};
  std::vector<LoadTally> tallies_;
  std::vector<std::thread> threads_;
};

}  // namespace ayc::e2e
