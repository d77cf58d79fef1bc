#include "server/metrics/metrics.h"

#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>

namespace ayc::metrics {
namespace {

using namespace std::chrono_literals;

// Checks the text exposition format: every sample belongs to a family
// announced by HELP and TYPE lines, names and values are well-formed, no
// family is announced twice.
void check_exposition(const std::string& text) {
  static const std::regex kSample(R"(^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*",?)*\})? (-?[0-9.e+-]+|NaN|\+Inf)$)");
  static const std::regex kType(R"(^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram)$)");
  std::map<std::string, std::string> types;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    INFO(line);
    std::smatch m;
    if (line.rfind("# HELP ", 0) == 0) continue;
    if (std::regex_match(line, m, kType)) {
      CHECK(types.emplace(m[1], m[2]).second);
      continue;
    }
    REQUIRE(std::regex_match(line, m, kSample));
    std::string family = m[1];
    if (!types.count(family)) {
      for (const char* suffix : {"_bucket", "_sum", "_count"}) {
        const std::string s(suffix);
        if (family.size() > s.size() && family.compare(family.size() - s.size(), s.size(), s) == 0) {
          family = family.substr(0, family.size() - s.size());
          CHECK(types[family] == "histogram");
          break;
        }
      }
    }
    CHECK(types.count(family) == 1);
  }
  CHECK(text.back() == '\n');
}

TEST_CASE("metrics render in the Prometheus text format") {
  Metrics metrics;
  auto& route = metrics.route("GET", "/search");
  route.observe(200, 300us);
  route.observe(200, 3ms);
  route.observe(404, 20s);
  metrics.http().open_connections.add(3);
  metrics.search_log().dropped_rows.inc(2);
  metrics.add_counter("ayurvedacart_search_zero_results_total", "Searches with no hits.").inc(5);
  metrics.add_gauge("ayurvedacart_test_gauge", "A gauge.").set(-4);
  const std::chrono::system_clock::time_point now =
      std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
  metrics.index().set_generation(7, now - 90s);
  const std::string text = metrics.render(now);
  check_exposition(text);

  CHECK_THAT(text, Catch::Contains("ayurvedacart_http_requests_total{method=\"GET\",route=\"/search\",status_class=\"2xx\"} 2\n"));
  CHECK_THAT(text, Catch::Contains("ayurvedacart_http_requests_total{method=\"GET\",route=\"/search\",status_class=\"4xx\"} 1\n"));
  // Buckets are cumulative; +Inf equals the count.
  CHECK_THAT(text, Catch::Contains("ayurvedacart_http_request_duration_seconds_bucket{method=\"GET\",route=\"/search\",le=\"0.0005\"} 1\n"));
  CHECK_THAT(text, Catch::Contains("ayurvedacart_http_request_duration_seconds_bucket{method=\"GET\",route=\"/search\",le=\"0.005\"} 2\n"));
  CHECK_THAT(text, Catch::Contains("ayurvedacart_http_request_duration_seconds_bucket{method=\"GET\",route=\"/search\",le=\"10\"} 2\n"));
  CHECK_THAT(text, Catch::Contains("ayurvedacart_http_request_duration_seconds_bucket{method=\"GET\",route=\"/search\",le=\"+Inf\"} 3\n"));
  CHECK_THAT(text, Catch::Contains("ayurvedacart_http_request_duration_seconds_count{method=\"GET\",route=\"/search\"} 3\n"));
  CHECK_THAT(text, Catch::Contains("ayurvedacart_http_request_duration_seconds_sum{method=\"GET\",route=\"/search\"} 20.0033\n"));
  CHECK_THAT(text, Catch::Contains("ayurvedacart_http_open_connections 3\n"));
  CHECK_THAT(text, Catch::Contains("ayurvedacart_search_log_dropped_rows_total 2\n"));
  CHECK_THAT(text, Catch::Contains("ayurvedacart_search_zero_results_total 5\n"));
  CHECK_THAT(text, Catch::Contains("ayurvedacart_test_gauge -4\n"));
  CHECK_THAT(text, Catch::Contains("ayurvedacart_index_generation 7\n"));
  CHECK_THAT(text, Catch::Contains("ayurvedacart_index_age_seconds 90\n"));
}

TEST_CASE("before an index generation loads there is no age series") {
  Metrics metrics;
  const std::string text = metrics.render(std::chrono::system_clock::now());
  check_exposition(text);
  CHECK_THAT(text, Catch::Contains("ayurvedacart_index_generation 0\n"));
  CHECK_THAT(text, !Catch::Contains("ayurvedacart_index_age_seconds"));
  CHECK_FALSE(metrics.index().loaded());
}

TEST_CASE("label values are escaped") {
  Metrics metrics;
  metrics.route("GET", "/a\"b\\c").observe(200, 1ms);
  const std::string text = metrics.render(std::chrono::system_clock::now());
  check_exposition(text);
  CHECK_THAT(text, Catch::Contains("route=\"/a\\\"b\\\\c\""));
}

TEST_CASE("route() returns the same series for the same method and pattern") {
  Metrics metrics;
  CHECK(&metrics.route("GET", "/x") == &metrics.route("GET", "/x"));
  CHECK(&metrics.route("GET", "/x") != &metrics.route("POST", "/x"));
}

}  // namespace
}  // namespace ayc::metrics
