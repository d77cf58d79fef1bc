#include "tests/server/e2e/server_process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include <catch2/catch.hpp>

extern char** environ;

namespace ayc::e2e {

namespace {

constexpr const char* kListening = "listening on 127.0.0.1:";

std::optional<std::uint16_t> port_in_log(const std::string& log) {
  const auto at = log.find(kListening);
  if (at == std::string::npos) return std::nullopt;
  const char* digits = log.c_str() + at + std::strlen(kListening);
  char* end = nullptr;
  const long port = std::strtol(digits, &end, 10);
  if (end == digits || *end != ',' || port <= 0 || port > 65535) return std::nullopt;
  return static_cast<std::uint16_t>(port);
}

}  // namespace

std::string bin_path(const std::string& name) {
  const char* dir = std::getenv("AYC_BIN_DIR");
  if (dir == nullptr || *dir == '\0') {
    FAIL("AYC_BIN_DIR is not set: point it at the build's bin/ folder (scripts/test.sh does)");
  }
  return std::string(dir) + "/" + name;
}

ServerProcess::ServerProcess(const ServerArgs& args, std::filesystem::path log_file)
    : log_file_(std::move(log_file)) {
  const std::string exe = bin_path("ayurvedacart-server");
  std::vector<std::string> argv_text = {exe,          "--pg",        args.pg,         "--index-dir",
                                        args.index_dir, "--spool-dir", args.spool_dir, "--listen",
                                        "127.0.0.1:0"};
  argv_text.insert(argv_text.end(), args.extra.begin(), args.extra.end());
  std::vector<char*> argv;
  for (auto& a : argv_text) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t files;
  posix_spawn_file_actions_init(&files);
  posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, log_file_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&files, STDOUT_FILENO, STDERR_FILENO);
  posix_spawn_file_actions_addopen(&files, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none;
  sigemptyset(&none);
  sigset_t defaults;
  sigemptyset(&defaults);
  for (int s : {SIGTERM, SIGINT, SIGHUP, SIGPIPE}) sigaddset(&defaults, s);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  const int rc = ::posix_spawn(&pid_, exe.c_str(), &files, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&files);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) {
    pid_ = -1;
    FAIL("cannot start " << exe << ": " << std::strerror(rc));
  }

  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    if (auto port = port_in_log(log())) {
      port_ = *port;
      return;
    }
    if (!running()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  // A throwing constructor runs no destructor: reap the child here.
  if (!reaped_) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, &wait_status_, 0);
    reaped_ = true;
  }
  const std::string text = log();
  FAIL("ayurvedacart-server did not start listening; its log:\n" << text);
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0 && !reaped_) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, &wait_status_, 0);
    reaped_ = true;
  }
}

void ServerProcess::signal(int signal) {
  if (pid_ > 0 && !reaped_) ::kill(pid_, signal);
}

bool ServerProcess::running() {
  if (pid_ <= 0 || reaped_) return false;
  const pid_t r = ::waitpid(pid_, &wait_status_, WNOHANG);
  if (r == pid_) reaped_ = true;
  return !reaped_;
}

std::optional<int> ServerProcess::wait_exit(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (running() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (running()) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, &wait_status_, 0);
    reaped_ = true;
    return std::nullopt;
  }
  if (!reaped_ || !WIFEXITED(wait_status_)) return std::nullopt;
  return WEXITSTATUS(wait_status_);
}

std::optional<int> ServerProcess::terminate(std::chrono::milliseconds timeout) {
  signal(SIGTERM);
  return wait_exit(timeout);
}

std::string ServerProcess::log() const {
  std::ifstream in(log_file_);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace ayc::e2e
