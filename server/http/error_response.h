// The one place where failures become HTTP statuses.
//
// Handlers return Status values; the router and the Beast session report the
// failures that are not Status values (no such route, a body over the limit)
// as an HttpFailure. Both become `{"error": {"code": "...", "message": "..."}}`
// here and nowhere else:
//   InvalidArgument -> 400 invalid_argument     NotFound -> 404 not_found
//   AlreadyExists   -> 409 already_exists       FailedPrecondition -> 503 failed_precondition
//   Unavailable     -> 503 unavailable          DataLoss/Internal/other -> 500 internal
//
// Thread-safety: pure functions.
#pragma once

#include <string>

#include "common/status.h"
#include "server/http/http_message.h"

namespace ayc::http {

enum class HttpFailure {
  kRouteNotFound,         // 404 not_found
  kMethodNotAllowed,      // 405 method_not_allowed
  kUnsupportedMediaType,  // 415 unsupported_media_type
  kPayloadTooLarge,       // 413 payload_too_large
  kHeaderTooLarge,        // 431 header_too_large
  kMalformedRequest,      // 400 bad_request (unparseable HTTP)
  kHandlerCrashed,        // 500 internal (an exception escaped a handler)
};

int http_status_for(StatusCode code);
// "invalid_argument", "not_found", ... ; the `code` field of the error body.
const char* error_code_for(StatusCode code);

// The response for a non-OK Status.
HttpResponse error_response(const Status& status);
HttpResponse failure_response(HttpFailure failure, const std::string& message);

// The JSON error document itself (exposed for tests and the 503 fast path).
std::string error_body(const char* code, const std::string& message);

}  // namespace ayc::http
