#include "server/api/api_params.h"

#include "common/countries.h"
#include "server/http/params.h"

namespace ayc::api {

Result<std::string> country_param(const http::HttpRequest& req) {
  AYC_ASSIGN_OR_RETURN(auto country, http::param_string(req, "country", 60));
  if (!country.has_value() || country->empty()) return std::string();
  auto code = country_code(*country);
  if (!code) return Status::InvalidArgument("parameter 'country' must be an ISO 3166 code like IN or US");
  return *code;
}

Result<std::string> currency_param(const http::HttpRequest& req, const search::CurrencyTable& fx) {
  AYC_ASSIGN_OR_RETURN(auto currency, http::param_string(req, "currency", 3));
  if (!currency.has_value() || currency->empty()) return fx.base();
  std::string code(*currency);
  for (char& c : code) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  if (!fx.known(code)) {
    return Status::InvalidArgument("parameter 'currency' must be one of " + fx.codes() + ", got '" + code + "'");
  }
  return code;
}

}  // namespace ayc::api
