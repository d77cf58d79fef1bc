#include "server/http/access_log.h"

#include <cerrno>
#include <cstring>
#include <ctime>

namespace ayc::http {

namespace {

std::string escaped(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (unsigned char c : in) {
    if (c < 0x20 || c == 0x7F || c == '"' || c == '\\') {
      char buf[5];
      std::snprintf(buf, sizeof(buf), "\\x%02x", c);
      out += buf;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

std::string iso_time(std::chrono::system_clock::time_point tp) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(tp.time_since_epoch()).count();
  const std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms % 1000));
  return buf;
}

}  // namespace

Result<std::unique_ptr<AccessLog>> AccessLog::open(const std::string& path, metrics::Counter& dropped, std::size_t capacity) {
  if (path == "-") return std::unique_ptr<AccessLog>(new AccessLog(stdout, false, dropped, capacity));
  std::FILE* f = std::fopen(path.c_str(), "ae");
  if (f == nullptr) return Status::InvalidArgument("cannot open access log " + path + ": " + std::strerror(errno));
  return std::unique_ptr<AccessLog>(new AccessLog(f, true, dropped, capacity));
}

AccessLog::AccessLog(std::FILE* file, bool owns_file, metrics::Counter& dropped, std::size_t capacity)
    : file_(file), owns_file_(owns_file), dropped_(dropped), capacity_(capacity) {
  thread_ = std::thread([this] { run(); });
}

AccessLog::~AccessLog() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_one();
  thread_.join();
  if (owns_file_) std::fclose(file_);
}

void AccessLog::record(Entry entry) {
  std::lock_guard lock(mu_);
  if (buffer_.size() >= capacity_) {
    dropped_.inc();
    return;
  }
  buffer_.push_back(std::move(entry));
}

std::string AccessLog::format(const Entry& e) {
  char seconds[32];
  std::snprintf(seconds, sizeof(seconds), "%.6f", std::chrono::duration<double>(e.duration).count());
  return iso_time(e.time) + " " + (e.remote_ip.empty() ? "-" : e.remote_ip) + " \"" + escaped(e.method) + " " +
         escaped(e.target) + "\" " + std::to_string(e.status) + " " + std::to_string(e.body_bytes) + " " +
         seconds + " \"" + escaped(e.user_agent) + "\"\n";
}

void AccessLog::run() {
  std::vector<Entry> batch;
  while (true) {
    bool stop;
    {
      std::unique_lock lock(mu_);
      cv_.wait_for(lock, std::chrono::milliseconds(100), [&] { return stopping_; });
      batch.swap(buffer_);
      stop = stopping_;
    }
    std::string out;
    for (const auto& e : batch) out += format(e);
    batch.clear();
    if (!out.empty()) {
      std::fwrite(out.data(), 1, out.size(), file_);
      std::fflush(file_);
    }
    if (stop) return;
  }
}

}  // namespace ayc::http
