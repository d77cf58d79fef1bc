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

}  // namespace ayc::api
