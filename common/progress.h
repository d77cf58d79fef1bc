// Progress reporting for long jobs (datagen, indexer, recommendation stage).
//
// On a terminal, a single line is redrawn at most every 200 ms with count,
// rate and ETA; otherwise one plain line is written every 10 s so scheduler
// logs stay readable. finish() writes nothing: callers print their own summary
// line with summary_rate().
//
// Thread-safety: add() may be called from any thread; the rest from one.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <ostream>
#include <string>

namespace ayc {

class Progress {
 public:
  // total == 0 means unknown (no ETA). `out` must outlive the object.
  Progress(std::string label, std::uint64_t total, std::ostream& out, bool interactive);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void add(std::uint64_t n);
  void set_total(std::uint64_t total) { total_.store(total); }
  void finish();

  std::uint64_t count() const { return count_.load(); }
  double elapsed_seconds() const;

 private:
  void draw(bool final_line);

  std::string label_;
  std::atomic<std::uint64_t> total_;
  std::atomic<std::uint64_t> count_{0};
  std::ostream& out_;
  bool interactive_;
  bool finished_ = false;
  std::chrono::steady_clock::time_point start_;
  std::atomic<std::int64_t> next_draw_ns_{0};
  std::mutex draw_mu_;
};

// True when stderr is a terminal.
bool stderr_is_terminal();

// "12.3k" / "1.20M" style rendering for summaries.
std::string human_count(double n);
// "512 MiB" style rendering.
std::string human_bytes(std::uint64_t bytes);

// Peak resident set size of this process in bytes (VmHWM), 0 if unknown.
std::uint64_t peak_rss_bytes();
// Resident set size of this process now, in bytes (VmRSS), 0 if unknown.
std::uint64_t resident_bytes();

}  // namespace ayc
