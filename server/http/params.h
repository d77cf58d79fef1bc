// Validated access to query parameters, for handlers.
//
// Every helper returns the value or an InvalidArgument whose message starts
// with the parameter's name ("parameter 'limit' must be ..."), which the
// router turns into a 400 JSON error. A parameter given twice is an error, an
// empty value is not a number, and numbers out of [min, max] are rejected
// rather than clamped, so clients learn about their mistakes.
//
//   auto limit = param_int(req, "limit", 10, 1, 100);
//   if (!limit.ok()) return limit.status();
//
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "server/http/http_message.h"

namespace ayc::http {

// An integer in [min, max]; `def` when the parameter is absent.
Result<std::int64_t> param_int(const HttpRequest& req, std::string_view name, std::int64_t def,
                               std::int64_t min, std::int64_t max);
Result<std::optional<std::int64_t>> param_optional_int(const HttpRequest& req, std::string_view name,
                                                       std::int64_t min, std::int64_t max);

// A finite decimal number in [min, max]; `def` when absent.
Result<double> param_double(const HttpRequest& req, std::string_view name, double def, double min,
                            double max);
Result<std::optional<double>> param_optional_double(const HttpRequest& req, std::string_view name,
                                                    double min, double max);

// Text of at most `max_chars` code points: valid UTF-8, no control characters
// (tab, CR and LF included). nullopt when absent; "" when given empty.
Result<std::optional<std::string>> param_string(const HttpRequest& req, std::string_view name,
                                                std::size_t max_chars);

// One of `allowed`; `def` when absent.
Result<std::string> param_enum(const HttpRequest& req, std::string_view name,
                               std::initializer_list<std::string_view> allowed, std::string_view def);

// true/false/1/0; `def` when absent.
Result<bool> param_bool(const HttpRequest& req, std::string_view name, bool def);

// Shared by path parameters and JSON fields: the same text rules as param_string.
Status check_text(std::string_view value, std::string_view what, std::size_t max_chars);

}  // namespace ayc::http
