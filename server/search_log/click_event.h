// Parsing the body of POST /events/click: {"search_id": "<uuid>", "product_id": "<uuid>"},
// optionally with "position": the hit's 1-based place in the result list.
//
// Thread-safety: uses a per-thread simdjson parser; call from any thread.
#pragma once

#include <string_view>

#include "common/status.h"
#include "server/search_log/row.h"

namespace ayc::search_log {

// InvalidArgument naming the field when the body is not a JSON object, a
// field is missing, repeated, not a string or not a canonical UUID, or
// position is not a whole number from 1 to 10000. Other fields are ignored.
Result<SearchClick> parse_click_event(std::string_view body);

}  // namespace ayc::search_log
