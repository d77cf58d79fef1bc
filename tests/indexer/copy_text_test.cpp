#include <catch2/catch.hpp>

#include "indexer/copy_text.h"

namespace ayc::indexer {
namespace {

TEST_CASE("COPY text lines split into fields with NULLs and escapes") {
  auto f = parse_copy_line("abc\t\\N\ttab\\there\tnew\\nline\tback\\\\slash\t\n");
  REQUIRE(f.size() == 6);
  CHECK(*f[0] == "abc");
  CHECK_FALSE(f[1].has_value());
  CHECK(*f[2] == "tab\there");
  CHECK(*f[3] == "new\nline");
  CHECK(*f[4] == "back\\slash");
  CHECK(*f[5] == "");
}

TEST_CASE("octal escapes and a literal backslash-N inside text") {
  auto f = parse_copy_line("\\101B\tx\\Ny");
  REQUIRE(f.size() == 2);
  CHECK(*f[0] == "AB");
  CHECK(*f[1] == "xNy");
}

}  // namespace
}  // namespace ayc::indexer
