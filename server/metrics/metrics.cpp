#include "server/metrics/metrics.h"

#include <charconv>

namespace ayc::metrics {

namespace {

std::string format_double(double v) {
  char buf[64];
  auto [ptr, ec] = std::to_chars(buf, buf + sizeof(buf), v);
  return ec == std::errc() ? std::string(buf, ptr) : std::string("NaN");
}

// Prometheus `le` labels of LatencyHistogram::kUpperMicros, as people write them.
constexpr std::array<const char*, LatencyHistogram::kBuckets> kUpperLabels = {
    "0.0001", "0.00025", "0.0005", "0.001", "0.0025", "0.005", "0.01", "0.025",
    "0.05",   "0.1",     "0.25",   "0.5",   "1",      "2.5",   "5",    "10"};

std::string escape_label(std::string_view v) {
  std::string out;
  for (char c : v) {
    if (c == '\\') out += "\\\\";
    else if (c == '"') out += "\\\"";
    else if (c == '\n') out += "\\n";
    else out.push_back(c);
  }
  return out;
}

// Writes the HELP and TYPE lines of one metric family.
void family(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
  out.append("# HELP ").append(name).append(" ").append(help).append("\n");
  out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

void sample(std::string& out, std::string_view name, std::string_view labels, const std::string& value) {
  out.append(name);
  if (!labels.empty()) out.append("{").append(labels).append("}");
  out.append(" ").append(value).append("\n");
}

void scalar(std::string& out, std::string_view name, std::string_view type, std::string_view help,
            const std::string& value) {
  family(out, name, type, help);
  sample(out, name, "", value);
}

std::string route_labels(const RouteMetrics& r) {
  return "method=\"" + escape_label(r.method()) + "\",route=\"" + escape_label(r.pattern()) + "\"";
}

void render_routes(std::string& out, const std::deque<RouteMetrics>& routes) {
  family(out, "ayurvedacart_http_requests_total", "counter", "HTTP requests answered, by route pattern and status class.");
  for (const auto& r : routes) {
    for (int cls = 1; cls <= 5; ++cls) {
      sample(out, "ayurvedacart_http_requests_total",
             route_labels(r) + ",status_class=\"" + std::to_string(cls) + "xx\"", std::to_string(r.requests(cls)));
    }
  }
  const char* name = "ayurvedacart_http_request_duration_seconds";
  family(out, name, "histogram", "Time from a request being read to its response being ready, by route pattern.");
  for (const auto& r : routes) {
    const std::string labels = route_labels(r);
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i <= LatencyHistogram::kBuckets; ++i) {
      cumulative += r.latency().bucket(i);
      const std::string le = i < LatencyHistogram::kBuckets ? kUpperLabels[i] : "+Inf";
      sample(out, std::string(name) + "_bucket", labels + ",le=\"" + le + "\"", std::to_string(cumulative));
    }
    sample(out, std::string(name) + "_sum", labels, format_double(static_cast<double>(r.latency().sum_nanos()) / 1e9));
    sample(out, std::string(name) + "_count", labels, std::to_string(cumulative));
  }
}

void render_http(std::string& out, const HttpServerMetrics& m) {
  scalar(out, "ayurvedacart_http_open_connections", "gauge", "Client connections open now.",
         std::to_string(m.open_connections.value()));
  scalar(out, "ayurvedacart_http_accepted_connections_total", "counter", "Client connections accepted.",
         std::to_string(m.accepted_connections.value()));
  scalar(out, "ayurvedacart_http_rejected_connections_total", "counter",
         "Connections closed at once because --max-connections were open.", std::to_string(m.rejected_connections.value()));
  scalar(out, "ayurvedacart_http_rejected_client_connections_total", "counter",
         "Connections closed at once because their client address had --max-connections-per-client open.",
         std::to_string(m.rejected_client_connections.value()));
  scalar(out, "ayurvedacart_http_accept_errors_total", "counter", "Failed accept() calls.",
         std::to_string(m.accept_errors.value()));
  scalar(out, "ayurvedacart_http_read_timeouts_total", "counter",
         "Connections closed because a request did not arrive within --read-timeout-ms.", std::to_string(m.read_timeouts.value()));
  scalar(out, "ayurvedacart_http_first_byte_timeouts_total", "counter",
         "New connections closed because they sent nothing within --first-byte-timeout-ms.",
         std::to_string(m.first_byte_timeouts.value()));
  family(out, "ayurvedacart_http_rejected_requests_total", "counter", "Requests refused before routing, by reason.");
  sample(out, "ayurvedacart_http_rejected_requests_total", "reason=\"header_too_large\"", std::to_string(m.header_too_large.value()));
  sample(out, "ayurvedacart_http_rejected_requests_total", "reason=\"body_too_large\"", std::to_string(m.body_too_large.value()));
  sample(out, "ayurvedacart_http_rejected_requests_total", "reason=\"malformed\"", std::to_string(m.malformed_requests.value()));
}

void render_search_log(std::string& out, const SearchLogMetrics& m) {
  const auto c = [&](const char* name, const char* help, const Counter& v) {
    scalar(out, name, "counter", help, std::to_string(v.value()));
  };
  scalar(out, "ayurvedacart_search_log_queue_depth", "gauge", "search_logs rows waiting in memory.",
         std::to_string(m.queue_depth.value()));
  scalar(out, "ayurvedacart_search_log_queue_bytes", "gauge", "Bytes of the search_logs rows waiting in memory.",
         std::to_string(m.queue_bytes.value()));
  scalar(out, "ayurvedacart_search_log_spool_pending_rows", "gauge", "search_logs rows in spool files, not yet replayed.",
         std::to_string(m.spool_pending_rows.value()));
  scalar(out, "ayurvedacart_search_log_spool_bytes", "gauge", "Bytes of the spool files not yet replayed.",
         std::to_string(m.spool_bytes.value()));
  c("ayurvedacart_search_log_enqueued_rows_total", "search_logs rows handed to the writer.", m.enqueued_rows);
  c("ayurvedacart_search_log_written_rows_total", "search_logs rows committed to PostgreSQL.", m.written_rows);
  c("ayurvedacart_search_log_spooled_rows_total", "search_logs rows written to a local spool file.", m.spooled_rows);
  c("ayurvedacart_search_log_replayed_rows_total", "Spooled rows replayed into PostgreSQL.", m.replayed_rows);
  c("ayurvedacart_search_log_dropped_rows_total", "search_logs rows lost: neither written nor spooled.", m.dropped_rows);
  c("ayurvedacart_search_log_write_failures_total", "Failed attempts to write a batch to PostgreSQL.", m.write_failures);
  c("ayurvedacart_search_log_clicks_received_total", "Clicks handed to the writer.", m.clicks_received);
  c("ayurvedacart_search_log_clicks_applied_total", "Clicks recorded on their search_logs row.", m.clicks_applied);
  c("ayurvedacart_search_log_clicks_dropped_total", "Clicks not recorded (unknown search or product, or no room).", m.clicks_dropped);
}

}  // namespace

void LatencyHistogram::observe(std::chrono::nanoseconds d) noexcept {
  const std::int64_t ns = d.count() < 0 ? 0 : d.count();
  std::size_t i = 0;
  while (i < kBuckets && ns > kUpperMicros[i] * 1000) ++i;
  counts_[i].fetch_add(1, std::memory_order_relaxed);
  sum_ns_.fetch_add(static_cast<std::uint64_t>(ns), std::memory_order_relaxed);
}

void RouteMetrics::observe(int http_status, std::chrono::nanoseconds latency) noexcept {
  int cls = http_status / 100;
  if (cls < 1 || cls > 5) cls = 5;
  by_class_[static_cast<std::size_t>(cls - 1)].inc();
  latency_.observe(latency);
}

void IndexMetrics::set_generation(std::uint64_t generation, std::chrono::system_clock::time_point built_at) noexcept {
  built_at_us_.store(
      std::chrono::duration_cast<std::chrono::microseconds>(built_at.time_since_epoch()).count(),
      std::memory_order_relaxed);
  generation_.store(generation, std::memory_order_release);
}

std::chrono::system_clock::time_point IndexMetrics::built_at() const noexcept {
  return std::chrono::system_clock::time_point(
      std::chrono::microseconds(built_at_us_.load(std::memory_order_relaxed)));
}

RouteMetrics& Metrics::route(std::string_view method, std::string_view pattern) {
  std::lock_guard lock(mu_);
  for (auto& r : routes_)
    if (r.method() == method && r.pattern() == pattern) return r;
  return routes_.emplace_back(std::string(method), std::string(pattern));
}

Counter& Metrics::add_counter(std::string name, std::string help) {
  std::lock_guard lock(mu_);
  auto& c = counters_.emplace_back();
  c.name = std::move(name);
  c.help = std::move(help);
  return c.value;
}

Gauge& Metrics::add_gauge(std::string name, std::string help) {
  std::lock_guard lock(mu_);
  auto& g = gauges_.emplace_back();
  g.name = std::move(name);
  g.help = std::move(help);
  return g.value;
}

std::string Metrics::render(std::chrono::system_clock::time_point now) const {
  std::string out;
  out.reserve(16 * 1024);
  std::lock_guard lock(mu_);
  render_routes(out, routes_);
  render_http(out, http_);
  render_search_log(out, search_log_);
  scalar(out, "ayurvedacart_index_generation", "gauge", "Index generation being served; 0 before the first one loads.",
         std::to_string(index_.generation()));
  if (index_.loaded()) {
    const double age = std::chrono::duration<double>(now - index_.built_at()).count();
    scalar(out, "ayurvedacart_index_age_seconds", "gauge", "Seconds since the data of the served index generation was read (its staleness).",
           format_double(age < 0 ? 0 : age));
  }
  scalar(out, "ayurvedacart_access_log_dropped_total", "counter", "Access log lines dropped because the log queue was full.",
         std::to_string(access_log_dropped_.value()));
  for (const auto& c : counters_) scalar(out, c.name, "counter", c.help, std::to_string(c.value.value()));
  for (const auto& g : gauges_) scalar(out, g.name, "gauge", g.help, std::to_string(g.value.value()));
  return out;
}

}  // namespace ayc::metrics
