#include "common/flags.h"

#include <cstdlib>

#include <catch2/catch.hpp>

namespace ayc {
namespace {

struct Config {
  std::string pg = "postgresql://localhost/db";
  std::int64_t products = 100;
  double ratio = 0.5;
  bool incremental = false;
};

FlagSet make_flags(Config& c) {
  FlagSet f("prog", "Does things.");
  f.add_string("pg", "AYC_TEST_FLAGS_PG", "PostgreSQL URL", &c.pg);
  f.add_int("products", "", "how many", &c.products, 1, 1000);
  f.add_double("ratio", "", "a ratio", &c.ratio, 0, 1);
  f.add_bool("incremental", "", "incremental run", &c.incremental);
  return f;
}

TEST_CASE("flags override defaults, both --x v and --x=v forms") {
  Config c;
  FlagSet f = make_flags(c);
  const char* argv[] = {"prog", "--products", "250", "--ratio=0.25", "--incremental"};
  REQUIRE(f.parse(5, argv).ok());
  CHECK(c.products == 250);
  CHECK(c.ratio == 0.25);
  CHECK(c.incremental);
  CHECK(c.pg == "postgresql://localhost/db");
}

TEST_CASE("environment applies before flags") {
  Config c;
  FlagSet f = make_flags(c);
  ::setenv("AYC_TEST_FLAGS_PG", "host=/tmp dbname=x", 1);
  const char* argv1[] = {"prog"};
  REQUIRE(f.parse(1, argv1).ok());
  CHECK(c.pg == "host=/tmp dbname=x");
  const char* argv2[] = {"prog", "--pg", "host=other"};
  REQUIRE(f.parse(3, argv2).ok());
  CHECK(c.pg == "host=other");
  ::unsetenv("AYC_TEST_FLAGS_PG");
}

TEST_CASE("every problem is reported at once") {
  Config c;
  FlagSet f = make_flags(c);
  const char* argv[] = {"prog", "--products", "abc", "--bogus", "--ratio=7", "stray", "--pg"};
  Status s = f.parse(7, argv);
  REQUIRE_FALSE(s.ok());
  CHECK(s.code() == StatusCode::kInvalidArgument);
  CHECK_THAT(s.message(), Catch::Contains("--products must be an integer"));
  CHECK_THAT(s.message(), Catch::Contains("unknown flag --bogus"));
  CHECK_THAT(s.message(), Catch::Contains("--ratio must be between 0 and 1"));
  CHECK_THAT(s.message(), Catch::Contains("unexpected argument 'stray'"));
  CHECK_THAT(s.message(), Catch::Contains("--pg needs a value"));
}

TEST_CASE("--help is recognised and usage lists flags without the URL default") {
  Config c;
  c.pg = "postgresql://user:secret@host/db";
  FlagSet f = make_flags(c);
  const char* argv[] = {"prog", "--help"};
  REQUIRE(f.parse(2, argv).ok());
  CHECK(f.help_requested());
  std::string u = f.usage();
  CHECK_THAT(u, Catch::Contains("--products VALUE"));
  CHECK_THAT(u, Catch::Contains("(default: 100)"));
  CHECK_THAT(u, !Catch::Contains("secret"));
}

TEST_CASE("parse_int rejects trailing junk and out-of-range values") {
  CHECK(parse_int("12", 0, 100, "limit").ok());
  CHECK_FALSE(parse_int("12x", 0, 100, "limit").ok());
  CHECK_FALSE(parse_int("", 0, 100, "limit").ok());
  CHECK_FALSE(parse_int("101", 0, 100, "limit").ok());
  CHECK_FALSE(parse_int("-1", 0, 100, "limit").ok());
  CHECK_FALSE(parse_double("nan", 0, 100, "price").ok());
  CHECK(*parse_double("12.5", 0, 100, "price") == 12.5);
}

}  // namespace
}  // namespace ayc
