#include "common/progress.h"

#include <sstream>

#include <catch2/catch.hpp>

namespace ayc {
namespace {

TEST_CASE("Progress counts from many adds") {
  std::ostringstream out;
  Progress p("rows", 1000, out, false);
  for (int i = 0; i < 100; ++i) p.add(10);
  CHECK(p.count() == 1000);
  p.finish();
}

TEST_CASE("human renderings") {
  CHECK(human_count(999) == "999");
  CHECK(human_count(12345) == "12.3k");
  CHECK(human_count(2500000) == "2.50M");
  CHECK(human_bytes(3 * 1024 * 1024) == "3.0 MiB");
  CHECK(peak_rss_bytes() > 0);
}

}  // namespace
}  // namespace ayc
