#include "server/click_event.h"

#include <simdjson.h>

#include "server/uuid.h"

namespace ayc::server {

namespace {

Result<std::string> uuid_field(simdjson::dom::object obj, std::string_view name) {
  int seen = 0;
  std::string_view value;
  bool is_string = false;
  for (auto field : obj) {
    if (field.key != name) continue;
    ++seen;
    is_string = field.value.get_string().get(value) == simdjson::SUCCESS;
  }
  const std::string field(name);
  if (seen == 0) return Status::InvalidArgument(field + " is required");
  if (seen > 1) return Status::InvalidArgument(field + " is given more than once");
  if (!is_string || !is_uuid(value)) return Status::InvalidArgument(field + " must be a UUID string");
  return lowercase_uuid(value);
}

}  // namespace

Result<SearchClick> parse_click_event(std::string_view body) {
  thread_local simdjson::dom::parser parser;
  simdjson::dom::object obj;
  if (parser.parse(body.data(), body.size(), true).get_object().get(obj) != simdjson::SUCCESS) {
    return Status::InvalidArgument("body must be a JSON object {\"search_id\": ..., \"product_id\": ...}");
  }
  auto search_id = uuid_field(obj, "search_id");
  if (!search_id.ok()) return search_id.status();
  auto product_id = uuid_field(obj, "product_id");
  if (!product_id.ok()) return product_id.status();
  return SearchClick{std::move(*search_id), std::move(*product_id)};
}

}  // namespace ayc::server
