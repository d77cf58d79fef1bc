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
