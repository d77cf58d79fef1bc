// Index generations on disk and the CURRENT pointer.
//
//   INDEX_DIR/CURRENT            name of the generation being served ("gen-000042\n")
//   INDEX_DIR/LOCK               flock()ed by the one indexer run allowed at a time
//   INDEX_DIR/gen-000042/        xapian/, features/, MANIFEST
//   INDEX_DIR/gen-000043.tmp/    a run in progress (or one that died: removed by the next run)
//
// A run builds in a .tmp directory; publish() renames it into place and then
// replaces CURRENT atomically (write CURRENT.tmp, fsync, rename, fsync dir), so
// a crash at any point leaves CURRENT naming a complete generation.
//
// Thread-safety: one indexer process at a time (enforced by RunLock); readers
// only read CURRENT and published generations, which never change.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "common/status.h"

namespace ayc::index {

inline constexpr const char* kXapianSubdir = "xapian";
inline constexpr const char* kFeaturesSubdir = "features";
inline constexpr const char* kManifestFile = "MANIFEST";

// Key/value facts about a generation, stored as "key=value" lines.
struct Manifest {
  std::map<std::string, std::string> fields;
  std::string get(const std::string& key) const;
};
Status write_manifest(const std::filesystem::path& dir, const Manifest& m);

// fsync() of a file or a directory.
Status fsync_path(const std::filesystem::path& p, bool directory);
// Writes `content` to `path` through a temporary file, fsynced and renamed
// into place, then fsyncs the directory.
Status write_file_durably(const std::filesystem::path& path, const std::string& content);
Result<Manifest> read_manifest(const std::filesystem::path& dir);

class Generations {
 public:
  explicit Generations(std::filesystem::path root) : root_(std::move(root)) {}

  const std::filesystem::path& root() const { return root_; }
  Status ensure_root() const;
  // The served generation's name, or nullopt when none was published yet.
  Result<std::optional<std::string>> current() const;
  std::filesystem::path path_of(const std::string& name) const { return root_ / name; }
  // A fresh name, later than every existing generation.
  std::string next_name() const;
  std::filesystem::path staging_path(const std::string& name) const;
  // Moves the staging directory into place and points CURRENT at it.
  Status publish(const std::string& name) const;
  // Removes leftover .tmp directories and all but the `keep` newest
  // published generations (never the current one). Returns how many went.
  Result<int> cleanup(int keep) const;

 private:
  std::filesystem::path root_;
};

// An exclusive, non-blocking lock on INDEX_DIR/LOCK, released when the object
// dies or the process does (even by SIGKILL).
class RunLock {
 public:
  static Result<RunLock> acquire(const std::filesystem::path& root);
  RunLock(RunLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  RunLock& operator=(RunLock&&) = delete;
  ~RunLock();

 private:
  explicit RunLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace ayc::index
