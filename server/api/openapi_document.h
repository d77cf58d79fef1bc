// The OpenAPI 3.1 description of every route (server/api/openapi/openapi.json,
// compiled into the binary), served at GET /openapi.json.
//
// Thread-safety: a constant.
#pragma once

#include <string_view>

namespace ayc::api {

std::string_view openapi_document();

}  // namespace ayc::api
