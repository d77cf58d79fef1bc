// ayurvedacart-server: parse the configuration, start, wait for SIGTERM or
// SIGINT, shut down gracefully, exit 0.
#include <csignal>
#include <iostream>

#include <pthread.h>

#include "common/allocator.h"
#include "common/log.h"
#include "index/index_schema.h"
#include "server/config.h"
#include "server/server_app.h"

int main(int argc, char** argv) {
  ayc::keep_freed_memory();  // before any thread starts
  // Block the shutdown signals before any thread starts, so every thread
  // inherits the mask and main() alone receives them, in sigwait().
  sigset_t shutdown_signals;
  sigemptyset(&shutdown_signals);
  sigaddset(&shutdown_signals, SIGINT);
  sigaddset(&shutdown_signals, SIGTERM);
  sigaddset(&shutdown_signals, SIGHUP);  // not shutdown: look for a new index generation now
  pthread_sigmask(SIG_BLOCK, &shutdown_signals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);

  auto loaded = ayc::server::load_config(argc, argv);
  if (!loaded.ok()) {
    std::cerr << "ayurvedacart-server: " << loaded.status().message() << " (see --help)\n";
    return 2;
  }
  if (loaded->help_requested) {
    std::cout << loaded->usage;
    return 0;
  }
  if (loaded->print_index_format) {
    std::cout << ayc::index::kIndexFormatVersion << "\n";
    return 0;
  }
  const ayc::server::ServerConfig& config = loaded->config;
  const ayc::log::Logger logger(ayc::log::stderr_sink("ayurvedacart-server", config.log_format_value));
  auto app = ayc::server::ServerApp::start(config, logger);
  if (!app.ok()) {
    std::cerr << "ayurvedacart-server: " << app.status().message() << "\n";
    return 1;
  }
  logger.info("listening on " + config.listen_host + ":" + std::to_string((*app)->port()) +
              ", search log spool in " + config.spool_path());
  if ((*app)->admin_port() != 0) {
    logger.info("admin endpoints (/metrics, /healthz, /readyz) on " + config.admin_host + ":" +
                std::to_string((*app)->admin_port()));
  }
  int signal = 0;
  while (sigwait(&shutdown_signals, &signal) == 0 && signal == SIGHUP) (*app)->reload_index();
  logger.info(std::string(signal == SIGTERM ? "SIGTERM" : "SIGINT") + ": shutting down");
  (*app)->begin_drain();
  if (config.drain_ms > 0) {
    // Serve on while the load balancer notices /readyz; a second signal ends the wait.
    sigset_t stop_now;
    sigemptyset(&stop_now);
    sigaddset(&stop_now, SIGINT);
    sigaddset(&stop_now, SIGTERM);
    const timespec wait{static_cast<time_t>(config.drain_ms / 1000), static_cast<long>(config.drain_ms % 1000) * 1'000'000};
    sigtimedwait(&stop_now, nullptr, &wait);
  }
  (*app)->stop();
  logger.info("stopped");
  return 0;
}
