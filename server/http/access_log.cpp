#include "server/http/access_log.h"

#include <cerrno>
#include <cstring>
#include <ctime>

#include "common/json_text.h"

namespace ayc::http {


Result<std::unique_ptr<AccessLog>> AccessLog::open(const std::string& path, metrics::Counter& dropped,
                                                   log::Format format, std::size_t capacity) {
  if (path == "-") return std::unique_ptr<AccessLog>(new AccessLog(stdout, false, dropped, format, capacity));
  std::FILE* f = std::fopen(path.c_str(), "ae");
  if (f == nullptr) return Status::InvalidArgument("cannot open access log " + path + ": " + std::strerror(errno));
  return std::unique_ptr<AccessLog>(new AccessLog(f, true, dropped, format, capacity));
}

AccessLog::AccessLog(std::FILE* file, bool owns_file, metrics::Counter& dropped, log::Format format,
                     std::size_t capacity)
    : file_(file), owns_file_(owns_file), dropped_(dropped), format_(format), capacity_(capacity) {
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

std::string AccessLog::format(const Entry& e, log::Format format) {
  char seconds[32];
  std::snprintf(seconds, sizeof(seconds), "%.6f", std::chrono::duration<double>(e.duration).count());
  if (format == log::Format::kJson) {
    std::string line = "{\"time\":\"" + log::iso_time(e.time) + "\",\"client\":";
    text::append_json_quoted(line, e.remote_ip);
    line += ",\"method\":";
    text::append_json_quoted(line, e.method);
    line += ",\"target\":";
    text::append_json_quoted(line, e.target);
    line += ",\"status\":" + std::to_string(e.status) + ",\"bytes\":" + std::to_string(e.body_bytes) +
            ",\"seconds\":" + seconds + ",\"user_agent\":";
    text::append_json_quoted(line, e.user_agent);
    line += ",\"request_id\":";
    text::append_json_quoted(line, e.request_id);
    return line + "}\n";
  }
  const auto escaped = [](std::string_view s) { return log::escape_text(s, true); };
  return log::iso_time(e.time) + " " + (e.remote_ip.empty() ? "-" : e.remote_ip) + " \"" + escaped(e.method) + " " +
         escaped(e.target) + "\" " + std::to_string(e.status) + " " + std::to_string(e.body_bytes) + " " +
         seconds + " \"" + escaped(e.user_agent) + "\" " + (e.request_id.empty() ? "-" : escaped(e.request_id)) + "\n";
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
    for (const auto& e : batch) out += format(e, format_);
    batch.clear();
    if (!out.empty()) {
      std::fwrite(out.data(), 1, out.size(), file_);
      std::fflush(file_);
    }
    if (stop) return;
  }
}

}  // namespace ayc::http
