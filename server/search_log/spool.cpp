#include "server/search_log/spool.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>

#include <simdjson.h>

#include "common/json_text.h"

namespace ayc::search_log {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kLinesPerFile = 10'000;
constexpr const char* kRowPrefix = "{\"t\":\"row\"";

std::string optional_json(const std::optional<std::string>& v) { return v ? text::json_quote(*v) : "null"; }

std::int64_t to_micros(std::chrono::system_clock::time_point tp) {
  return std::chrono::duration_cast<std::chrono::microseconds>(tp.time_since_epoch()).count();
}

bool is_spool_file(const fs::path& p) {
  const std::string name = p.filename().string();
  return name.rfind("search_logs-", 0) == 0 && p.extension() == ".spool";
}

std::size_t count_row_lines(const fs::path& file) {
  std::ifstream in(file);
  std::string line;
  std::size_t n = 0;
  while (std::getline(in, line))
    if (line.rfind(kRowPrefix, 0) == 0) ++n;
  return n;
}

bool read_text(simdjson::dom::object obj, const char* key, std::string& out) {
  std::string_view v;
  if (obj[key].get_string().get(v) != simdjson::SUCCESS) return false;
  out = std::string(v);
  return true;
}

bool read_optional_text(simdjson::dom::object obj, const char* key, std::optional<std::string>& out) {
  simdjson::dom::element e;
  if (obj[key].get(e) != simdjson::SUCCESS || e.is_null()) {
    out.reset();
    return true;
  }
  std::string_view v;
  if (e.get_string().get(v) != simdjson::SUCCESS) return false;
  out = std::string(v);
  return true;
}

bool decode_row(simdjson::dom::object obj, SearchLogRow& row) {
  std::int64_t count = 0;
  std::int64_t created_us = 0;
  const bool ok = read_text(obj, "id", row.id) && read_text(obj, "query", row.query) &&
                  obj["results_count"].get_int64().get(count) == simdjson::SUCCESS &&
                  obj["created_at_us"].get_int64().get(created_us) == simdjson::SUCCESS &&
                  read_optional_text(obj, "user_id", row.user_id) &&
                  read_optional_text(obj, "session_id", row.session_id) &&
                  read_optional_text(obj, "ip_address", row.ip_address) &&
                  read_optional_text(obj, "user_agent", row.user_agent);
  if (!ok) return false;
  // Values no row of ours has (a damaged or hand-edited file) make the line
  // malformed rather than wrap around: a count must fit the column, a time
  // the clock (about the years 1678 to 2262).
  constexpr std::int64_t kMaxMicros =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::duration::max()).count();
  if (count < 0 || count > INT32_MAX || created_us < -kMaxMicros || created_us > kMaxMicros) return false;
  row.results_count = static_cast<std::int32_t>(count);
  row.created_at = std::chrono::system_clock::time_point(std::chrono::microseconds(created_us));
  return true;
}

// Adds one line to `out`; false when the line is not a complete record.
bool decode_line(simdjson::dom::parser& parser, const std::string& line, SearchLogSpool::Contents& out) {
  simdjson::dom::object obj;
  std::string_view kind;
  if (parser.parse(line).get_object().get(obj) != simdjson::SUCCESS) return false;
  if (obj["t"].get_string().get(kind) != simdjson::SUCCESS) return false;
  if (kind == "row") {
    SearchLogRow row;
    if (!decode_row(obj, row)) return false;
    out.rows.push_back(std::move(row));
    return true;
  }
  if (kind == "click") {
    PendingClick p;
    if (!read_text(obj, "search_id", p.click.search_id) || !read_text(obj, "product_id", p.click.product_id)) {
      return false;
    }
    std::int64_t position = 0;  // absent when the page did not say, and in older files
    if (obj["position"].get_int64().get(position) == simdjson::SUCCESS) {
      if (position < 1 || position > kMaxClickPosition) return false;
      p.click.position = static_cast<int>(position);
    }
    std::int64_t attempts = 0;  // absent in files written before attempts were kept
    if (obj["attempts"].get_int64().get(attempts) == simdjson::SUCCESS) {
      if (attempts < 0 || attempts > INT32_MAX) return false;
      p.attempts = static_cast<int>(attempts);
    }
    out.clicks.push_back(std::move(p));
    return true;
  }
  return false;
}

}  // namespace

std::string encode_spool_row(const SearchLogRow& row) {
  return std::string(kRowPrefix) + ",\"id\":" + text::json_quote(row.id) + ",\"query\":" + text::json_quote(row.query) +
         ",\"results_count\":" + std::to_string(row.results_count) + ",\"user_id\":" + optional_json(row.user_id) +
         ",\"session_id\":" + optional_json(row.session_id) + ",\"ip_address\":" + optional_json(row.ip_address) +
         ",\"user_agent\":" + optional_json(row.user_agent) +
         ",\"created_at_us\":" + std::to_string(to_micros(row.created_at)) + "}";
}

std::string encode_spool_click(const PendingClick& p) {
  return "{\"t\":\"click\",\"search_id\":" + text::json_quote(p.click.search_id) +
         ",\"product_id\":" + text::json_quote(p.click.product_id) +
         (p.click.position ? ",\"position\":" + std::to_string(*p.click.position) : std::string()) +
         ",\"attempts\":" + std::to_string(p.attempts) + "}";
}

Result<std::unique_ptr<SearchLogSpool>> SearchLogSpool::open(const fs::path& dir, std::size_t max_bytes) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Status::InvalidArgument("cannot create spool directory " + dir.string() + ": " + ec.message());
  const fs::path lock_path = dir / ".lock";
  const int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return Status::InvalidArgument("cannot write to spool directory " + dir.string() + ": " + std::strerror(errno));
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return Status::FailedPrecondition("spool directory " + dir.string() + " is in use by another process");
  }
  std::unique_ptr<SearchLogSpool> spool(new SearchLogSpool(dir, fd, max_bytes));
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (!is_spool_file(entry.path())) continue;
    std::error_code size_ec;
    const auto bytes = fs::file_size(entry.path(), size_ec);
    FileInfo info{entry.path(), count_row_lines(entry.path()), size_ec ? 0 : static_cast<std::size_t>(bytes)};
    spool->pending_rows_ += info.rows;
    spool->pending_bytes_ += info.bytes;
    spool->files_.push_back(std::move(info));
  }
  return spool;
}

SearchLogSpool::SearchLogSpool(fs::path dir, int lock_fd, std::size_t max_bytes)
    : dir_(std::move(dir)), lock_fd_(lock_fd), max_bytes_(max_bytes) {}

SearchLogSpool::~SearchLogSpool() {
  {
    std::lock_guard lock(mu_);
    close_active();
  }
  ::close(lock_fd_);  // releases the flock
}

void SearchLogSpool::close_active() {
  if (active_fd_ < 0) return;
  if (dirty_) ::fdatasync(active_fd_);
  ::close(active_fd_);
  active_fd_ = -1;
  dirty_ = false;
  active_lines_ = 0;
}

Status SearchLogSpool::append_lines(const std::string& lines, std::size_t line_count, std::size_t row_count) {
  std::lock_guard lock(mu_);
  if (lines.size() > max_bytes_ - std::min(max_bytes_, pending_bytes_)) {
    return Status::Unavailable("spool directory " + dir_.string() + " is full (" +
                               std::to_string(pending_bytes_ / (1024 * 1024)) + " MB of at most " +
                               std::to_string(max_bytes_ / (1024 * 1024)) + " MB, --spool-max-mb)");
  }
  if (active_fd_ < 0 || active_lines_ >= kLinesPerFile) {
    close_active();
    const auto now = std::chrono::system_clock::now();
    char name[96];
    std::snprintf(name, sizeof(name), "search_logs-%020lld-%d-%u.spool", static_cast<long long>(to_micros(now)),
                  static_cast<int>(::getpid()), file_sequence_++);
    active_path_ = dir_ / name;
    active_fd_ = ::open(active_path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (active_fd_ < 0) return Status::Unavailable("cannot create spool file " + active_path_.string() + ": " + std::strerror(errno));
    files_.push_back({active_path_, 0, 0});
  }
  const char* p = lines.data();
  std::size_t left = lines.size();
  while (left > 0) {
    const ssize_t n = ::write(active_fd_, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      // A partial line may be on disk now; the reader skips it as malformed.
      const std::string reason = std::strerror(errno);
      close_active();
      return Status::Unavailable("cannot append to spool file " + active_path_.string() + ": " + reason);
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  dirty_ = true;
  active_lines_ += line_count;
  pending_rows_ += row_count;
  pending_bytes_ += lines.size();
  for (auto& f : files_) {
    if (f.path != active_path_) continue;
    f.rows += row_count;
    f.bytes += lines.size();
  }
  return Status::Ok();
}

Status SearchLogSpool::append_rows(const std::vector<SearchLogRow>& rows) {
  if (rows.empty()) return Status::Ok();
  std::string lines;
  for (const auto& row : rows) lines += encode_spool_row(row) + "\n";
  return append_lines(lines, rows.size(), rows.size());
}

Status SearchLogSpool::append_clicks(const std::vector<PendingClick>& clicks) {
  if (clicks.empty()) return Status::Ok();
  std::string lines;
  for (const auto& click : clicks) lines += encode_spool_click(click) + "\n";
  return append_lines(lines, clicks.size(), 0);
}

void SearchLogSpool::sync() {
  std::lock_guard lock(mu_);
  if (active_fd_ >= 0 && dirty_) {
    ::fdatasync(active_fd_);
    dirty_ = false;
  }
}

std::vector<fs::path> SearchLogSpool::seal_and_list() {
  std::lock_guard lock(mu_);
  close_active();
  std::vector<fs::path> files;
  for (const auto& f : files_) files.push_back(f.path);
  std::sort(files.begin(), files.end());
  return files;
}

std::size_t SearchLogSpool::pending_rows() const {
  std::lock_guard lock(mu_);
  return pending_rows_;
}

std::size_t SearchLogSpool::pending_bytes() const {
  std::lock_guard lock(mu_);
  return pending_bytes_;
}

void SearchLogSpool::remove(const fs::path& file) {
  std::lock_guard lock(mu_);
  if (file == active_path_) close_active();
  std::error_code ec;
  fs::remove(file, ec);
  auto it = std::find_if(files_.begin(), files_.end(), [&](const FileInfo& f) { return f.path == file; });
  if (it != files_.end()) {
    pending_rows_ -= it->rows;
    pending_bytes_ -= it->bytes;
    files_.erase(it);
  }
}

Result<SearchLogSpool::Contents> SearchLogSpool::read(const fs::path& file) {
  std::ifstream in(file);
  if (!in) return Status::Unavailable("cannot read spool file " + file.string());
  Contents out;
  simdjson::dom::parser parser;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    if (!decode_line(parser, line, out)) ++out.malformed_lines;
  }
  return out;
}

}  // namespace ayc::search_log
