#include "server/search/snapshot_holder.h"

#include <cstdio>
#include <utility>

#include "index/generations.h"

namespace ayc::search {

SnapshotHolder::SnapshotHolder(std::filesystem::path index_dir, OnSwap on_swap, SnapshotOptions options,
                               log::Logger logger)
    : index_dir_(std::move(index_dir)), on_swap_(std::move(on_swap)), options_(options), logger_(std::move(logger)) {}

SnapshotHolder::~SnapshotHolder() { stop_watching(); }

std::shared_ptr<const IndexSnapshot> SnapshotHolder::current() const {
  std::lock_guard<std::mutex> lock(mu_);
  return current_;
}

Status SnapshotHolder::reload() {
  std::lock_guard<std::mutex> one_at_a_time(reload_mu_);
  index::Generations gens(index_dir_);
  AYC_ASSIGN_OR_RETURN(auto name, gens.current());
  if (!name.has_value()) {
    return Status::FailedPrecondition("no index generation in " + index_dir_.string() +
                                      " yet: run ayurvedacart-indexer");
  }
  auto serving = current();
  if (serving && serving->generation() == *name) return Status::Ok();
  auto loaded = IndexSnapshot::load(gens.path_of(*name), options_, serving.get());
  if (!loaded.ok()) return loaded.status().with_context("loading generation " + *name);
  std::shared_ptr<const IndexSnapshot> fresh = std::move(loaded).value();
  // Warmed before it serves, so a switch brings no burst of cold searches.
  // A generation replacing one that serves is warmed for kSwitchWarmSeconds
  // at most, then serves and is warmed on: an incremental run's changes are
  // searchable within about two seconds of its end even at a million
  // products, where the whole warm-up takes seconds.
  const bool replacing = serving != nullptr;
  auto warmed = warm(*fresh, options_.warm_words, replacing ? kSwitchWarmSeconds : 0);
  if (!warmed.ok()) return warmed.status().with_context("warming generation " + *name);
  {
    std::lock_guard<std::mutex> lock(mu_);
    current_ = fresh;
  }
  reloads_.fetch_add(1);
  if (on_swap_) on_swap_(*fresh, *warmed);
  if (warmed->out_of_time) {
    // It serves already: a failure here costs warmth, not the switch.
    auto rest = warm(*fresh, options_.warm_words, 0, warmed->searches);
    if (!rest.ok()) {
      logger_.warning("generation " + *name + " serves, but warming it on failed: " + rest.status().message());
    } else {
      char note[128];
      std::snprintf(note, sizeof note, " warmed on while serving by %zu one-word searches in %.1f s", rest->searches,
                    rest->seconds);
      logger_.info("generation " + *name + note);
    }
  }
  return Status::Ok();
}

void SnapshotHolder::start_watching(std::chrono::milliseconds interval) {
  watcher_ = std::thread([this, interval] {
    std::string last_error;
    std::unique_lock<std::mutex> lock(watch_mu_);
    while (!stopping_) {
      lock.unlock();
      Status s = reload();
      if (!s.ok() && s.message() != last_error) {
        logger_.warning("not (re)loaded: " + s.message());
      }
      last_error = s.ok() ? "" : s.message();
      lock.lock();
      watch_cv_.wait_for(lock, interval, [this] { return stopping_; });
    }
  });
}

void SnapshotHolder::stop_watching() {
  {
    std::lock_guard<std::mutex> lock(watch_mu_);
    stopping_ = true;
  }
  watch_cv_.notify_all();
  if (watcher_.joinable()) watcher_.join();
}

}  // namespace ayc::search
