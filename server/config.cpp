#include "server/config.h"

#include <filesystem>

#include "common/flags.h"
#include "common/log.h"
#include "server/http/client_address.h"

namespace ayc::server {

namespace {

constexpr std::int64_t kMaxInt = 1'000'000'000;

void add_flags(FlagSet& f, ServerConfig& c) {
  f.add_string("pg", "AYURVEDACART_PG", "PostgreSQL connection string for search_logs (libpq URL or key=value); "
               "the server starts and answers searches even when it is unreachable", &c.pg);
  f.add_string("index-dir", "AYURVEDACART_INDEX_DIR", "Directory the indexer writes index generations to", &c.index_dir);
  f.add_string("listen", "AYURVEDACART_LISTEN", "Address to serve HTTP on, HOST:PORT or [IPv6]:PORT", &c.listen);
  f.add_string("admin-listen", "AYURVEDACART_ADMIN_LISTEN", "Serve /metrics on this HOST:PORT only (with /healthz "
               "and /readyz), not on --listen; empty: /metrics on --listen", &c.admin_listen);
  f.add_int("threads", "", "Worker threads; 0 means one per CPU core", &c.threads, 0, 1024);
  f.add_int("max-connections", "", "Open client connections at most; more are accepted and closed", &c.max_connections,
            1, kMaxInt);
  f.add_int("max-connections-per-client", "", "Open connections from one client address at most (0: no limit); "
            "trusted proxies are exempt", &c.max_connections_per_client, 0, kMaxInt);
  f.add_string("trusted-proxies", "AYURVEDACART_TRUSTED_PROXIES", "Comma-separated addresses or CIDR ranges of load "
               "balancers: exempt from the per-client cap, and their X-Forwarded-For names the client (access log, "
               "search_logs.ip_address); from anyone else it is ignored", &c.trusted_proxies);
  f.add_string("cors-origins", "AYURVEDACART_CORS_ORIGINS", "Browser pages allowed to call this server: "
               "comma-separated origins (https://shop.example.com) or * for any; answers to them carry CORS headers "
               "and OPTIONS preflights are answered (default: none)", &c.cors_origins);
  f.add_string("web-root", "AYURVEDACART_WEB_ROOT", "Serve the files of this directory under /web/ (the demo "
               "storefront, web/ of the source tree); off when empty", &c.web_root);
  f.add_int("first-byte-timeout-ms", "", "A new connection must send its first byte within this, or is closed",
            &c.first_byte_timeout_ms, 10, 3'600'000);
  f.add_int("read-timeout-ms", "", "A whole request (or the next one on a keep-alive connection) must arrive "
            "within this; also bounds each write", &c.read_timeout_ms, 10, 3'600'000);
  f.add_int("max-header-bytes", "", "Largest request line + headers; larger gets 431", &c.max_header_bytes, 1024,
            1024 * 1024);
  f.add_int("max-body-bytes", "", "Largest request body; larger gets 413", &c.max_body_bytes, 0, 64 * 1024 * 1024);
  f.add_int("pipeline-limit", "", "Responses queued per connection before reading pauses", &c.pipeline_limit, 1, 1024);
  f.add_int("shutdown-grace-ms", "", "On SIGTERM/SIGINT, how long requests in flight and the search log flush may "
            "take", &c.shutdown_grace_ms, 0, 3'600'000);
  f.add_int("drain-ms", "", "On SIGTERM, first keep serving this long with /readyz answering 503, so a load "
            "balancer stops sending requests before the listener closes", &c.drain_ms, 0, 3'600'000);
  f.add_int("max-index-age", "", "Seconds: /readyz answers 503 while the served index generation was built longer "
            "ago than this (0: no limit)", &c.max_index_age_s, 0, 365LL * 86400);
  f.add_int("log-queue-size", "", "search_logs rows held in memory while PostgreSQL is slow or down; beyond it "
            "rows are spooled to disk", &c.log_queue_size, 1, kMaxInt);
  f.add_int("log-queue-mb", "", "Memory for those rows at most (a row takes ~0.3-1.3 KB); beyond it rows are "
            "spooled to disk", &c.log_queue_mb, 1, 1024 * 1024);
  f.add_string("spool-dir", "AYURVEDACART_SPOOL_DIR", "Where search_logs rows that PostgreSQL cannot take yet are "
               "kept until it can (default: 'spool' next to --index-dir)", &c.spool_dir);
  f.add_int("spool-max-mb", "AYURVEDACART_SPOOL_MAX_MB", "Disk for spooled rows and clicks at most; beyond it they "
            "are dropped and counted (ayurvedacart_search_log_dropped_rows_total)", &c.spool_max_mb, 1, 1024 * 1024 * 1024);
  f.add_string("access-log", "AYURVEDACART_ACCESS_LOG", "Write an access log line per request to this file "
               "('-' for stdout; off when empty)", &c.access_log);
  f.add_string("log-format", "AYURVEDACART_LOG_FORMAT", "Log lines on stderr and access log lines as text or json "
               "(one object per line)", &c.log_format);
  f.add_int("reload-interval-ms", "", "How often to look for a new index generation", &c.reload_interval_ms, 100,
            3'600'000);
  f.add_int("postings-cache-mb", "AYURVEDACART_POSTINGS_CACHE_MB", "Memory for posting lists kept between "
            "searches (least recently used are dropped beyond it); 0: 256, or 576 bytes a searchable product "
            "when that is more", &c.postings_cache_mb, 0, 1024 * 1024);
  f.add_int("response-cache-entries", "", "Rendered /autocomplete and /products/{id}/related answers kept per index "
            "generation (0: none)", &c.response_cache_entries, 0, 10'000'000);
  f.add_int("response-cache-mb", "", "Memory for those rendered answers at most", &c.response_cache_mb, 1, 1024 * 1024);
  f.add_int("engine-cache-mb", "AYURVEDACART_ENGINE_CACHE_MB", "Memory for the search engine's caches besides "
            "posting lists (decoded products, facet counts, ranked candidates, query words' readings, spelling "
            "and prefix lookups), shared out among them", &c.engine_cache_mb, 1, 1024 * 1024);
  f.add_int("exact-facet-hits", "", "Facet counts are exact for searches with at most this many hits; above it "
            "they are estimated from an even sample of this many and the answer says facets_exhaustive: false",
            &c.exact_facet_hits, 1, 1'000'000'000);
  f.add_int("warm-words", "", "Before a new index generation serves, search alone each of this many of the "
            "catalogue's most frequent words to fill its caches (0: serve cold)", &c.warm_words, 0, 10'000'000);
}

}  // namespace

std::string ServerConfig::spool_path() const {
  if (!spool_dir.empty()) return spool_dir;
  std::error_code ec;
  std::filesystem::path index = std::filesystem::absolute(index_dir, ec).lexically_normal();
  if (!index.has_filename()) index = index.parent_path();  // "/srv/idx/" -> "/srv/idx"
  return (index.parent_path() / "spool").string();
}

Result<std::pair<std::string, std::uint16_t>> parse_listen(const std::string& listen, const std::string& flag) {
  std::string host;
  std::string port;
  if (!listen.empty() && listen.front() == '[') {
    const auto close = listen.find(']');
    if (close == std::string::npos || close + 1 >= listen.size() || listen[close + 1] != ':') {
      return Status::InvalidArgument(flag + " must be HOST:PORT or [IPv6]:PORT, got '" + listen + "'");
    }
    host = listen.substr(1, close - 1);
    port = listen.substr(close + 2);
  } else {
    const auto colon = listen.rfind(':');
    if (colon == std::string::npos || listen.find(':') != colon) {
      return Status::InvalidArgument(flag + " must be HOST:PORT or [IPv6]:PORT, got '" + listen + "'");
    }
    host = listen.substr(0, colon);
    port = listen.substr(colon + 1);
  }
  if (host.empty()) return Status::InvalidArgument(flag + " needs a host, got '" + listen + "'");
  AYC_ASSIGN_OR_RETURN(auto number, parse_int(port, 0, 65535, flag + " port"));
  return std::make_pair(host, static_cast<std::uint16_t>(number));
}

std::vector<std::string> validate(ServerConfig& config) {
  std::vector<std::string> problems;
  if (config.pg.empty()) problems.push_back("--pg is required (or set AYURVEDACART_PG)");
  if (config.index_dir.empty()) problems.push_back("--index-dir is required (or set AYURVEDACART_INDEX_DIR)");
  auto listen = parse_listen(config.listen);
  if (listen.ok()) {
    config.listen_host = listen->first;
    config.listen_port = listen->second;
  } else {
    problems.push_back(listen.status().message());
  }
  if (auto format = log::parse_format(config.log_format); format.ok()) {
    config.log_format_value = *format;
  } else {
    problems.push_back(format.status().message());
  }
  if (auto proxies = http::TrustedProxies::parse(config.trusted_proxies); proxies.ok()) {
    config.trusted_proxy_ranges = std::move(*proxies);
  } else {
    problems.push_back("--trusted-proxies: " + proxies.status().message());
  }
  if (auto cors = http::CorsPolicy::parse(config.cors_origins); cors.ok()) {
    config.cors_policy = std::move(*cors);
  } else {
    problems.push_back("--cors-origins: " + cors.status().message());
  }
  if (!config.admin_listen.empty()) {
    auto admin = parse_listen(config.admin_listen, "--admin-listen");
    if (admin.ok()) {
      config.admin_host = admin->first;
      config.admin_port = admin->second;
      if (admin->second != 0 && admin->second == config.listen_port && admin->first == config.listen_host) {
        problems.push_back("--admin-listen must differ from --listen");
      }
    } else {
      problems.push_back(admin.status().message());
    }
  }
  return problems;
}

Result<LoadedConfig> load_config(int argc, const char* const* argv) {
  LoadedConfig out;
  FlagSet flags("ayurvedacart-server", "Serves product search, autocomplete and recommendations over HTTP.");
  add_flags(flags, out.config);
  flags.add_bool("index-format", "", "Print the index format version this server reads, then exit",
                 &out.print_index_format);
  Status parsed = flags.parse(argc, argv);
  out.help_requested = flags.help_requested();
  out.usage = flags.usage();
  if (out.help_requested || (parsed.ok() && out.print_index_format)) return out;
  std::vector<std::string> problems;
  if (!parsed.ok()) problems.push_back(parsed.message());
  for (auto& p : validate(out.config)) problems.push_back(std::move(p));
  if (problems.empty()) return out;
  std::string joined;
  for (const auto& p : problems) joined += (joined.empty() ? "" : "; ") + p;
  return Status::InvalidArgument(joined);
}

}  // namespace ayc::server
