// The real ayurvedacart-server executable as a child process, for end-to-end
// tests: started from $AYC_BIN_DIR on 127.0.0.1 with port 0 (the server picks
// a free port and names it in its "listening on" line, which start() waits
// for), stdout and stderr captured in a log file.
//
// The object owns the child: its destructor SIGKILLs and reaps a child that is
// still running, so a failing test never leaves a server behind.
//
// Thread-safety: one owner thread; pid() and port() may be read from any.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ayc::e2e {

struct ServerArgs {
  std::string pg;                        // --pg
  std::string index_dir;                 // --index-dir
  std::string spool_dir;                 // --spool-dir (always given: one server per spool)
  std::vector<std::string> extra;        // more flags, e.g. {"--read-timeout-ms", "1000"}
};

class ServerProcess {
 public:
  // Starts the server and waits (up to 30 s) until it listens; REQUIREs
  // success and shows the server's log when it fails. `log_file` receives
  // the child's stdout and stderr.
  ServerProcess(const ServerArgs& args, std::filesystem::path log_file);
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  std::uint16_t port() const { return port_; }
  pid_t pid() const { return pid_; }

  // Sends `signal` to the child (no-op once it has been reaped).
  void signal(int signal);
  // SIGTERM, then waits for the exit. The exit code, or nullopt when the
  // child did not exit within `timeout` (then it is SIGKILLed) or died of a
  // signal.
  std::optional<int> terminate(std::chrono::milliseconds timeout = std::chrono::seconds(30));
  // Waits for the child to exit on its own; as terminate() without a signal.
  std::optional<int> wait_exit(std::chrono::milliseconds timeout);
  bool running();
  // Everything the server wrote to stdout/stderr so far.
  std::string log() const;

 private:
  std::filesystem::path log_file_;
  pid_t pid_ = -1;
  bool reaped_ = false;
  int wait_status_ = 0;
  std::uint16_t port_ = 0;
};

// $AYC_BIN_DIR/<name>; FAILs when AYC_BIN_DIR is unset.
std::string bin_path(const std::string& name);

}  // namespace ayc::e2e
