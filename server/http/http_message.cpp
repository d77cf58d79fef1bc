#include "server/http/http_message.h"

namespace ayc::http {

Result<std::optional<std::string_view>> QueryParams::single(std::string_view name) const {
  std::optional<std::string_view> found;
  for (const auto& [key, value] : entries_) {
    if (key != name) continue;
    if (found) {
      return Status::InvalidArgument("parameter '" + std::string(name) + "' is given more than once");
    }
    found = value;
  }
  return found;
}

std::vector<std::string_view> QueryParams::all(std::string_view name) const {
  std::vector<std::string_view> out;
  for (const auto& [key, value] : entries_)
    if (key == name) out.push_back(value);
  return out;
}

std::size_t QueryParams::count(std::string_view name) const {
  std::size_t n = 0;
  for (const auto& entry : entries_)
    if (entry.first == name) ++n;
  return n;
}

std::optional<std::string_view> HttpRequest::header(std::string_view lower_case_name) const {
  for (const auto& [key, value] : headers)
    if (key == lower_case_name) return std::string_view(value);
  return std::nullopt;
}

HttpResponse HttpResponse::json(int status, std::string json) {
  return HttpResponse{status, kJson, std::move(json), {}};
}

HttpResponse HttpResponse::text(int status, std::string content_type, std::string body) {
  return HttpResponse{status, std::move(content_type), std::move(body), {}};
}

HttpResponse HttpResponse::no_content() { return HttpResponse{204, {}, {}, {}}; }

std::string_view trim_ows(std::string_view value) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  return value;
}

std::vector<std::string_view> split_header_list(std::string_view value) {
  std::vector<std::string_view> out;
  while (!value.empty()) {
    const std::size_t comma = value.find(',');
    const std::string_view item = trim_ows(value.substr(0, comma));
    if (!item.empty()) out.push_back(item);
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
  return out;
}

HttpRequest make_request(std::string method, std::string target, std::string body) {
  HttpRequest req;
  req.method = std::move(method);
  req.target = std::move(target);
  req.body = std::move(body);
  req.remote_ip = "127.0.0.1";
  return req;
}

}  // namespace ayc::http
