#include "common/status.h"

#include <catch2/catch.hpp>

namespace ayc {
namespace {

Status fails_when(bool fail) {
  if (fail) return Status::NotFound("no such product");
  return Status::Ok();
}

Status propagates(bool fail) {
  AYC_RETURN_IF_ERROR(fails_when(fail));
  return Status::Internal("reached the end");
}

TEST_CASE("Status carries a code and a message") {
  Status s = Status::InvalidArgument("limit must be at most 100");
  CHECK_FALSE(s.ok());
  CHECK(s.code() == StatusCode::kInvalidArgument);
  CHECK(s.to_string() == "InvalidArgument: limit must be at most 100");
  CHECK(s.with_context("parsing").message() == "parsing: limit must be at most 100");
  CHECK(Status::Ok().ok());
  CHECK(Status::Ok().with_context("x").ok());
}

TEST_CASE("AYC_RETURN_IF_ERROR returns the first failure") {
  CHECK(propagates(true).code() == StatusCode::kNotFound);
  CHECK(propagates(false).code() == StatusCode::kInternal);
}

TEST_CASE("Result holds a value or a status") {
  Result<int> good = 42;
  REQUIRE(good.ok());
  CHECK(*good == 42);
  Result<int> bad = Status::Unavailable("database down");
  CHECK_FALSE(bad.ok());
  CHECK(bad.status().code() == StatusCode::kUnavailable);
}

}  // namespace
}  // namespace ayc
