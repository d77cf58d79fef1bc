// The generation being served, and the switch to a newer one.
//
// A watcher thread re-reads INDEX_DIR/CURRENT every interval (and reload()
// can be called on SIGHUP); when it names a new generation, that generation is
// loaded completely and warmed (SnapshotOptions::warm_words, warmer.h) first
// and then swapped in. The first generation is warmed whole before it
// serves; a later one for kSwitchWarmSeconds at most, then the rest of its
// warm-up runs on the watcher thread while it serves. Requests hold a shared_ptr to
// the snapshot they started with, so a switch never fails a request, and the
// old snapshot is freed when its last request finishes.
//
// Thread-safety: all methods may be called concurrently.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "common/log.h"
#include "common/status.h"
#include "server/search/index_snapshot.h"
#include "server/search/warmer.h"

namespace ayc::search {

class SnapshotHolder {
 public:
  // `on_swap` (may be empty) is called after each switch to a new generation.
  // The watcher reports generations it cannot load to `logger`.
  using OnSwap = std::function<void(const IndexSnapshot&, const WarmStats&)>;
  // The warm-up a generation replacing a served one gets before it serves.
  static constexpr double kSwitchWarmSeconds = 0.3;
  explicit SnapshotHolder(std::filesystem::path index_dir, OnSwap on_swap = {}, SnapshotOptions options = {},
                          log::Logger logger = {});
  ~SnapshotHolder();

  // Null until a generation has been loaded.
  std::shared_ptr<const IndexSnapshot> current() const;
  // Loads the generation CURRENT names if it is not the one being served.
  Status reload();
  void start_watching(std::chrono::milliseconds interval);
  void stop_watching();
  // Successful switches so far (for metrics).
  std::uint64_t reloads() const { return reloads_.load(); }

 private:
  std::filesystem::path index_dir_;
  OnSwap on_swap_;
  SnapshotOptions options_;
  log::Logger logger_;
  mutable std::mutex mu_;
  std::shared_ptr<const IndexSnapshot> current_;
  std::mutex reload_mu_;  // one load at a time
  std::atomic<std::uint64_t> reloads_{0};
  std::thread watcher_;
  std::mutex watch_mu_;
  std::condition_variable watch_cv_;
  bool stopping_ = false;
};

}  // namespace ayc::search
