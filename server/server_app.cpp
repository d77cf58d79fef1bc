#include "server/server_app.h"

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "server/http/static_files.h"
#include "server/search_log/spool.h"
#include "server/search_log/store.h"

namespace ayc::server {

namespace {
search::SnapshotOptions snapshot_options(const ServerConfig& config) {
  search::SnapshotOptions o;
  o.caches.postings_cache_bytes = static_cast<std::size_t>(config.postings_cache_mb) << 20;
  o.caches.engine_cache_bytes = static_cast<std::size_t>(config.engine_cache_mb) << 20;
  o.warm_words = static_cast<std::size_t>(config.warm_words);
  o.exact_facet_hits = static_cast<std::size_t>(config.exact_facet_hits);
  return o;
}

http::HttpServerOptions http_options(const ServerConfig& c, const log::Logger& logger) {
  http::HttpServerOptions o;
  o.host = c.listen_host;
  o.port = c.listen_port;
  o.threads = static_cast<std::size_t>(c.threads);
  o.max_connections = static_cast<std::size_t>(c.max_connections);
  o.max_connections_per_client = static_cast<std::size_t>(c.max_connections_per_client);
  o.trusted_proxies = c.trusted_proxy_ranges;
  o.first_byte_timeout = std::chrono::milliseconds(c.first_byte_timeout_ms);
  o.read_timeout = std::chrono::milliseconds(c.read_timeout_ms);
  o.max_header_bytes = static_cast<std::size_t>(c.max_header_bytes);
  o.max_body_bytes = static_cast<std::size_t>(c.max_body_bytes);
  o.pipeline_limit = static_cast<std::size_t>(c.pipeline_limit);
  o.logger = logger;
  return o;
}

// Whether a server should be sent traffic (GET /readyz).
Status readiness(const ServerConfig& config, const metrics::IndexMetrics& index, bool draining) {
  if (draining) return Status::Unavailable("draining: the server is shutting down");
  if (!index.loaded()) return Status::Unavailable("no index generation is loaded yet");
  if (config.max_index_age_s > 0) {
    const auto age = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now() - index.built_at());
    if (age.count() > config.max_index_age_s) {
      return Status::Unavailable("the served index generation was built " + std::to_string(age.count()) +
                                 " s ago, more than --max-index-age " + std::to_string(config.max_index_age_s) +
                                 " s: is the indexer running?");
    }
  }
  return Status::Ok();
}

// Each connection is a file descriptor; the usual soft limit (1024) is below
// the default --max-connections, so raise it as far as the hard limit allows.
void raise_fd_limit(std::int64_t max_connections, const log::Logger& logger) {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) return;
  const rlim_t wanted = static_cast<rlim_t>(max_connections) + 256;  // PostgreSQL, spool, logs
  if (limit.rlim_cur < wanted && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = std::min(wanted, limit.rlim_max);
    ::setrlimit(RLIMIT_NOFILE, &limit);
  }
  if (limit.rlim_cur < wanted) {
    logger.warning("open file limit " + std::to_string(limit.rlim_cur) + " is below --max-connections " +
                   std::to_string(max_connections) + " + 256; raise it (ulimit -n) or lower --max-connections");
  }
}

}  // namespace

Result<std::unique_ptr<ServerApp>> ServerApp::start(const ServerConfig& config, const log::Logger& logger) {
  raise_fd_limit(config.max_connections, logger);
  std::unique_ptr<ServerApp> app(new ServerApp(config, logger));
  if (!config.access_log.empty()) {
    AYC_ASSIGN_OR_RETURN(auto log, http::AccessLog::open(config.access_log, app->metrics_.access_log_dropped(),
                                                         config.log_format_value));
    app->access_log_ = std::move(log);
  }
  ServerApp* self = app.get();
  auto http = http::HttpServer::create(
      http_options(config, logger), [self](http::HttpRequest req) { return self->router_.handle(std::move(req)); },
      app->metrics_.http(), app->access_log_.get());
  if (!http.ok()) return http.status();
  app->http_ = std::move(*http);
  AYC_ASSIGN_OR_RETURN(auto spool, search_log::SearchLogSpool::open(config.spool_path(),
                                                                     static_cast<std::size_t>(config.spool_max_mb) << 20));

  search_log::SearchLogWriter::Options log_options;
  log_options.queue_capacity = static_cast<std::size_t>(config.log_queue_size);
  log_options.queue_max_bytes = static_cast<std::size_t>(config.log_queue_mb) << 20;
  log_options.logger = logger;
  app->search_log_ = std::make_unique<search_log::SearchLogWriter>(log_options, search_log::make_pg_search_log_store(config.pg),
                                                       std::move(spool), app->metrics_.search_log());
  app->search_log_->start();

  app->index_ = std::make_unique<search::SnapshotHolder>(
      config.index_dir, [metrics = &app->metrics_, logger](const search::IndexSnapshot& snap, const search::WarmStats& warmed) {
        std::uint64_t number = std::strtoull(snap.generation().c_str() + std::min<std::size_t>(4, snap.generation().size()), nullptr, 10);
        metrics->index().set_generation(number == 0 ? 1 : number,
                                        std::chrono::system_clock::time_point(std::chrono::seconds(snap.built_at())));
        char notes[160];
        std::snprintf(notes, sizeof notes, "; loaded in %.2f s", snap.load_seconds());
        std::string note = notes;
        if (!snap.extended().empty()) note += " over what " + snap.extended() + " built from the same base";
        if (warmed.searches > 0) {
          std::snprintf(notes, sizeof notes, "; warmed by %zu one-word searches in %.1f s%s", warmed.searches,
                        warmed.seconds, warmed.out_of_time ? ", more while it serves" : "");
          note += notes;
        }
        logger.info("serving index generation " + snap.generation() + " (" + std::to_string(snap.document_count()) +
                    " searchable products" + note + ")");
      },
      snapshot_options(config), logger.with_component("index"));
  if (Status loaded = app->index_->reload(); !loaded.ok()) {
    logger.warning(loaded.message() + "; /readyz answers 503 until a generation appears");
  }
  app->index_->start_watching(std::chrono::milliseconds(config.reload_interval_ms));

  api::AppServices services;
  services.index = app->index_.get();
  app->answers_ = std::make_unique<api::AnswerCache>(static_cast<std::size_t>(config.response_cache_entries),
                                                     static_cast<std::size_t>(config.response_cache_mb) << 20);
  services.answers = app->answers_.get();
  services.metrics = &app->metrics_;
  services.search_log = app->search_log_.get();
  services.readiness = [self] { return readiness(self->config_, self->metrics_.index(), self->draining_.load()); };
  app->router_.set_cors(config.cors_policy);  // the storefront's listener; not the admin one
  if (!config.web_root.empty()) {
    AYC_ASSIGN_OR_RETURN(auto files, http::StaticFiles::open(config.web_root));
    auto shared = std::make_shared<const http::StaticFiles>(std::move(files));
    app->router_.add_prefix("web", [shared](const http::HttpRequest&, const http::PathParams& p) {
      return shared->serve(p.get("path"));
    });
    app->router_.add("GET", "/", [](const http::HttpRequest&, const http::PathParams&) -> Result<http::HttpResponse> {
      http::HttpResponse moved = http::HttpResponse::no_content();
      moved.status = 302;
      moved.headers.emplace_back("Location", "/web/");
      return moved;
    });
  }
  if (config.admin_listen.empty()) {
    api::register_routes(app->router_, services, api::Listener::kAll);
  } else {
    api::register_routes(app->router_, services, api::Listener::kPublic);
    app->admin_router_ = std::make_unique<http::Router>(&app->metrics_, logger);
    api::register_routes(*app->admin_router_, services, api::Listener::kAdmin);
    http::HttpServerOptions admin = http_options(config, logger);
    admin.host = config.admin_host;
    admin.port = config.admin_port;
    admin.threads = 1;
    admin.max_connections = 64;
    http::Router* admin_router = app->admin_router_.get();
    AYC_ASSIGN_OR_RETURN(auto admin_http,
                         http::HttpServer::create(admin, [admin_router](http::HttpRequest req) {
                           return admin_router->handle(std::move(req));
                         }, app->metrics_.http(), nullptr));
    app->admin_http_ = std::move(admin_http);
    app->admin_http_->start();
  }

  app->http_->start();
  return app;
}

ServerApp::~ServerApp() { stop(); }

void ServerApp::reload_index() {
  if (!index_) return;
  if (Status s = index_->reload(); !s.ok()) logger_.warning("SIGHUP: index not reloaded: " + s.message());
}

void ServerApp::begin_drain() {
  if (draining_.exchange(true)) return;
  logger_.info("draining: /readyz answers 503" +
               (config_.drain_ms > 0 ? ", serving on for " + std::to_string(config_.drain_ms) + " ms" : std::string()));
}

void ServerApp::stop() {
  if (stopped_) return;
  stopped_ = true;
  draining_ = true;
  if (index_) index_->stop_watching();
  const auto started = std::chrono::steady_clock::now();
  const auto grace = std::chrono::milliseconds(config_.shutdown_grace_ms);
  if (http_) http_->stop(grace);
  if (admin_http_) admin_http_->stop(std::chrono::milliseconds(0));
  if (search_log_) {
    const auto deadline = std::max(started + grace, std::chrono::steady_clock::now() + std::chrono::seconds(1));
    search_log_->shutdown(deadline);
  }
}

}  // namespace ayc::server
