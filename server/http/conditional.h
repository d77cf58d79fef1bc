// Validators and conditional GET (RFC 9110, sections 8.8.3 and 13.1.2).
//
// An answer that depends only on what the server holds and on the request
// carries an ETag; a client (a browser, a CDN) that already has it sends it
// back in If-None-Match and gets 304 Not Modified with no body.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "server/http/http_message.h"

namespace ayc::http {

// True when `req`'s If-None-Match is "*" or lists `etag`, compared weakly
// (W/"x" matches "x"), as the RFC asks for If-None-Match.
bool none_match(const HttpRequest& req, std::string_view etag);

// Adds ETag and Cache-Control to an answer.
void set_validator(HttpResponse& resp, const std::string& etag, const std::string& cache_control);

// 304 with the validator headers, no body.
HttpResponse not_modified(const std::string& etag, const std::string& cache_control);

}  // namespace ayc::http
