#include "server/http/conditional.h"

namespace ayc::http {

namespace {

std::string_view opaque(std::string_view tag) {
  if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);
  return tag;
}

}  // namespace

bool none_match(const HttpRequest& req, std::string_view etag) {
  for (const auto& [name, value] : req.headers) {
    if (name != "if-none-match") continue;
    for (std::string_view tag : split_header_list(value)) {
      if (tag == "*" || opaque(tag) == opaque(etag)) return true;
    }
  }
  return false;
}

void set_validator(HttpResponse& resp, const std::string& etag, const std::string& cache_control) {
  resp.headers.emplace_back("ETag", etag);
  resp.headers.emplace_back("Cache-Control", cache_control);
}

HttpResponse not_modified(const std::string& etag, const std::string& cache_control) {
  HttpResponse resp;
  resp.status = 304;
  set_validator(resp, etag, cache_control);
  return resp;
}

}  // namespace ayc::http
