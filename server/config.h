// The configuration of ayurvedacart-server: one struct, filled from defaults,
// then the environment, then flags, and validated once with every problem
// reported together.
//
// Thread-safety: load_config() from main() before threads start; the struct
// is a plain value afterwards.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/log.h"
#include "common/status.h"
#include "server/http/client_address.h"
#include "server/http/cors.h"

namespace ayc::server {

struct ServerConfig {
  std::string pg;                          // --pg, AYURVEDACART_PG (required; may be unreachable)
  std::string index_dir;                   // --index-dir, AYURVEDACART_INDEX_DIR (required)
  std::string listen = "127.0.0.1:8080";   // --listen HOST:PORT, AYURVEDACART_LISTEN; [v6]:port too
  std::string admin_listen;                // --admin-listen: /metrics (+ /healthz, /readyz) there only; empty: off
  std::int64_t threads = 0;                // 0: one per core
  std::int64_t max_connections = 4096;
  std::int64_t max_connections_per_client = 128;  // per client address; 0: no limit
  std::string trusted_proxies;             // comma list of addresses/CIDRs (the load balancer)
  std::string cors_origins;                // browser origins that may read answers: comma list, or *
  std::string web_root;                    // static files served under /web/ (the demo storefront); off when empty
  std::int64_t first_byte_timeout_ms = 5'000;
  std::int64_t read_timeout_ms = 10'000;
  std::int64_t max_header_bytes = 8 * 1024;
  std::int64_t max_body_bytes = 64 * 1024;
  std::int64_t pipeline_limit = 16;
  std::int64_t shutdown_grace_ms = 10'000;
  std::int64_t drain_ms = 0;               // after SIGTERM: /readyz 503, still serving, this long
  std::int64_t max_index_age_s = 0;        // /readyz 503 when the served generation is older (0: no limit)
  std::int64_t log_queue_size = 100'000;
  std::int64_t log_queue_mb = 64;          // and at most this many MB of rows in memory
  std::string spool_dir;                   // empty: <index-dir>/../spool (see spool_path())
  std::int64_t spool_max_mb = 1024;        // the spool directory's files at most
  std::string access_log;                  // empty: off; "-": stdout; else a file appended to
  std::string log_format = "text";         // text | json: log lines on stderr and access log lines
  std::int64_t reload_interval_ms = 250;   // how often to look for a new index generation (a read of CURRENT)
  std::int64_t postings_cache_mb = 0;      // in-memory posting lists per served generation (0: by its size)
  std::int64_t response_cache_entries = 32'768;  // rendered pure answers per served generation
  std::int64_t response_cache_mb = 64;     // and at most this many MB of them
  std::int64_t engine_cache_mb = 256;      // the engine's caches besides postings, per served generation
  std::int64_t exact_facet_hits = 50'000;  // facet counts exact up to this many hits, sampled above
  std::int64_t warm_words = 5'000;         // one-word searches warming a generation before it serves

  // Filled by validation from `listen`, `admin_listen`, `log_format`,
  // `trusted_proxies` and `cors_origins`.
  std::string listen_host;
  std::uint16_t listen_port = 0;
  std::string admin_host;
  std::uint16_t admin_port = 0;
  log::Format log_format_value = log::Format::kText;
  http::TrustedProxies trusted_proxy_ranges;
  http::CorsPolicy cors_policy;

  // The spool directory in use: --spool-dir, else "spool" next to the index dir.
  std::string spool_path() const;
};

struct LoadedConfig {
  ServerConfig config;
  bool help_requested = false;
  // --index-format: print the index format this build reads and exit (what a
  // replica's generation receiver asks for; deploy/README.md).
  bool print_index_format = false;
  std::string usage;
};

// Applies defaults, environment and argv; InvalidArgument listing every
// problem ("--threads must be ...; --pg is required ...").
Result<LoadedConfig> load_config(int argc, const char* const* argv);

// The checks load_config() runs after parsing; fills listen_host/listen_port.
std::vector<std::string> validate(ServerConfig& config);

// "HOST:PORT" or "[IPv6]:PORT" -> host, port.
Result<std::pair<std::string, std::uint16_t>> parse_listen(const std::string& listen,
                                                          const std::string& flag = "--listen");

}  // namespace ayc::server
