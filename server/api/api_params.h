// Query parameters that several storefront routes share, read one way.
//
// Thread-safety: pure functions.
#pragma once

#include <string>

#include "common/status.h"
#include "server/http/http_message.h"
#include "server/search/currency_table.h"

namespace ayc::api {

// `country` as an ISO 3166-1 alpha-2 code ("in", "India" and "IN" give
// "IN"); "" when absent or empty; InvalidArgument naming the parameter when
// it is no country.
Result<std::string> country_param(const http::HttpRequest& req);

// `currency` as an upper-case ISO 4217 code the generation has a rate for
// ("usd" gives "USD"); the store's base currency when absent or empty;
// InvalidArgument listing the known codes otherwise.
Result<std::string> currency_param(const http::HttpRequest& req, const search::CurrencyTable& fx);

}  // namespace ayc::api
