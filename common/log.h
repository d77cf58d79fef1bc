// One logger for the executables and the layers below them: a level, a
// component and a message go to an injectable sink.
//
// The default sink writes one line per record to stderr,
//   "<program>: [warning: |error: ][<component>: ]<message>"
// folded onto one line (libpq messages carry newlines and tabs), as one
// write(2) so lines from threads never mix. Tests pass a sink that collects
// records; another format (JSON lines) is another sink.
//
// Loggers are cheap values: copies and with_component() share one sink.
// Not for per-request lines (that is the access log) nor for progress on a
// terminal (common/progress.h).
//
// Thread-safety: every method may be called from any thread; a sink must be
// safe to call concurrently (the stderr sink is).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace ayc::log {

enum class Level { kDebug = 0, kInfo, kWarning, kError };

// "debug", "info", "warning", "error".
std::string_view level_name(Level level);

struct Record {
  Level level = Level::kInfo;
  std::string_view component;  // "" for the program itself
  std::string_view message;
};

using Sink = std::function<void(const Record&)>;

// The text line of `record` without its newline (see the header comment).
std::string format_text(std::string_view program, const Record& record);

// Lines of format_text() on stderr.
Sink stderr_sink(std::string program);

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
