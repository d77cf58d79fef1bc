// Reading JSON answers in end-to-end tests (simdjson DOM). Accessors CHECK
// the shape, so a missing or mistyped field fails the test with its name
// instead of throwing from deep inside simdjson.
//
// Thread-safety: a Json object belongs to one thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <simdjson.h>

namespace ayc::e2e {

using JsonValue = simdjson::dom::element;

class Json {
 public:
  explicit Json(std::string_view text);
  Json(const Json&) = delete;
  Json& operator=(const Json&) = delete;
  bool ok() const { return ok_; }
  JsonValue root() const { return root_; }

 private:
  simdjson::dom::parser parser_;
  JsonValue root_;
  bool ok_ = false;
};

bool has_field(JsonValue object, const char* key);
JsonValue field(JsonValue object, const char* key);        // CHECKs presence; null element when absent
std::string string_field(JsonValue object, const char* key);
double number_field(JsonValue object, const char* key);    // any JSON number
bool bool_field(JsonValue object, const char* key);
bool is_null_field(JsonValue object, const char* key);
simdjson::dom::array array_field(JsonValue object, const char* key);

// error.message of a {"error":{"code","message"}} body, or "" when the body
// does not have that shape.
std::string error_message(std::string_view body);

}  // namespace ayc::e2e
