#include "server/http/access_log.h"

#include <fstream>
#include <sstream>
#include <thread>

#include <catch2/catch.hpp>

#include "tests/support/temp_dir.h"

namespace ayc::http {
namespace {

TEST_CASE("access log lines are escaped and complete") {
  AccessLog::Entry e;
  e.time = std::chrono::system_clock::time_point(std::chrono::milliseconds(1714557600123));
  e.remote_ip = "127.0.0.1";
  e.method = "GET";
  e.target = "/search?q=\"x\"\n";
  e.status = 200;
  e.body_bytes = 512;
  e.duration = std::chrono::microseconds(734);
  e.user_agent = "curl/8.0";
  CHECK(AccessLog::format(e) ==
        "2024-05-01T10:00:00.123Z 127.0.0.1 \"GET /search?q=\\x22x\\x22\\x0a\" 200 512 0.000734 \"curl/8.0\" -\n");
  e.request_id = "req-1";
  e.user_agent = "b\xc3\xa9b \xff\xc3(";  // valid UTF-8 kept, invalid bytes escaped
  CHECK(AccessLog::format(e) ==
        "2024-05-01T10:00:00.123Z 127.0.0.1 \"GET /search?q=\\x22x\\x22\\x0a\" 200 512 0.000734 "
        "\"b\xc3\xa9b \\xff\\xc3(\" req-1\n");
}

TEST_CASE("access log lines as JSON carry every field by name, invalid UTF-8 replaced") {
  AccessLog::Entry e;
  e.time = std::chrono::system_clock::time_point(std::chrono::milliseconds(1714557600123));
  e.remote_ip = "::1";
  e.method = "GET";
  e.target = "/search?q=\"x\"";
  e.status = 404;
  e.body_bytes = 7;
  e.duration = std::chrono::microseconds(1500);
  e.user_agent = "bad \xff";
  e.request_id = "0190a1b2";
  CHECK(AccessLog::format(e, log::Format::kJson) ==
        "{\"time\":\"2024-05-01T10:00:00.123Z\",\"client\":\"::1\",\"method\":\"GET\",\"target\":\"/search?q=\\\"x\\\"\","
        "\"status\":404,\"bytes\":7,\"seconds\":0.001500,\"user_agent\":\"bad \xef\xbf\xbd\",\"request_id\":\"0190a1b2\"}\n");
}

TEST_CASE("access log writes in the background and flushes on destruction") {
  ayc::testing::TempDir dir;
  const auto path = (dir.path() / "access.log").string();
  metrics::Counter dropped;
  {
    auto log = AccessLog::open(path, dropped, log::Format::kText, 4);
    REQUIRE(log.ok());
    for (int i = 0; i < 10; ++i) {
      AccessLog::Entry e;
      e.method = "GET";
      e.target = "/healthz";
      e.status = 200;
      (*log)->record(e);
    }
  }
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  std::size_t lines = 0;
  for (char c : text.str()) lines += c == '\n';
  CHECK(lines + dropped.value() == 10);  // a full buffer drops and counts, never blocks
  CHECK(lines >= 4);
}

TEST_CASE("an access log that cannot be opened is a clear error") {
  metrics::Counter dropped;
  auto log = AccessLog::open("/nonexistent-dir/x/access.log", dropped);
  REQUIRE_FALSE(log.ok());
  CHECK_THAT(log.status().message(), Catch::StartsWith("cannot open access log /nonexistent-dir/x/access.log"));
}

}  // namespace
}  // namespace ayc::http
