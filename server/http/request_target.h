// Splitting and percent-decoding an HTTP request-target.
//
// "/products/abc%2Fdef/related?kind=similar&q=tulsi+tea" becomes the decoded
// path "/products/abc/def/related", the path segments {"products", "abc/def",
// "related"} (split before decoding, so an encoded '/' stays inside its
// segment) and the query parameters {kind: similar, q: "tulsi tea"}.
// Malformed percent-encoding is an InvalidArgument naming the parameter.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "server/http/http_message.h"

namespace ayc::http {

struct RequestTarget {
  std::string path;                   // decoded
  std::vector<std::string> segments;  // decoded; "/" alone gives one empty segment
  QueryParams query;
};

// Decodes %XX escapes (and '+' as a space when `plus_is_space`). Fails on a '%'
// not followed by two hex digits; `what` names the thing in the message.
Result<std::string> percent_decode(std::string_view in, bool plus_is_space, std::string_view what);

// A query string ("kind=similar&q=tulsi+tea") as decoded parameters, in order;
// pieces without a name are skipped.
Result<QueryParams> parse_query(std::string_view query);

// Accepts origin-form ("/path?query") and absolute-form ("http://host/path?query").
Result<RequestTarget> parse_target(std::string_view target);

}  // namespace ayc::http
