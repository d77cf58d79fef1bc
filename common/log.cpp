#include "common/log.h"

#include <unistd.h>

#include <cstdio>
#include <ctime>
#include <utility>

#include "common/json_text.h"
#include "common/text.h"

namespace ayc::log {

Result<Format> parse_format(std::string_view name, std::string_view flag) {
  if (name == "text") return Format::kText;
  if (name == "json") return Format::kJson;
  return Status::InvalidArgument(std::string(flag) + " must be text or json, got '" + std::string(name) + "'");
}

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
  std::string folded;
  bool space = false;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t') {
      space = true;
      continue;
    }
    const char last = !folded.empty() ? folded.back() : line.empty() ? ' ' : line.back();
    if (space && last != ' ') folded.push_back(' ');
    space = false;
    folded.push_back(c);
  }
  line += escape_text(folded, false);
}

// The length of the valid UTF-8 sequence starting `in`, 0 when it is not one.
std::size_t utf8_sequence(std::string_view in) {
  const auto b = static_cast<unsigned char>(in[0]);
  const std::size_t n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0;
  if (n == 0 || n > in.size()) return 0;
  return text::is_valid_utf8(in.substr(0, n)) ? n : 0;
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

std::string escape_text(std::string_view in, bool quotes) {
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size();) {
    const auto c = static_cast<unsigned char>(in[i]);
    const std::size_t valid = c >= 0x80 ? utf8_sequence(in.substr(i)) : 1;
    if (c < 0x20 || c == 0x7F || valid == 0 || (quotes && (c == '"' || c == '\\'))) {
      char buf[5];
      std::snprintf(buf, sizeof(buf), "\\x%02x", c);
      out += buf;
      ++i;
      continue;
    }
    out.append(in.substr(i, valid));
    i += valid;
  }
  return out;
}

std::string iso_time(std::chrono::system_clock::time_point time) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
  const std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms % 1000));
  return buf;
}

std::string format_json(std::string_view program, const Record& record) {
  std::string line = "{\"time\":\"" + iso_time(record.time) + "\",\"level\":\"" + std::string(level_name(record.level)) +
                     "\",\"program\":";
  text::append_json_quoted(line, program);
  if (!record.component.empty()) {
    line += ",\"component\":";
    text::append_json_quoted(line, record.component);
  }
  line += ",\"message\":";
  text::append_json_quoted(line, record.message);
  line += '}';
  return line;
}

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

Sink stderr_sink(std::string program, Format format) {
  return [program = std::move(program), format](const Record& record) {
    write_all(STDERR_FILENO, format == Format::kJson ? format_json(program, record) + "\n"
                                                     : iso_time(record.time) + " " + format_text(program, record) + "\n");
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
  (*sink_)(Record{level, component_, message, std::chrono::system_clock::now()});
}

}  // namespace ayc::log
