// Writes search_logs rows (and clicks) to PostgreSQL in the background,
// without ever making a search wait.
//
// enqueue() and record_click() take a short lock and push onto in-memory
// queues bounded in rows and bytes (clicks: in number, twice over: received
// and waiting for their search row): O(1), never waiting on PostgreSQL. A background thread
// writes batches at least every flush_interval (200 ms by default). When
// PostgreSQL is down the thread retries with exponential backoff (capped at
// backoff_max); rows wait in the queue, and once it is full, further rows go
// to the local spool (search_log_spool.h) and are replayed when PostgreSQL is
// back - and at the next start-up. A click is applied once its search row is
// stored; if the row is not there yet it is retried in later cycles
// (click_attempts times). A spool file is removed only once its rows are
// stored and its clicks applied or spooled again. shutdown() writes what it
// can before the deadline and spools the rest.
//
// Nothing disappears silently: every row ends up written, spooled, or counted
// in SearchLogMetrics::dropped_rows (spool unusable, or data PostgreSQL
// rejects row by row); clicks likewise in clicks_dropped.
//
// Thread-safety: enqueue(), record_click() and store_reachable() may be
// called from any thread; start() and shutdown() from one owner thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "common/log.h"
#include "server/metrics/metrics.h"
#include "server/search_log/row.h"
#include "server/search_log/spool.h"
#include "server/search_log/store.h"

namespace ayc::search_log {

class SearchLogWriter {
 public:
  struct Options {
    std::size_t queue_capacity = 100'000;           // rows held in memory (clicks: as many again, twice)
    std::size_t queue_max_bytes = 64u << 20;        // and at most these bytes of rows (row_bytes())
    // Most rows per write (one COPY, one transaction). Under load a write
    // takes what flush_interval gathered (~3,000 rows at 15,000 searches/s):
    // PostgreSQL's fixed cost per transaction then vanishes. Measured with
    // wrk at 64 connections on 2 cores: 250-row writes cost PostgreSQL
    // 12-15 us of CPU per row, 2,500-5,000-row writes 9.8-10.3 us, with the
    // same search p99 (12-17 ms).
    std::size_t batch_size = 5'000;
    std::chrono::milliseconds flush_interval{200};  // longest a row waits while PostgreSQL is up
    std::chrono::milliseconds backoff_initial{100};
    std::chrono::milliseconds backoff_max{5'000};
    int click_attempts = 5;                         // cycles a click waits for its search row
    std::size_t replay_files_per_cycle = 2;         // so fresh rows keep flowing during a replay
    log::Logger logger;                             // PostgreSQL lost/back, rows dropped
  };

  // `spool` may be null: then rows that do not fit in the queue are dropped
  // (and counted). `metrics` must outlive the writer.
  SearchLogWriter(Options options, std::unique_ptr<SearchLogStore> store, std::unique_ptr<SearchLogSpool> spool,
                  metrics::SearchLogMetrics& metrics);
  ~SearchLogWriter();  // shutdown(now) when still running
  SearchLogWriter(const SearchLogWriter&) = delete;
  SearchLogWriter& operator=(const SearchLogWriter&) = delete;

  void start();
  // False only when the row was dropped (counted in dropped_rows).
  bool enqueue(SearchLogRow row);
  // False when an id is not a canonical UUID or the click was dropped.
  bool record_click(SearchClick click);
  // Whether the last PostgreSQL attempt succeeded.
  bool store_reachable() const { return reachable_.load(std::memory_order_relaxed); }
  // Stops the thread: writes until `deadline`, spools the rest. Idempotent.
  void shutdown(std::chrono::steady_clock::time_point deadline);

 private:
  void run();
  void cycle();
  bool write_rows(std::vector<SearchLogRow>& rows);
  bool write_rows_one_by_one(std::vector<SearchLogRow>& rows);
  bool replay_spool(const std::vector<std::filesystem::path>& files);
  bool replay_file(const std::filesystem::path& file);
  bool apply_clicks(bool final_attempt);
  bool apply_click_batch(const std::vector<PendingClick>& batch, bool final_attempt,
                         std::vector<PendingClick>& waiting);
  void take_rows();
  void take_clicks();
  void on_failure(const Status& status);
  void on_success();
  void final_flush(std::chrono::steady_clock::time_point deadline);
  bool spool_or_drop_rows(const std::vector<SearchLogRow>& rows);
  bool spool_or_drop_clicks(const std::vector<PendingClick>& clicks);
  void update_spool_metrics();

  const Options options_;
  const log::Logger logger_;
  const std::unique_ptr<SearchLogStore> store_;
  const std::unique_ptr<SearchLogSpool> spool_;
  metrics::SearchLogMetrics& metrics_;

  std::mutex mu_;  // guards the queues and the lifecycle flags
  std::condition_variable cv_;
  std::deque<SearchLogRow> queue_;
  std::size_t queue_bytes_ = 0;
  std::deque<SearchClick> clicks_;
  bool stopping_ = false;
  bool stopped_ = false;  // final flush done or under way: new rows go straight to the spool
  std::chrono::steady_clock::time_point deadline_;
  std::thread thread_;
  std::atomic<bool> reachable_{true};
  std::atomic<bool> spool_error_logged_{false};
  std::atomic<bool> queue_full_logged_{false};

  // Owned by the writer thread.
  std::vector<SearchLogRow> inflight_;
  std::vector<PendingClick> pending_clicks_;
  std::set<std::filesystem::path> malformed_counted_;
  bool backing_off_ = false;
  std::chrono::milliseconds backoff_{0};
  std::chrono::steady_clock::time_point next_attempt_;
};

}  // namespace ayc::search_log
