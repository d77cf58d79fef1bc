#include "server/http/router.h"

#include <exception>
#include <stdexcept>
#include <utility>

#include "server/http/error_response.h"
#include "server/http/request_target.h"

namespace ayc::http {

namespace {

std::vector<std::string_view> split_pattern(std::string_view pattern) {
  std::vector<std::string_view> out;
  std::size_t start = 1;
  while (true) {
    std::size_t slash = pattern.find('/', start);
    out.push_back(pattern.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
    if (slash == std::string_view::npos) return out;
    start = slash + 1;
  }
}

}  // namespace

std::string_view PathParams::get(std::string_view name) const {
  for (const auto& [key, value] : entries_)
    if (key == name) return value;
  return {};
}

void Router::add_prefix(std::string first_segment, Handler handler) {
  std::string pattern = "/" + first_segment + "/...";
  prefixes_.push_back({std::move(first_segment), std::move(pattern), std::move(handler)});
}

Router::Router(metrics::Metrics* metrics, log::Logger logger) : logger_(std::move(logger)) {
  if (metrics != nullptr) unmatched_metrics_ = &metrics->route("*", "<unmatched>");
  metrics_ = metrics;
}

void Router::add(std::string method, std::string pattern, Handler handler) {
  if (pattern.empty() || pattern.front() != '/') {
    throw std::invalid_argument("route pattern must start with '/': " + pattern);
  }
  Route route{std::move(method), pattern, {}, std::move(handler), nullptr};
  for (std::string_view piece : split_pattern(pattern)) {
    const bool is_param = piece.size() > 2 && piece.front() == '{' && piece.back() == '}';
    if (!is_param && (piece.find('{') != std::string_view::npos || piece.find('}') != std::string_view::npos)) {
      throw std::invalid_argument("malformed route pattern: " + pattern);
    }
    route.segments.push_back({std::string(is_param ? piece.substr(1, piece.size() - 2) : piece), is_param});
  }
  for (const auto& existing : routes_) {
    if (existing.method == route.method && existing.pattern == route.pattern) {
      throw std::invalid_argument("duplicate route: " + route.method + " " + pattern);
    }
  }
  if (metrics_ != nullptr) route.metrics = &metrics_->route(route.method, route.pattern);
  routes_.push_back(std::move(route));
}

bool Router::matches(const Route& route, const std::vector<std::string>& segments) {
  if (route.segments.size() != segments.size()) return false;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const Segment& s = route.segments[i];
    if (s.is_param ? segments[i].empty() : s.text != segments[i]) return false;
  }
  return true;
}

bool Router::more_specific(const Route& a, const Route& b) {
  for (std::size_t i = 0; i < a.segments.size() && i < b.segments.size(); ++i) {
    if (a.segments[i].is_param != b.segments[i].is_param) return !a.segments[i].is_param;
  }
  return false;
}

HttpResponse Router::call(const Route& route, const HttpRequest& req, const std::vector<std::string>& segments) const {
  PathParams params;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if (route.segments[i].is_param) params.set(route.segments[i].text, segments[i]);
  }
  return invoke(route.method, route.pattern, route.handler, req, params);
}

HttpResponse Router::invoke(std::string_view method, std::string_view pattern, const Handler& handler,
                            const HttpRequest& req, const PathParams& params) const {
  auto label = [&] { return std::string(method) + " " + std::string(pattern); };  // built for the log only
  try {
    Result<HttpResponse> result = handler(req, params);
    if (!result.ok()) {
      if (http_status_for(result.status().code()) == 500) {  // 503s are expected states, not bugs
        logger_.error(label() + " failed: " + result.status().to_string());
      }
      return error_response(result.status());
    }
    return std::move(result).value();
  } catch (const std::exception& e) {
    logger_.error(label() + " threw: " + e.what());
  } catch (...) {
    logger_.error(label() + " threw a non-standard exception");
  }
  return failure_response(HttpFailure::kHandlerCrashed, "internal server error");
}

HttpResponse Router::dispatch(HttpRequest& req, const std::vector<std::string>& segments,
                              metrics::RouteMetrics** matched) const {
  const std::string_view method = req.method == "HEAD" ? std::string_view("GET") : std::string_view(req.method);
  const Route* best = nullptr;
  std::string allow;
  for (const auto& route : routes_) {
    if (!matches(route, segments)) continue;
    if (route.method != method) {
      if (allow.find(route.method) == std::string::npos) allow += (allow.empty() ? "" : ", ") + route.method;
      if (route.method == "GET" && allow.find("HEAD") == std::string::npos) allow += ", HEAD";
      continue;
    }
    if (best == nullptr || more_specific(route, *best)) best = &route;
  }
  if (best != nullptr) {
    *matched = best->metrics;
    return call(*best, req, segments);
  }
  if (!allow.empty() && req.method == "OPTIONS") return cors_.options_answer(req, allow);
  if (allow.empty() && method == "GET" && segments.size() >= 2) {
    for (const auto& prefix : prefixes_) {
      if (segments[0] != prefix.first_segment) continue;
      std::string rest;
      for (std::size_t i = 1; i < segments.size(); ++i) {
        if (segments[i].find_first_of(std::string_view("/\0", 2)) != std::string::npos) {
          return failure_response(HttpFailure::kRouteNotFound, "no route for " + req.path);
        }
        rest += (i > 1 ? "/" : "") + segments[i];
      }
      PathParams params;
      params.set("path", std::move(rest));
      return invoke("GET", prefix.pattern, prefix.handler, req, params);
    }
  }
  if (!allow.empty()) {
    HttpResponse response = failure_response(HttpFailure::kMethodNotAllowed,
                                             "method " + req.method + " is not allowed on " + req.path + "; use " + allow);
    response.headers.emplace_back("Allow", allow);
    return response;
  }
  return failure_response(HttpFailure::kRouteNotFound, "no route for " + req.path);
}

HttpResponse Router::handle(HttpRequest req) const {
  metrics::RouteMetrics* metrics = unmatched_metrics_;
  HttpResponse response;
  auto target = parse_target(req.target);
  if (!target.ok()) {
    response = error_response(target.status());
  } else {
    req.path = std::move(target->path);
    req.query = std::move(target->query);
    response = dispatch(req, target->segments, &metrics);
  }
  cors_.decorate(req, response);
  if (metrics != nullptr) metrics->observe(response.status, std::chrono::steady_clock::now() - req.arrival);
  return response;
}

}  // namespace ayc::http
