// Optional access log, one line per request, written by a background thread.
//
// record() copies the entry into a bounded in-memory buffer under a short
// lock; a thread formats and writes lines about every 100 ms, so the request
// path never touches the file. When the buffer is full the entry is dropped
// and counted (Metrics::access_log_dropped). Text lines:
//   2024-05-01T10:00:00.123Z 127.0.0.1 "GET /search?q=tulsi" 200 512 0.000734 "curl/8.0" 0190a1b2-...
// (time, client, request, status, body bytes, seconds, user agent, request
// id; quotes, backslashes, control bytes and invalid UTF-8 escaped as \xHH),
// or JSON lines with the same fields by name (invalid UTF-8 replaced).
//
// Thread-safety: record() from any thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/log.h"
#include "common/status.h"
#include "server/metrics/metrics.h"

namespace ayc::http {

class AccessLog {
 public:
  struct Entry {
    std::chrono::system_clock::time_point time;
    std::string remote_ip;
    std::string method;
    std::string target;
    int status = 0;
    std::size_t body_bytes = 0;
    std::chrono::nanoseconds duration{0};
    std::string user_agent;
    std::string request_id;
  };

  // Appends to `path` ("-" means stdout).
  static Result<std::unique_ptr<AccessLog>> open(const std::string& path, metrics::Counter& dropped,
                                                 log::Format format = log::Format::kText,
                                                 std::size_t capacity = 65'536);
  ~AccessLog();  // writes what is buffered
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  void record(Entry entry);

  // One line, with its newline.
  static std::string format(const Entry& entry, log::Format format = log::Format::kText);

 private:
  AccessLog(std::FILE* file, bool owns_file, metrics::Counter& dropped, log::Format format, std::size_t capacity);
  void run();

  std::FILE* const file_;
  const bool owns_file_;
  metrics::Counter& dropped_;
  const log::Format format_;
  const std::size_t capacity_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<Entry> buffer_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace ayc::http
