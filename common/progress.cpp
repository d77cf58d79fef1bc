#include "common/progress.h"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

namespace ayc {

namespace {
using Clock = std::chrono::steady_clock;

std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count();
}

std::string format_seconds(double s) {
  char buf[32];
  if (s < 60) {
    std::snprintf(buf, sizeof buf, "%.0fs", s);
  } else if (s < 3600) {
    std::snprintf(buf, sizeof buf, "%dm%02ds", int(s) / 60, int(s) % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%dh%02dm", int(s) / 3600, (int(s) % 3600) / 60);
  }
  return buf;
}
}  // namespace

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

std::string human_count(double n) {
  char buf[32];
  if (n >= 1e6) {
    std::snprintf(buf, sizeof buf, "%.2fM", n / 1e6);
  } else if (n >= 1e4) {
    std::snprintf(buf, sizeof buf, "%.1fk", n / 1e3);
  } else {
    std::snprintf(buf, sizeof buf, "%.0f", n);
  }
  return buf;
}

std::string human_bytes(std::uint64_t bytes) {
  char buf[32];
  double b = static_cast<double>(bytes);
  if (b >= 1024.0 * 1024 * 1024) {
    std::snprintf(buf, sizeof buf, "%.2f GiB", b / (1024.0 * 1024 * 1024));
  } else if (b >= 1024.0 * 1024) {
    std::snprintf(buf, sizeof buf, "%.1f MiB", b / (1024.0 * 1024));
  } else {
    std::snprintf(buf, sizeof buf, "%.0f KiB", b / 1024.0);
  }
  return buf;
}

namespace {
// A "Name:   123 kB" line of /proc/self/status, in bytes.
std::uint64_t status_kib_field(const std::string& name) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(name, 0) == 0) {
      std::istringstream in(line.substr(name.size()));
      std::uint64_t kb = 0;
      in >> kb;
      return kb * 1024;
    }
  }
  return 0;
}
}  // namespace

std::uint64_t peak_rss_bytes() { return status_kib_field("VmHWM:"); }

std::uint64_t resident_bytes() { return status_kib_field("VmRSS:"); }

Progress::Progress(std::string label, std::uint64_t total, std::ostream& out, bool interactive)
    : label_(std::move(label)), total_(total), out_(out), interactive_(interactive),
      start_(Clock::now()) {}

Progress::~Progress() { finish(); }

double Progress::elapsed_seconds() const {
  return std::chrono::duration<double>(Clock::now() - start_).count();
}

void Progress::add(std::uint64_t n) {
  count_.fetch_add(n, std::memory_order_relaxed);
  std::int64_t now = now_ns();
  std::int64_t next = next_draw_ns_.load(std::memory_order_relaxed);
  if (now < next) return;
  std::int64_t interval = interactive_ ? 200'000'000 : 10'000'000'000;
  if (next == 0) {  // first call: start the clock for the non-interactive interval
    next_draw_ns_.compare_exchange_strong(next, now + interval);
    return;
  }
  if (next_draw_ns_.compare_exchange_strong(next, now + interval)) draw(false);
}

void Progress::draw(bool final_line) {
  std::lock_guard<std::mutex> lock(draw_mu_);
  double secs = elapsed_seconds();
  double done = static_cast<double>(count_.load());
  double rate = secs > 0 ? done / secs : 0;
  std::uint64_t total = total_.load();
  std::ostringstream line;
  line << label_ << ": " << human_count(done);
  if (total > 0) {
    line << "/" << human_count(static_cast<double>(total)) << " ("
         << static_cast<int>(100.0 * done / static_cast<double>(total)) << "%)";
  }
  line << ", " << human_count(rate) << "/s, " << format_seconds(secs);
  if (total > 0 && rate > 0 && done < static_cast<double>(total)) {
    line << ", ETA " << format_seconds((static_cast<double>(total) - done) / rate);
  }
  if (interactive_) {
    out_ << "\r\033[K" << line.str() << (final_line ? "\n" : "") << std::flush;
  } else {
    out_ << line.str() << "\n" << std::flush;
  }
}

void Progress::finish() {
  if (finished_) return;
  finished_ = true;
  if (interactive_ && next_draw_ns_.load() != 0) draw(true);
}

}  // namespace ayc
