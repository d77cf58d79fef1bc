#include "server/http/error_response.h"

#include "common/json_text.h"

namespace ayc::http {

int http_status_for(StatusCode code) {
  switch (code) {
    case StatusCode::kInvalidArgument: return 400;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kAlreadyExists: return 409;
    case StatusCode::kFailedPrecondition: return 503;
    case StatusCode::kUnavailable: return 503;
    case StatusCode::kOk:
    case StatusCode::kDataLoss:
    case StatusCode::kInternal: return 500;
  }
  return 500;
}

const char* error_code_for(StatusCode code) {
  switch (code) {
    case StatusCode::kInvalidArgument: return "invalid_argument";
    case StatusCode::kNotFound: return "not_found";
    case StatusCode::kAlreadyExists: return "already_exists";
    case StatusCode::kFailedPrecondition: return "failed_precondition";
    case StatusCode::kUnavailable: return "unavailable";
    case StatusCode::kOk:
    case StatusCode::kDataLoss:
    case StatusCode::kInternal: return "internal";
  }
  return "internal";
}

std::string error_body(const char* code, const std::string& message) {
  return std::string("{\"error\":{\"code\":\"") + code + "\",\"message\":" + text::json_quote(message) + "}}";
}

HttpResponse error_response(const Status& status) {
  const int http_status = http_status_for(status.code());
  // Internal details stay in the server log; clients learn only that it failed.
  const std::string message = http_status == 500 ? "internal server error" : status.message();
  HttpResponse response = HttpResponse::json(http_status, error_body(error_code_for(status.code()), message));
  if (http_status == 503) response.headers.emplace_back("Retry-After", "1");
  return response;
}

HttpResponse failure_response(HttpFailure failure, const std::string& message) {
  switch (failure) {
    case HttpFailure::kRouteNotFound:
      return HttpResponse::json(404, error_body("not_found", message));
    case HttpFailure::kMethodNotAllowed:
      return HttpResponse::json(405, error_body("method_not_allowed", message));
    case HttpFailure::kUnsupportedMediaType:
      return HttpResponse::json(415, error_body("unsupported_media_type", message));
    case HttpFailure::kPayloadTooLarge:
      return HttpResponse::json(413, error_body("payload_too_large", message));
    case HttpFailure::kHeaderTooLarge:
      return HttpResponse::json(431, error_body("header_too_large", message));
    case HttpFailure::kMalformedRequest:
      return HttpResponse::json(400, error_body("bad_request", message));
    case HttpFailure::kHandlerCrashed:
      return HttpResponse::json(500, error_body("internal", message));
  }
  return HttpResponse::json(500, error_body("internal", message));
}

}  // namespace ayc::http
