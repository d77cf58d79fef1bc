#include "server/search_log/click_event.h"

#include <catch2/catch.hpp>

namespace ayc::search_log {
namespace {

constexpr const char* kS = "6f1c1a9e-8c1b-4c1e-9f6e-1b2c3d4e5f60";
constexpr const char* kP = "0b7e7c1d-2a3b-4c5d-8e9f-a0b1c2d3e4f5";

std::string body(const std::string& search_id, const std::string& product_id) {
  return "{\"search_id\":" + search_id + ",\"product_id\":" + product_id + "}";
}

TEST_CASE("a well-formed click parses, ids lower-cased") {
  auto c = parse_click_event(body("\"6F1C1A9E-8C1B-4C1E-9F6E-1B2C3D4E5F60\"", std::string("\"") + kP + "\""));
  REQUIRE(c.ok());
  CHECK(c->search_id == kS);
  CHECK(c->product_id == kP);
  CHECK(parse_click_event(std::string("{\"extra\":[1,2],\"search_id\":\"") + kS + "\",\"product_id\":\"" + kP + "\"}").ok());
}

TEST_CASE("a click may say its hit's place in the list") {
  const std::string ids = std::string("{\"search_id\":\"") + kS + "\",\"product_id\":\"" + kP + "\"";
  CHECK_FALSE(parse_click_event(ids + "}")->position.has_value());
  CHECK(parse_click_event(ids + ",\"position\":1}")->position == 1);
  CHECK(parse_click_event(ids + ",\"position\":10000}")->position == 10000);
  CHECK_FALSE(parse_click_event(ids + ",\"position\":null}")->position.has_value());
  for (const char* bad : {"0", "-3", "10001", "2.5", "\"3\"", "true"}) {
    INFO(bad);
    auto r = parse_click_event(ids + ",\"position\":" + bad + "}");
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.status().message(), Catch::Contains("position"));
  }
  CHECK_THAT(parse_click_event(ids + ",\"position\":1,\"position\":2}").status().message(),
             Catch::Contains("more than once"));
}

TEST_CASE("bad click bodies name the field") {
  const std::string s = std::string("\"") + kS + "\"";
  const std::string p = std::string("\"") + kP + "\"";
  struct Case {
    std::string body;
    std::string message;
  };
  const Case cases[] = {
      {"", "body must be a JSON object"},
      {"not json", "body must be a JSON object"},
      {"[1,2]", "body must be a JSON object"},
      {"{\"search_id\":" + s + ",\"product_id\":" + p + "} trailing", "body must be a JSON object"},
      {"{\"product_id\":" + p + "}", "search_id is required"},
      {body("123", p), "search_id must be a UUID string"},
      {body("\"not-a-uuid\"", p), "search_id must be a UUID string"},
      {body("null", p), "search_id must be a UUID string"},
      {body(s, "\"x\""), "product_id must be a UUID string"},
      {"{\"search_id\":" + s + ",\"search_id\":" + s + ",\"product_id\":" + p + "}", "search_id is given more than once"},
      {"{\"search_id\":\"\xff\",\"product_id\":" + p + "}", "body must be a JSON object"},
  };
  for (const auto& c : cases) {
    INFO(c.body);
    auto r = parse_click_event(c.body);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == StatusCode::kInvalidArgument);
    CHECK_THAT(r.status().message(), Catch::StartsWith(c.message));
  }
}

}  // namespace
}  // namespace ayc::search_log
