#include "common/pg.h"

#include <catch2/catch.hpp>

namespace ayc::pg {
namespace {

TEST_CASE("passwords never appear in connection strings shown to people") {
  CHECK(redact("postgresql://indexer:s3cret@db.example:5432/shop") == "postgresql://indexer:***@db.example:5432/shop");
  CHECK(redact("postgresql://postgres@127.0.0.1:54329/ayurvedacart") == "postgresql://postgres@127.0.0.1:54329/ayurvedacart");
  CHECK(redact("host=db user=x password=s3cret dbname=shop") == "host=db user=x password=*** dbname=shop");
  CHECK(redact("host=db password = 'two words' dbname=shop") == "host=db password = *** dbname=shop");
}

TEST_CASE("an unreachable database is an Unavailable status with a hint") {
  auto c = connect("postgresql://postgres@127.0.0.1:1/none?connect_timeout=2");
  REQUIRE_FALSE(c.ok());
  CHECK(c.status().code() == StatusCode::kUnavailable);
  CHECK_THAT(c.status().message(), Catch::Contains("scripts/pg.sh start"));
  CHECK(connect("").status().code() == StatusCode::kInvalidArgument);
}

}  // namespace
TEST_CASE("a failed query's status says what to do: grant, migrate or retry") {
  const Status denied = pg::query_error(pqxx::insufficient_privilege("ERROR:  permission denied for table users"),
                                        "reading users");
  CHECK(denied.code() == StatusCode::kInvalidArgument);
  CHECK_THAT(denied.message(), Catch::StartsWith("reading users: ERROR:  permission denied for table users"));
  CHECK_THAT(denied.message(), Catch::Contains("ayurvedacart_indexer"));
  const Status missing = pg::query_error(pqxx::undefined_table("relation \"search_query_words\" does not exist"),
                                         "reading reference data");
  CHECK(missing.code() == StatusCode::kFailedPrecondition);
  CHECK_THAT(missing.message(), Catch::Contains("data/migrations/"));
  CHECK(pg::query_error(pqxx::undefined_column("column \"x\" does not exist"), "q").code() ==
        StatusCode::kFailedPrecondition);
  CHECK(pg::query_error(pqxx::broken_connection("server closed the connection"), "streaming products").code() ==
        StatusCode::kUnavailable);
}

}  // namespace ayc::pg
