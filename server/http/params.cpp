#include "server/http/params.h"

#include <charconv>
#include <cmath>
#include <sstream>

#include "common/json_text.h"
#include "common/text.h"

namespace ayc::http {

namespace {

std::string quoted_name(std::string_view name) { return "parameter '" + std::string(name) + "'"; }

// The value as echoed in a message: short, so a 4 KiB value does not come back.
std::string echo(std::string_view value) {
  constexpr std::size_t kMaxEcho = 40;
  std::string_view cut = value.size() > kMaxEcho ? value.substr(0, kMaxEcho) : value;
  return "'" + std::string(cut) + (cut.size() < value.size() ? "...'" : "'");
}

std::string format_number(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

Result<std::int64_t> parse_int_value(std::string_view name, std::string_view text, std::int64_t min,
                                     std::int64_t max) {
  std::int64_t v = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  const bool in_range = ec == std::errc() && ptr == text.data() + text.size() && !text.empty();
  if (!in_range || v < min || v > max) {
    return Status::InvalidArgument(quoted_name(name) + " must be an integer between " + std::to_string(min) +
                                   " and " + std::to_string(max) + ", got " + echo(text));
  }
  return v;
}

Result<double> parse_double_value(std::string_view name, std::string_view text, double min, double max) {
  double v = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  const bool ok = ec == std::errc() && ptr == text.data() + text.size() && !text.empty() && std::isfinite(v);
  if (!ok || v < min || v > max) {
    return Status::InvalidArgument(quoted_name(name) + " must be a number between " + format_number(min) +
                                   " and " + format_number(max) + ", got " + echo(text));
  }
  return v;
}

}  // namespace

Status check_text(std::string_view value, std::string_view what, std::size_t max_chars) {
  if (!text::is_valid_utf8(value)) return Status::InvalidArgument(std::string(what) + " must be valid UTF-8");
  for (unsigned char c : value) {
    if (c < 0x20 || c == 0x7F) {
      return Status::InvalidArgument(std::string(what) + " must not contain control characters");
    }
  }
  if (text::utf8_length(value) > max_chars) {
    return Status::InvalidArgument(std::string(what) + " must be at most " + std::to_string(max_chars) +
                                   " characters long");
  }
  return Status::Ok();
}

Result<std::optional<std::int64_t>> param_optional_int(const HttpRequest& req, std::string_view name,
                                                       std::int64_t min, std::int64_t max) {
  AYC_ASSIGN_OR_RETURN(auto raw, req.query.single(name));
  if (!raw) return std::optional<std::int64_t>();
  AYC_ASSIGN_OR_RETURN(auto v, parse_int_value(name, *raw, min, max));
  return std::optional<std::int64_t>(v);
}

Result<std::int64_t> param_int(const HttpRequest& req, std::string_view name, std::int64_t def,
                               std::int64_t min, std::int64_t max) {
  AYC_ASSIGN_OR_RETURN(auto v, param_optional_int(req, name, min, max));
  return v.value_or(def);
}

Result<std::optional<double>> param_optional_double(const HttpRequest& req, std::string_view name,
                                                    double min, double max) {
  AYC_ASSIGN_OR_RETURN(auto raw, req.query.single(name));
  if (!raw) return std::optional<double>();
  AYC_ASSIGN_OR_RETURN(auto v, parse_double_value(name, *raw, min, max));
  return std::optional<double>(v);
}

Result<double> param_double(const HttpRequest& req, std::string_view name, double def, double min,
                            double max) {
  AYC_ASSIGN_OR_RETURN(auto v, param_optional_double(req, name, min, max));
  return v.value_or(def);
}

Result<std::optional<std::string>> param_string(const HttpRequest& req, std::string_view name,
                                                std::size_t max_chars) {
  AYC_ASSIGN_OR_RETURN(auto raw, req.query.single(name));
  if (!raw) return std::optional<std::string>();
  AYC_RETURN_IF_ERROR(check_text(*raw, quoted_name(name), max_chars));
  return std::optional<std::string>(std::string(*raw));
}

Result<std::string> param_enum(const HttpRequest& req, std::string_view name,
                               std::initializer_list<std::string_view> allowed, std::string_view def) {
  AYC_ASSIGN_OR_RETURN(auto raw, req.query.single(name));
  if (!raw) return std::string(def);
  for (std::string_view option : allowed)
    if (option == *raw) return std::string(option);
  std::string choices;
  for (std::string_view option : allowed) choices += (choices.empty() ? "" : ", ") + std::string(option);
  return Status::InvalidArgument(quoted_name(name) + " must be one of " + choices + "; got " + echo(*raw));
}

Result<bool> param_bool(const HttpRequest& req, std::string_view name, bool def) {
  AYC_ASSIGN_OR_RETURN(auto raw, req.query.single(name));
  if (!raw) return def;
  if (*raw == "true" || *raw == "1") return true;
  if (*raw == "false" || *raw == "0") return false;
  return Status::InvalidArgument(quoted_name(name) + " must be true or false, got " + echo(*raw));
}

}  // namespace ayc::http
