#include "tests/server/e2e/json.h"

#include <catch2/catch.hpp>

namespace ayc::e2e {

Json::Json(std::string_view text) {
  ok_ = parser_.parse(text.data(), text.size(), true).get(root_) == simdjson::SUCCESS;
}

bool has_field(JsonValue object, const char* key) {
  JsonValue v;
  return object.is_object() && object[key].get(v) == simdjson::SUCCESS;
}

namespace {
// A JSON null that outlives every caller: what an absent field reads as.
JsonValue json_null() {
  static simdjson::dom::parser parser;
  static const JsonValue null = parser.parse(std::string_view("null")).value();
  return null;
}
}  // namespace

JsonValue field(JsonValue object, const char* key) {
  JsonValue v;
  const bool present = object.is_object() && object[key].get(v) == simdjson::SUCCESS;
  INFO("JSON field '" << key << "' in " << simdjson::to_string(object));
  CHECK(present);
  return present ? v : json_null();
}

std::string string_field(JsonValue object, const char* key) {
  std::string_view s;
  const bool is_string = field(object, key).get_string().get(s) == simdjson::SUCCESS;
  INFO("JSON field '" << key << "' should be a string");
  CHECK(is_string);
  return std::string(s);
}

double number_field(JsonValue object, const char* key) {
  double d = 0;
  JsonValue v = field(object, key);
  if (v.get_double().get(d) == simdjson::SUCCESS) return d;
  std::int64_t i = 0;
  if (v.get_int64().get(i) == simdjson::SUCCESS) return static_cast<double>(i);
  std::uint64_t u = 0;
  if (v.get_uint64().get(u) == simdjson::SUCCESS) return static_cast<double>(u);
  INFO("JSON field '" << key << "' should be a number");
  CHECK(false);
  return 0;
}

bool bool_field(JsonValue object, const char* key) {
  bool b = false;
  const bool is_bool = field(object, key).get_bool().get(b) == simdjson::SUCCESS;
  INFO("JSON field '" << key << "' should be true or false");
  CHECK(is_bool);
  return b;
}

bool is_null_field(JsonValue object, const char* key) { return field(object, key).is_null(); }

simdjson::dom::array array_field(JsonValue object, const char* key) {
  simdjson::dom::array a;
  const bool is_array = field(object, key).get_array().get(a) == simdjson::SUCCESS;
  INFO("JSON field '" << key << "' should be an array");
  CHECK(is_array);
  return a;
}

std::string error_message(std::string_view body) {
  Json doc(body);
  if (!doc.ok()) return "";
  std::string_view message;
  if (doc.root()["error"]["message"].get_string().get(message) != simdjson::SUCCESS) return "";
  std::string_view code;
  if (doc.root()["error"]["code"].get_string().get(code) != simdjson::SUCCESS) return "";
  return std::string(message);
}

}  // namespace ayc::e2e
