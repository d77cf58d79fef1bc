// Local append-only spool for search_logs rows and clicks PostgreSQL could not
// take in time (queue full during an outage, or shutdown before they were
// written).
//
// Layout: `dir/search_logs-<unix-microseconds>-<pid>.spool`, one JSON object
// per line ({"t":"row",...} or {"t":"click",...}), a new file every 10,000
// lines; `dir/.lock` is flock()ed so two processes never share a spool. The
// writer seals the active file, replays sealed files oldest first and removes
// each once every row in it is in PostgreSQL. Files left by an earlier run are
// replayed too. A torn last line (crash mid-write) is skipped and counted.
//
// Durability: lines reach the kernel at once; sync() (called by the writer
// about every flush interval) makes them survive a machine crash.
//
// Thread-safety: every method may be called from any thread.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "common/status.h"
#include "server/search_log/row.h"

namespace ayc::search_log {

class SearchLogSpool {
 public:
  struct Contents {
    std::vector<SearchLogRow> rows;
    std::vector<SearchClick> clicks;
    std::size_t malformed_lines = 0;
  };

  // Creates `dir` if needed and locks it. FailedPrecondition when another
  // process holds it; InvalidArgument when it cannot be created or written.
  static Result<std::unique_ptr<SearchLogSpool>> open(const std::filesystem::path& dir);
  ~SearchLogSpool();
  SearchLogSpool(const SearchLogSpool&) = delete;
  SearchLogSpool& operator=(const SearchLogSpool&) = delete;

  Status append_rows(const std::vector<SearchLogRow>& rows);
  Status append_clicks(const std::vector<SearchClick>& clicks);
  void sync();

  // Closes the file being appended to and lists every complete spool file,
  // oldest first.
  std::vector<std::filesystem::path> seal_and_list();
  // Rows in spool files not yet removed.
  std::size_t pending_rows() const;
  // Removes a replayed file.
  void remove(const std::filesystem::path& file);

  static Result<Contents> read(const std::filesystem::path& file);
  const std::filesystem::path& dir() const { return dir_; }

 private:
  SearchLogSpool(std::filesystem::path dir, int lock_fd);
  Status append_lines(const std::string& lines, std::size_t line_count, std::size_t row_count);
  void close_active();  // mu_ held

  const std::filesystem::path dir_;
  const int lock_fd_;
  mutable std::mutex mu_;
  int active_fd_ = -1;
  std::filesystem::path active_path_;
  std::size_t active_lines_ = 0;
  unsigned file_sequence_ = 0;  // tells apart files opened within one microsecond
  bool dirty_ = false;
  std::size_t pending_rows_ = 0;
  std::vector<std::pair<std::filesystem::path, std::size_t>> rows_per_file_;
};

// One spool line (without the newline); exposed for tests.
std::string encode_spool_row(const SearchLogRow& row);
std::string encode_spool_click(const SearchClick& click);

}  // namespace ayc::search_log
