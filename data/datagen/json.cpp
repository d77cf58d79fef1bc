#include "data/datagen/json.h"

#include "data/datagen/row.h"

namespace ayc::datagen {

void Json::value_prefix() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) out_.push_back(',');
    first_.back() = false;
  }
}

Json& Json::begin_object() {
  value_prefix();
  out_.push_back('{');
  first_.push_back(true);
  return *this;
}

Json& Json::end_object() {
  out_.push_back('}');
  first_.pop_back();
  return *this;
}

Json& Json::begin_array() {
  value_prefix();
  out_.push_back('[');
  first_.push_back(true);
  return *this;
}

Json& Json::end_array() {
  out_.push_back(']');
  first_.pop_back();
  return *this;
}

Json& Json::key(std::string_view k) {
  value_prefix();
  append_escaped(k);
  out_.push_back(':');
  after_key_ = true;
  return *this;
}

Json& Json::string(std::string_view v) {
  value_prefix();
  append_escaped(v);
  return *this;
}

void Json::append_escaped(std::string_view v) {
  out_.push_back('"');
  for (unsigned char c : v) {
    switch (c) {
      case '"': out_.append("\\\""); break;
      case '\\': out_.append("\\\\"); break;
      case '\n': out_.append("\\n"); break;
      case '\t': out_.append("\\t"); break;
      case '\r': out_.append("\\r"); break;
      default:
        if (c < 0x20) {
          static const char kHex[] = "0123456789abcdef";
          out_.append("\\u00");
          out_.push_back(kHex[c >> 4]);
          out_.push_back(kHex[c & 0xF]);
        } else {
          out_.push_back(static_cast<char>(c));
        }
    }
  }
  out_.push_back('"');
}

Json& Json::integer(std::int64_t v) {
  value_prefix();
  out_.append(std::to_string(v));
  return *this;
}

Json& Json::fixed(std::int64_t scaled, int decimals) {
  value_prefix();
  append_fixed(out_, scaled, decimals);
  return *this;
}

Json& Json::boolean(bool v) {
  value_prefix();
  out_.append(v ? "true" : "false");
  return *this;
}

std::string json_string_array(const std::vector<std::string>& items) {
  Json j;
  j.begin_array();
  for (const auto& s : items) j.string(s);
  j.end_array();
  return j.str();
}

}  // namespace ayc::datagen
