// Query parameters that several storefront routes share, read one way.
//
// Thread-safety: pure functions.
#pragma once

#include <string>

#include "common/status.h"
#include "server/http/http_message.h"

namespace ayc::api {

// `country` as an ISO 3166-1 alpha-2 code ("in", "India" and "IN" give
// "IN"); "" when absent or empty; InvalidArgument naming the parameter when
// it is no country.
Result<std::string> country_param(const http::HttpRequest& req);

}  // namespace ayc::api
