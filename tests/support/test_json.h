// Reading JSON response bodies in tests (simdjson DOM). A body that is not
// valid JSON yields "<invalid json>" so the assertion shows it.
#pragma once

#include <string>
#include <string_view>

#include <simdjson.h>

namespace ayc::testing {

// The string at error.code / error.message (or any two-level path).
inline std::string json_string(std::string_view body, const char* outer, const char* inner = nullptr) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (parser.parse(body.data(), body.size(), true).get(doc) != simdjson::SUCCESS) return "<invalid json>";
  simdjson::dom::element e;
  if (doc[outer].get(e) != simdjson::SUCCESS) return "<missing>";
  if (inner != nullptr && e[inner].get(e) != simdjson::SUCCESS) return "<missing>";
  std::string_view s;
  if (e.get_string().get(s) != simdjson::SUCCESS) return "<not a string>";
  return std::string(s);
}

inline bool is_valid_json(std::string_view body) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  return parser.parse(body.data(), body.size(), true).get(doc) == simdjson::SUCCESS;
}

}  // namespace ayc::testing
