// Cross-origin requests from storefront pages (--cors-origins).
//
// A page on https://shop.example.com calling this server from the browser
// needs the server to say the page's origin may read the answer:
//   - every answer to a request whose Origin is allowed carries
//     Access-Control-Allow-Origin (that origin, or "*" when every origin is)
//     and Access-Control-Expose-Headers (ETag, X-Request-Id); answers carry
//     Vary: Origin whenever the allowed list is not "*", so a shared cache
//     keeps one copy per origin;
//   - a preflight (OPTIONS with Origin and Access-Control-Request-Method)
//     for an allowed origin is answered 204 with the path's methods, the
//     request headers a storefront sends (Content-Type, X-Request-Id) and a
//     max age of 10 minutes.
// A disallowed origin gets the same answers without these headers: the
// browser then refuses the page the answer, which is the point. Requests
// without Origin (servers, curl, wrk) are unaffected.
//
// Thread-safety: immutable after parse(); decorate() and preflight() are const.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "server/http/http_message.h"

namespace ayc::http {

class CorsPolicy {
 public:
  // Off: no origin allowed, no header added.
  CorsPolicy() = default;
  // "" (off), "*" (every origin), or a comma-separated list of origins as
  // browsers send them: scheme://host[:port], no path ("https://shop.example.com,
  // http://localhost:5173"). Scheme and host are compared case-insensitively.
  static Result<CorsPolicy> parse(std::string_view list);

  bool enabled() const { return any_ || !origins_.empty(); }
  bool allows(std::string_view origin) const;
  // Adds the CORS headers `req` calls for to `resp` (nothing when off).
  void decorate(const HttpRequest& req, HttpResponse& resp) const;
  // True for a CORS preflight: OPTIONS with Origin and Access-Control-Request-Method.
  static bool is_preflight(const HttpRequest& req);
  // The 204 answer to a preflight (or to a plain OPTIONS) on a path whose
  // routes take `methods` ("GET, HEAD"); decorate() adds the origin headers.
  HttpResponse options_answer(const HttpRequest& req, const std::string& methods) const;

  // A storefront's own headers, and those of the Algolia clients.
  static constexpr const char* kAllowedRequestHeaders =
      "Content-Type, X-Request-Id, X-Algolia-API-Key, X-Algolia-Application-Id, X-Algolia-Agent";
  static constexpr int kMaxAgeSeconds = 600;

 private:
  bool any_ = false;
  std::vector<std::string> origins_;  // normalised: lower-case scheme and host
};

}  // namespace ayc::http
