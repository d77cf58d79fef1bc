#include "common/log.h"

#include <unistd.h>

#include <utility>

namespace ayc::log {

std::string_view level_name(Level level) {
  switch (level) {
    case Level::kDebug: return "debug";
    case Level::kInfo: return "info";
    case Level::kWarning: return "warning";
    case Level::kError: return "error";
  }
  return "info";
}

namespace {

// `text` on one line: runs of newlines, carriage returns and tabs become one space.
void append_folded(std::string& line, std::string_view text) {
  bool space = false;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !line.empty() && line.back() != ' ') line.push_back(' ');
    space = false;
    line.push_back(c);
  }
}

void write_all(int fd, const std::string& text) {
  const char* p = text.data();
  std::size_t left = text.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n <= 0) return;  // nowhere to report a failing stderr
    p += n;
    left -= static_cast<std::size_t>(n);
  }
}

}  // namespace

std::string format_text(std::string_view program, const Record& record) {
  std::string line(program);
  line += ": ";
  if (record.level == Level::kWarning || record.level == Level::kError) {
    line += level_name(record.level);
    line += ": ";
  }
  if (!record.component.empty()) {
    line += record.component;
    line += ": ";
  }
  append_folded(line, record.message);
  return line;
}

Sink stderr_sink(std::string program) {
  return [program = std::move(program)](const Record& record) {
    write_all(STDERR_FILENO, format_text(program, record) + "\n");
  };
}

Logger::Logger() : Logger(stderr_sink("ayurvedacart")) {}

Logger::Logger(Sink sink, Level min_level, std::string component)
    : sink_(std::make_shared<const Sink>(std::move(sink))), min_level_(min_level), component_(std::move(component)) {}

Logger Logger::with_component(std::string component) const {
  Logger out = *this;
  out.component_ = std::move(component);
  return out;
}

void Logger::write(Level level, std::string_view message) const {
  if (!enabled(level) || !sink_ || !*sink_) return;
  (*sink_)(Record{level, component_, message});
}

}  // namespace ayc::log
