// One logger for the executables and the layers below them: a level, a
// component and a message go to an injectable sink.
//
// The stderr sink writes one line per record, as one write(2) so lines from
// threads never mix, in one of two formats:
//   text: "<time> <program>: [warning: |error: ][<component>: ]<message>",
//         folded onto one line (libpq messages carry newlines and tabs),
//         other control bytes and invalid UTF-8 escaped as \xHH;
//   json: {"time":"...","level":"info","program":"...","component":"...",
//          "message":"..."} (invalid UTF-8 replaced by U+FFFD).
// Times are UTC, ISO 8601 with milliseconds. Tests pass a sink that collects
// records.
//
// Loggers are cheap values: copies and with_component() share one sink.
// Not for per-request lines (that is the access log) nor for progress on a
// terminal (common/progress.h).
//
// Thread-safety: every method may be called from any thread; a sink must be
// safe to call concurrently (the stderr sink is).
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"

namespace ayc::log {

enum class Level { kDebug = 0, kInfo, kWarning, kError };
enum class Format { kText, kJson };

// "text" or "json"; InvalidArgument naming the flag otherwise.
Result<Format> parse_format(std::string_view name, std::string_view flag = "--log-format");

// "debug", "info", "warning", "error".
std::string_view level_name(Level level);

struct Record {
  Level level = Level::kInfo;
  std::string_view component;  // "" for the program itself
  std::string_view message;
  std::chrono::system_clock::time_point time = {};  // set by Logger::write
};

using Sink = std::function<void(const Record&)>;

// The text line of `record` without its time and newline (see above).
std::string format_text(std::string_view program, const Record& record);
// The JSON line of `record` without its newline.
std::string format_json(std::string_view program, const Record& record);

// "2026-12-05T21:30:00.123Z".
std::string iso_time(std::chrono::system_clock::time_point time);
// `in` with control bytes (and, with `quotes`, '"' and '\\') and bytes that
// are not valid UTF-8 written as \xHH: safe on one line of a text log.
std::string escape_text(std::string_view in, bool quotes);

// Lines on stderr: "<time> " + format_text(), or format_json().
Sink stderr_sink(std::string program, Format format = Format::kText);

class Logger {
 public:
  // Lines on stderr as "ayurvedacart: ...": a component nobody wired still
  // reports (an executable passes its own logger down).
  Logger();
  explicit Logger(Sink sink, Level min_level = Level::kInfo, std::string component = "");

  // The same sink and level under another component name ("search log").
  Logger with_component(std::string component) const;

  void debug(std::string_view message) const { write(Level::kDebug, message); }
  void info(std::string_view message) const { write(Level::kInfo, message); }
  void warning(std::string_view message) const { write(Level::kWarning, message); }
  void error(std::string_view message) const { write(Level::kError, message); }
  void write(Level level, std::string_view message) const;

  bool enabled(Level level) const { return level >= min_level_; }

 private:
  std::shared_ptr<const Sink> sink_;
  Level min_level_ = Level::kInfo;
  std::string component_;
};

}  // namespace ayc::log
