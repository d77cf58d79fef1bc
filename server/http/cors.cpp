#include "server/http/cors.h"

#include <algorithm>
#include <cctype>

#include "server/http/http_message.h"

namespace ayc::http {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// scheme "://" host [":" port], nothing else: what a browser sends as Origin.
bool well_formed_origin(std::string_view origin) {
  const auto sep = origin.find("://");
  if (sep == std::string_view::npos || sep == 0) return false;
  for (char c : origin.substr(0, sep)) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
  }
  std::string_view rest = origin.substr(sep + 3);
  if (rest.empty() || rest.find_first_of("/?#@ \t") != std::string_view::npos) return false;
  if (const auto colon = rest.rfind(':'); colon != std::string_view::npos && rest.front() != '[') {
    const std::string_view port = rest.substr(colon + 1);
    if (port.empty() || port.size() > 5 ||
        !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return false;
    }
  }
  return true;
}

}  // namespace

Result<CorsPolicy> CorsPolicy::parse(std::string_view list) {
  CorsPolicy policy;
  for (std::string_view item : split_header_list(list)) {
    if (item == "*") {
      policy.any_ = true;
    } else if (well_formed_origin(item)) {
      policy.origins_.push_back(lower(item));
    } else {
      return Status::InvalidArgument("'" + std::string(item) +
                                     "' is not an origin: give scheme://host[:port] (no path), or *");
    }
  }
  if (policy.any_ && !policy.origins_.empty()) {
    return Status::InvalidArgument("give either * or a list of origins, not both");
  }
  return policy;
}

bool CorsPolicy::allows(std::string_view origin) const {
  if (origin.empty()) return false;
  if (any_) return true;
  const std::string wanted = lower(origin);
  return std::find(origins_.begin(), origins_.end(), wanted) != origins_.end();
}

bool CorsPolicy::is_preflight(const HttpRequest& req) {
  return req.method == "OPTIONS" && req.header("origin").has_value() &&
         req.header("access-control-request-method").has_value();
}

void CorsPolicy::decorate(const HttpRequest& req, HttpResponse& resp) const {
  if (!enabled()) return;
  if (!any_) resp.headers.emplace_back("Vary", "Origin");
  const auto origin = req.header("origin");
  if (!origin || !allows(*origin)) return;
  resp.headers.emplace_back("Access-Control-Allow-Origin", any_ ? std::string("*") : std::string(*origin));
  if (is_preflight(req)) {
    resp.headers.emplace_back("Access-Control-Allow-Headers", kAllowedRequestHeaders);
    resp.headers.emplace_back("Access-Control-Max-Age", std::to_string(kMaxAgeSeconds));
  } else {
    resp.headers.emplace_back("Access-Control-Expose-Headers", "ETag, X-Request-Id");
  }
}

HttpResponse CorsPolicy::options_answer(const HttpRequest& req, const std::string& methods) const {
  HttpResponse resp = HttpResponse::no_content();
  const std::string all = methods + ", OPTIONS";
  resp.headers.emplace_back("Allow", all);
  if (is_preflight(req)) resp.headers.emplace_back("Access-Control-Allow-Methods", all);
  return resp;
}

}  // namespace ayc::http
