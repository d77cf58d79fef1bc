// A tiny builder for the compact JSON the generator stores in JSONB columns.
//
// Commas are placed automatically; strings are escaped per RFC 8259. Keys and
// values are written in call order, so the text is deterministic.
//
// Thread-safety: a single-threaded value.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ayc::datagen {

class Json {
 public:
  Json& begin_object();
  Json& end_object();
  Json& begin_array();
  Json& end_array();
  Json& key(std::string_view k);
  Json& string(std::string_view v);
  Json& integer(std::int64_t v);
  Json& fixed(std::int64_t scaled, int decimals);
  Json& boolean(bool v);
  // Shorthand for key(k).string(v) and friends.
  Json& field(std::string_view k, std::string_view v) { return key(k).string(v); }
  Json& field_int(std::string_view k, std::int64_t v) { return key(k).integer(v); }
  Json& field_bool(std::string_view k, bool v) { return key(k).boolean(v); }

  const std::string& str() const { return out_; }
  void clear() {
    out_.clear();
    first_.clear();
    after_key_ = false;
  }

 private:
  void value_prefix();
  void append_escaped(std::string_view v);
  std::string out_;
  std::vector<bool> first_;
  bool after_key_ = false;
};

// A JSON array of strings: ["a","b"].
std::string json_string_array(const std::vector<std::string>& items);

}  // namespace ayc::datagen
