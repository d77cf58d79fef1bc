// Local append-only spool for search_logs rows and clicks PostgreSQL could not
// take in time (queue full during an outage, or shutdown before they were
// written).
//
// Layout: `dir/search_logs-<unix-microseconds>-<pid>.spool`, one JSON object
// per line ({"t":"row",...} or {"t":"click",...}), a new file every 10,000
// lines; `dir/.lock` is flock()ed so two processes never share a spool. The
// writer seals the active file, replays sealed files oldest first and removes
// each once every row and click in it is in PostgreSQL or spooled again.
// Files left by an earlier run are replayed too. A torn last line (crash
// mid-write) is skipped and counted. The spool holds at most `max_bytes`
// (files left by an earlier run included); an append beyond it is refused.
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
    std::vector<PendingClick> clicks;
    std::size_t malformed_lines = 0;
  };
  static constexpr std::size_t kUnlimited = static_cast<std::size_t>(-1);

  // Creates `dir` if needed and locks it. FailedPrecondition when another
  // process holds it; InvalidArgument when it cannot be created or written.
  static Result<std::unique_ptr<SearchLogSpool>> open(const std::filesystem::path& dir,
                                                      std::size_t max_bytes = kUnlimited);
  ~SearchLogSpool();
  SearchLogSpool(const SearchLogSpool&) = delete;
  SearchLogSpool& operator=(const SearchLogSpool&) = delete;

  // Unavailable (nothing written) when the lines would take the spool past
  // its byte limit, or the file cannot be written.
  Status append_rows(const std::vector<SearchLogRow>& rows);
  Status append_clicks(const std::vector<PendingClick>& clicks);
  void sync();

  // Closes the file being appended to and lists every complete spool file,
  // oldest first.
  std::vector<std::filesystem::path> seal_and_list();
  // Rows in spool files not yet removed, and those files' bytes.
  std::size_t pending_rows() const;
  std::size_t pending_bytes() const;
  // Removes a replayed file.
  void remove(const std::filesystem::path& file);

  static Result<Contents> read(const std::filesystem::path& file);
  const std::filesystem::path& dir() const { return dir_; }

 private:
  struct FileInfo {
    std::filesystem::path path;
    std::size_t rows = 0;
    std::size_t bytes = 0;
  };
  SearchLogSpool(std::filesystem::path dir, int lock_fd, std::size_t max_bytes);
  Status append_lines(const std::string& lines, std::size_t line_count, std::size_t row_count);
  void close_active();  // mu_ held

  const std::filesystem::path dir_;
  const int lock_fd_;
  const std::size_t max_bytes_;
  mutable std::mutex mu_;
  int active_fd_ = -1;
  std::filesystem::path active_path_;
  std::size_t active_lines_ = 0;
  unsigned file_sequence_ = 0;  // tells apart files opened within one microsecond
  bool dirty_ = false;
  std::size_t pending_rows_ = 0;
  std::size_t pending_bytes_ = 0;
  std::vector<FileInfo> files_;
};

// One spool line (without the newline); exposed for tests.
std::string encode_spool_row(const SearchLogRow& row);
std::string encode_spool_click(const PendingClick& click);

}  // namespace ayc::search_log
