#include "server/search_log/writer.h"

#include <algorithm>

#include "common/uuid.h"

namespace ayc::search_log {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

SearchLogWriter::SearchLogWriter(Options options, std::unique_ptr<SearchLogStore> store,
                                 std::unique_ptr<SearchLogSpool> spool, metrics::SearchLogMetrics& metrics)
    : options_(options),
      logger_(options.logger.with_component("search log")),
      store_(std::move(store)),
      spool_(std::move(spool)),
      metrics_(metrics) {
  update_spool_metrics();
}

void SearchLogWriter::update_spool_metrics() {
  if (!spool_) return;
  metrics_.spool_pending_rows.set(static_cast<std::int64_t>(spool_->pending_rows()));
  metrics_.spool_bytes.set(static_cast<std::int64_t>(spool_->pending_bytes()));
}

SearchLogWriter::~SearchLogWriter() { shutdown(Clock::now()); }

void SearchLogWriter::start() {
  std::lock_guard lock(mu_);
  if (thread_.joinable() || stopping_) return;
  thread_ = std::thread([this] { run(); });
}

bool SearchLogWriter::enqueue(SearchLogRow row) {
  metrics_.enqueued_rows.inc();
  const std::size_t bytes = row_bytes(row);
  {
    std::lock_guard lock(mu_);
    if (!stopped_ && queue_.size() < options_.queue_capacity && queue_bytes_ + bytes <= options_.queue_max_bytes) {
      queue_.push_back(std::move(row));
      queue_bytes_ += bytes;
      metrics_.queue_depth.set(static_cast<std::int64_t>(queue_.size()));
      metrics_.queue_bytes.set(static_cast<std::int64_t>(queue_bytes_));
      if (queue_.size() == options_.batch_size) cv_.notify_one();
      return true;
    }
  }
  // The queue is full (PostgreSQL is down or far behind) or the writer has stopped.
  std::vector<SearchLogRow> one;
  one.push_back(std::move(row));
  return spool_or_drop_rows(one);
}

bool SearchLogWriter::record_click(SearchClick click) {
  metrics_.clicks_received.inc();
  if (!is_uuid(click.search_id) || !is_uuid(click.product_id)) {
    metrics_.clicks_dropped.inc();
    return false;
  }
  {
    std::lock_guard lock(mu_);
    if (!stopped_ && clicks_.size() < options_.queue_capacity) {
      clicks_.push_back(std::move(click));
      return true;
    }
  }
  return spool_or_drop_clicks({PendingClick{std::move(click), 0}});
}

void SearchLogWriter::shutdown(Clock::time_point deadline) {
  std::unique_lock lock(mu_);
  if (stopped_ && !thread_.joinable()) return;
  stopping_ = true;
  deadline_ = deadline;
  cv_.notify_one();
  if (thread_.joinable()) {
    lock.unlock();
    thread_.join();
  } else {
    lock.unlock();
    final_flush(deadline);  // never started: flush on the caller's thread
  }
}

void SearchLogWriter::run() {
  Status probe = store_->ping();
  if (probe.ok()) on_success(); else on_failure(probe);
  while (true) {
    {
      std::unique_lock lock(mu_);
      if (backing_off_) {
        cv_.wait_until(lock, next_attempt_, [&] { return stopping_; });
      } else {
        cv_.wait_for(lock, options_.flush_interval,
                     [&] { return stopping_ || queue_.size() >= options_.batch_size; });
      }
      if (stopping_) break;
    }
    cycle();
    if (spool_) spool_->sync();
  }
  final_flush(deadline_);
}

void SearchLogWriter::take_rows() {
  std::lock_guard lock(mu_);
  const std::size_t n = std::min(options_.batch_size, queue_.size());
  inflight_.reserve(inflight_.size() + n);
  for (std::size_t i = 0; i < n; ++i) {
    queue_bytes_ -= row_bytes(queue_.front());
    inflight_.push_back(std::move(queue_.front()));
    queue_.pop_front();
  }
  metrics_.queue_depth.set(static_cast<std::int64_t>(queue_.size()));
  metrics_.queue_bytes.set(static_cast<std::int64_t>(queue_bytes_));
}

// Clicks waiting for their search row are bounded too: while they are at
// the limit new clicks stay in clicks_ (and, once that is full, spool).
void SearchLogWriter::take_clicks() {
  std::lock_guard lock(mu_);
  while (!clicks_.empty() && pending_clicks_.size() < options_.queue_capacity) {
    pending_clicks_.push_back({std::move(clicks_.front()), 0});
    clicks_.pop_front();
  }
}

void SearchLogWriter::cycle() {
  std::size_t rounds;
  {
    std::lock_guard lock(mu_);
    rounds = queue_.size() / options_.batch_size + 1;  // what is queued now; later rows wait a cycle
  }
  bool attempted = false;
  for (std::size_t i = 0; i < rounds; ++i) {
    if (inflight_.empty()) take_rows();
    if (inflight_.empty()) break;
    attempted = true;
    if (!write_rows(inflight_)) return;
  }
  if (spool_) {
    const std::vector<fs::path> files = spool_->seal_and_list();
    if (!files.empty()) attempted = true;
    if (!replay_spool(files)) return;
  }
  take_clicks();
  if (!pending_clicks_.empty()) {
    attempted = true;
    if (!apply_clicks(false)) return;
  }
  if (!attempted && !reachable_.load()) {
    Status probe = store_->ping();
    if (probe.ok()) on_success(); else on_failure(probe);
  }
}

bool SearchLogWriter::write_rows(std::vector<SearchLogRow>& rows) {
  Status s = store_->insert_rows(rows);
  if (s.ok()) {
    metrics_.written_rows.inc(rows.size());
    rows.clear();
    on_success();
    return true;
  }
  if (s.code() == StatusCode::kInvalidArgument) return write_rows_one_by_one(rows);
  on_failure(s);
  return false;
}

// A batch PostgreSQL rejected: find the offending rows, keep the rest.
bool SearchLogWriter::write_rows_one_by_one(std::vector<SearchLogRow>& rows) {
  std::size_t done = 0;
  for (; done < rows.size(); ++done) {
    Status s = store_->insert_rows({rows[done]});
    if (s.ok()) {
      metrics_.written_rows.inc();
    } else if (s.code() == StatusCode::kInvalidArgument) {
      metrics_.dropped_rows.inc();
      logger_.warning("dropped row " + rows[done].id + ": " + s.message());
    } else {
      rows.erase(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(done));
      on_failure(s);
      return false;
    }
  }
  rows.clear();
  on_success();
  return true;
}

bool SearchLogWriter::replay_spool(const std::vector<fs::path>& files) {
  const std::size_t n = std::min(files.size(), options_.replay_files_per_cycle);
  for (std::size_t i = 0; i < n; ++i) {
    if (!replay_file(files[i])) return false;
  }
  update_spool_metrics();
  return true;
}

bool SearchLogWriter::replay_file(const fs::path& file) {
  auto contents = SearchLogSpool::read(file);
  if (!contents.ok()) {
    on_failure(contents.status());
    return false;
  }
  if (contents->malformed_lines > 0 && malformed_counted_.insert(file).second) {
    metrics_.dropped_rows.inc(contents->malformed_lines);
    logger_.warning(std::to_string(contents->malformed_lines) + " unreadable line(s) in " + file.string());
  }
  std::vector<SearchLogRow>& rows = contents->rows;
  const std::uint64_t written_before = metrics_.written_rows.value();
  for (std::size_t start = 0; start < rows.size(); start += options_.batch_size) {
    const auto first = rows.begin() + static_cast<std::ptrdiff_t>(start);
    const auto last = rows.begin() + static_cast<std::ptrdiff_t>(std::min(rows.size(), start + options_.batch_size));
    std::vector<SearchLogRow> chunk(std::make_move_iterator(first), std::make_move_iterator(last));
    if (!write_rows(chunk)) return false;  // the file stays; rows already in are skipped next time
  }
  metrics_.replayed_rows.inc(metrics_.written_rows.value() - written_before);
  // The file's clicks are applied, or spooled again (durably) for those whose
  // search row has not arrived, before the file goes: a crash in between
  // applies a click twice, which changes nothing, but loses none.
  if (!contents->clicks.empty()) {
    std::vector<PendingClick> waiting;
    if (!apply_click_batch(contents->clicks, false, waiting)) return false;
    if (!waiting.empty()) {
      spool_or_drop_clicks(waiting);
      spool_->sync();
    }
  }
  spool_->remove(file);
  malformed_counted_.erase(file);
  update_spool_metrics();
  return true;
}

// Applies pending clicks; keeps those whose search row may still arrive.
bool SearchLogWriter::apply_clicks(bool final_attempt) {
  std::vector<PendingClick> keep;
  if (!apply_click_batch(pending_clicks_, final_attempt, keep)) return false;
  pending_clicks_.clear();
  if (final_attempt) {
    spool_or_drop_clicks(keep);
  } else {
    pending_clicks_ = std::move(keep);
  }
  return true;
}

// Applies `batch`; `waiting` gets the clicks whose search row may still
// arrive (with one more attempt counted, unless `final_attempt` or spooled
// rows are outstanding). False, with nothing applied, when PostgreSQL failed.
bool SearchLogWriter::apply_click_batch(const std::vector<PendingClick>& batch, bool final_attempt,
                                        std::vector<PendingClick>& waiting) {
  std::vector<SearchClick> clicks;
  clicks.reserve(batch.size());
  for (const auto& p : batch) clicks.push_back(p.click);
  auto outcomes = store_->apply_clicks(clicks);
  if (!outcomes.ok() && outcomes.status().code() != StatusCode::kInvalidArgument) {
    on_failure(outcomes.status());
    return false;
  }
  on_success();
  if (!outcomes.ok()) {  // PostgreSQL rejected the batch itself: nothing to retry
    metrics_.clicks_dropped.inc(batch.size());
    return true;
  }
  // While spooled rows wait for replay, a missing search row is expected: do not count the attempt.
  const bool rows_outstanding = spool_ && spool_->pending_rows() > 0;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    PendingClick p = batch[i];
    switch ((*outcomes)[i]) {
      case ClickOutcome::kApplied: metrics_.clicks_applied.inc(); break;
      case ClickOutcome::kNoSuchProduct: metrics_.clicks_dropped.inc(); break;
      case ClickOutcome::kNoSuchSearch:
        if (final_attempt || rows_outstanding || ++p.attempts < options_.click_attempts) waiting.push_back(std::move(p));
        else metrics_.clicks_dropped.inc();
        break;
    }
  }
  return true;
}

void SearchLogWriter::on_failure(const Status& status) {
  metrics_.write_failures.inc();
  if (reachable_.exchange(false)) {
    logger_.warning("PostgreSQL unavailable (" + status.message() + "); searches go on, rows wait in memory" +
             (spool_ ? " and spool to " + spool_->dir().string() + " when the queue is full" : ""));
  }
  backoff_ = backoff_.count() == 0 ? options_.backoff_initial : std::min(backoff_ * 2, options_.backoff_max);
  backing_off_ = true;
  next_attempt_ = Clock::now() + backoff_;
}

void SearchLogWriter::on_success() {
  if (!reachable_.exchange(true)) logger_.info("PostgreSQL reachable again");
  backing_off_ = false;
  backoff_ = std::chrono::milliseconds(0);
}

void SearchLogWriter::final_flush(Clock::time_point deadline) {
  std::vector<SearchLogRow> rows = std::move(inflight_);
  inflight_.clear();
  {
    std::lock_guard lock(mu_);
    stopped_ = true;
    for (auto& row : queue_) rows.push_back(std::move(row));
    queue_.clear();
    queue_bytes_ = 0;
    for (auto& click : clicks_) pending_clicks_.push_back({std::move(click), 0});
    clicks_.clear();
    metrics_.queue_depth.set(0);
    metrics_.queue_bytes.set(0);
  }
  bool up = true;
  std::vector<SearchLogRow> unwritten;
  for (std::size_t start = 0; start < rows.size(); start += options_.batch_size) {
    const auto first = rows.begin() + static_cast<std::ptrdiff_t>(start);
    const auto last = rows.begin() + static_cast<std::ptrdiff_t>(std::min(rows.size(), start + options_.batch_size));
    std::vector<SearchLogRow> chunk(std::make_move_iterator(first), std::make_move_iterator(last));
    if (up && Clock::now() < deadline) up = write_rows(chunk);  // leaves only the unwritten rows in `chunk`
    for (auto& row : chunk) unwritten.push_back(std::move(row));
  }
  spool_or_drop_rows(unwritten);
  if (!pending_clicks_.empty()) {
    if (!(up && Clock::now() < deadline && apply_clicks(true))) spool_or_drop_clicks(pending_clicks_);
    pending_clicks_.clear();
  }
  if (spool_) spool_->sync();
}

bool SearchLogWriter::spool_or_drop_rows(const std::vector<SearchLogRow>& rows) {
  if (rows.empty()) return true;
  Status s = spool_ ? spool_->append_rows(rows) : Status::FailedPrecondition("no spool directory");
  if (s.ok()) {
    metrics_.spooled_rows.inc(rows.size());
    update_spool_metrics();
    return true;
  }
  metrics_.dropped_rows.inc(rows.size());
  if (!spool_error_logged_.exchange(true)) logger_.warning("dropping rows, cannot spool: " + s.message());
  return false;
}

bool SearchLogWriter::spool_or_drop_clicks(const std::vector<PendingClick>& clicks) {
  if (clicks.empty()) return true;
  Status s = spool_ ? spool_->append_clicks(clicks) : Status::FailedPrecondition("no spool directory");
  if (s.ok()) return true;
  metrics_.clicks_dropped.inc(clicks.size());
  if (!spool_error_logged_.exchange(true)) logger_.warning("dropping clicks, cannot spool: " + s.message());
  return false;
}

}  // namespace ayc::search_log
