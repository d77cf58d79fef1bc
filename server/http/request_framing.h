// Whether a request's framing can be trusted (RFC 9112 sections 3.2 and 6).
//
// A request whose length a proxy in front could read differently from this
// server is the opening for request smuggling: Transfer-Encoding whose last
// coding is not chunked ("gzip", "chunked, gzip", "xchunked"), chunked
// applied twice, Transfer-Encoding beside Content-Length, Transfer-Encoding
// in HTTP/1.0. Such a request is refused with 400 and its connection closed,
// so no byte after it is read as another request. HTTP/1.1 also requires
// exactly one Host header.
//
// Thread-safety: pure function.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ayc::http {

// The reason to refuse a request with these headers (names lower-case) and
// HTTP version (11 for 1.1), or nullopt when its framing is sound.
std::optional<std::string> framing_problem(unsigned version,
                                           const std::vector<std::pair<std::string, std::string>>& headers);

}  // namespace ayc::http
