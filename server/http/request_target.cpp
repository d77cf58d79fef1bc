#include "server/http/request_target.h"

#include "common/text.h"

namespace ayc::http {

namespace {

std::vector<std::string_view> split(std::string_view in, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    std::size_t pos = in.find(sep, start);
    out.push_back(in.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return out;
}

// "http://host:8080/x?y" -> "/x?y"; origin-form targets pass through.
Result<std::string_view> strip_authority(std::string_view target) {
  for (std::string_view scheme : {"http://", "https://"}) {
    if (target.substr(0, scheme.size()) == scheme) {
      std::size_t slash = target.find('/', scheme.size());
      if (slash == std::string_view::npos) return std::string_view("/");
      return target.substr(slash);
    }
  }
  if (target.empty() || target.front() != '/') {
    return Status::InvalidArgument("request target must start with '/'");
  }
  return target;
}

}  // namespace

Result<QueryParams> parse_query(std::string_view query) {
  std::vector<QueryParams::Entry> entries;
  if (query.empty()) return QueryParams(std::move(entries));
  for (std::string_view piece : split(query, '&')) {
    if (piece.empty()) continue;
    std::size_t eq = piece.find('=');
    std::string_view raw_name = piece.substr(0, eq);
    std::string_view raw_value = eq == std::string_view::npos ? std::string_view() : piece.substr(eq + 1);
    AYC_ASSIGN_OR_RETURN(auto name, percent_decode(raw_name, true, "a query parameter name"));
    if (name.empty()) continue;
    AYC_ASSIGN_OR_RETURN(auto value, percent_decode(raw_value, true, "parameter '" + name + "'"));
    entries.emplace_back(std::move(name), std::move(value));
  }
  return QueryParams(std::move(entries));
}

Result<std::string> percent_decode(std::string_view in, bool plus_is_space, std::string_view what) {
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '%') {
      int hi = i + 2 < in.size() ? text::hex_digit_value(in[i + 1]) : -1;
      int lo = hi >= 0 ? text::hex_digit_value(in[i + 2]) : -1;
      if (hi < 0 || lo < 0) {
        return Status::InvalidArgument(std::string(what) + " has malformed percent-encoding");
      }
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

Result<RequestTarget> parse_target(std::string_view target) {
  AYC_ASSIGN_OR_RETURN(auto origin, strip_authority(target));
  std::string_view rest = origin;
  std::size_t hash = rest.find('#');
  if (hash != std::string_view::npos) rest = rest.substr(0, hash);
  std::size_t qmark = rest.find('?');
  std::string_view raw_path = rest.substr(0, qmark);
  std::string_view raw_query = qmark == std::string_view::npos ? std::string_view() : rest.substr(qmark + 1);

  RequestTarget out;
  for (std::string_view raw_segment : split(raw_path.substr(1), '/')) {
    AYC_ASSIGN_OR_RETURN(auto segment, percent_decode(raw_segment, false, "request path"));
    out.path += '/';
    out.path += segment;
    out.segments.push_back(std::move(segment));
  }
  if (!text::is_valid_utf8(out.path) || text::has_control_chars(out.path)) {
    return Status::InvalidArgument("request path must be UTF-8 text without control characters");
  }
  AYC_ASSIGN_OR_RETURN(auto query, parse_query(raw_query));
  out.query = std::move(query);
  return out;
}

}  // namespace ayc::http
