#include "common/log.h"

#include <mutex>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

namespace ayc::log {
namespace {

struct Collected {
  std::mutex mu;
  std::vector<std::string> lines;
};

Sink collecting(Collected& into) {
  return [&into](const Record& r) {
    std::lock_guard<std::mutex> lock(into.mu);
    into.lines.push_back(format_text("prog", r));
  };
}

TEST_CASE("log: a text line names the program, a warning's level and the component") {
  CHECK(format_text("ayurvedacart-server", Record{Level::kInfo, "", "listening on 127.0.0.1:8080"}) ==
        "ayurvedacart-server: listening on 127.0.0.1:8080");
  CHECK(format_text("p", Record{Level::kWarning, "search log", "PostgreSQL unavailable"}) ==
        "p: warning: search log: PostgreSQL unavailable");
  CHECK(format_text("p", Record{Level::kError, "", "boom"}) == "p: error: boom");
}

TEST_CASE("log: a message with newlines and tabs is one line") {
  CHECK(format_text("p", Record{Level::kInfo, "", "could not connect:\n\tConnection refused\n"}) ==
        "p: could not connect: Connection refused");
}

TEST_CASE("log: control bytes and invalid UTF-8 in a text line are escaped, valid UTF-8 kept") {
  CHECK(format_text("p", Record{Level::kInfo, "", "q=\x1b[31m \xe0\xa4\x85 \xff"}) == "p: q=\\x1b[31m \xe0\xa4\x85 \\xff");
  CHECK(escape_text("say \"hi\" \\", true) == "say \\x22hi\\x22 \\x5c");
  CHECK(escape_text("say \"hi\"", false) == "say \"hi\"");
  CHECK(escape_text("\xc3", false) == "\\xc3");          // a sequence cut short
  CHECK(escape_text("\xc0\xaf", false) == "\\xc0\\xaf");  // an overlong '/'
}

TEST_CASE("log: a JSON line names time, level, program, component and message") {
  const Record r{Level::kWarning, "search log", "PostgreSQL \"down\"\n\xff",
                 std::chrono::system_clock::time_point(std::chrono::milliseconds(1714557600123))};
  CHECK(format_json("ayurvedacart-server", r) ==
        "{\"time\":\"2024-05-01T10:00:00.123Z\",\"level\":\"warning\",\"program\":\"ayurvedacart-server\","
        "\"component\":\"search log\",\"message\":\"PostgreSQL \\\"down\\\"\\n\xef\xbf\xbd\"}");
  CHECK(format_json("p", Record{Level::kInfo, "", "up", {}}).find("\"component\"") == std::string::npos);
}

TEST_CASE("log: the format is named text or json") {
  CHECK(*parse_format("text") == Format::kText);
  CHECK(*parse_format("json") == Format::kJson);
  auto bad = parse_format("yaml");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message() == "--log-format must be text or json, got 'yaml'");
}

TEST_CASE("log: records below the logger's level are not written") {
  Collected got;
  Logger logger(collecting(got), Level::kWarning);
  logger.debug("d");
  logger.info("i");
  logger.warning("w");
  logger.error("e");
  CHECK(got.lines == std::vector<std::string>{"prog: warning: w", "prog: error: e"});
  CHECK_FALSE(logger.enabled(Level::kInfo));
  CHECK(logger.enabled(Level::kError));
}

TEST_CASE("log: with_component shares the sink and names the component") {
  Collected got;
  Logger root(collecting(got), Level::kDebug);
  Logger part = root.with_component("index");
  part.debug("loaded");
  root.info("up");
  CHECK(got.lines == std::vector<std::string>{"prog: index: loaded", "prog: up"});
}

}  // namespace
}  // namespace ayc::log
