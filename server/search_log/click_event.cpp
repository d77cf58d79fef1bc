#include "server/search_log/click_event.h"

#include <simdjson.h>

#include "common/uuid.h"

namespace ayc::search_log {

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
  AYC_ASSIGN_OR_RETURN(auto search_id, uuid_field(obj, "search_id"));
  AYC_ASSIGN_OR_RETURN(auto product_id, uuid_field(obj, "product_id"));
  SearchClick click{std::move(search_id), std::move(product_id), std::nullopt};
  int seen = 0;
  for (auto field : obj) {
    if (field.key != "position") continue;
    if (++seen > 1) return Status::InvalidArgument("position is given more than once");
    if (field.value.is_null()) continue;
    std::int64_t position = 0;
    if (field.value.get_int64().get(position) != simdjson::SUCCESS || position < 1 || position > kMaxClickPosition) {
      return Status::InvalidArgument("position must be the hit's place in the list, a whole number from 1 to " +
                                     std::to_string(kMaxClickPosition));
    }
    click.position = static_cast<int>(position);
  }
  return click;
}

}  // namespace ayc::search_log
