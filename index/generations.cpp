#include "index/generations.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

namespace ayc::index {

namespace fs = std::filesystem;

namespace {

constexpr const char* kPrefix = "gen-";

bool is_generation_name(const std::string& name) {
  if (name.rfind(kPrefix, 0) != 0 || name.size() != 10) return false;
  for (std::size_t i = 4; i < name.size(); ++i)
    if (name[i] < '0' || name[i] > '9') return false;
  return true;
}

}  // namespace

Status fsync_path(const fs::path& p, bool directory) {
  int fd = ::open(p.c_str(), directory ? O_RDONLY | O_DIRECTORY : O_RDONLY);
  if (fd < 0) return Status::Unavailable("open " + p.string() + ": " + std::strerror(errno));
  int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return Status::Unavailable("fsync " + p.string() + ": " + std::strerror(errno));
  return Status::Ok();
}

Status write_file_durably(const fs::path& path, const std::string& content) {
  fs::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << content;
    out.flush();
    if (!out) return Status::Unavailable("cannot write " + tmp.string());
  }
  AYC_RETURN_IF_ERROR(fsync_path(tmp, false));
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) return Status::Unavailable("rename " + tmp.string() + ": " + ec.message());
  return fsync_path(path.parent_path(), true);
}

std::string Manifest::get(const std::string& key) const {
  auto it = fields.find(key);
  return it == fields.end() ? std::string() : it->second;
}

Status write_manifest(const fs::path& dir, const Manifest& m) {
  std::ostringstream out;
  for (const auto& [k, v] : m.fields) out << k << "=" << v << "\n";
  return write_file_durably(dir / kManifestFile, out.str());
}

Result<Manifest> read_manifest(const fs::path& dir) {
  std::ifstream in(dir / kManifestFile);
  if (!in) return Status::NotFound("no " + std::string(kManifestFile) + " in " + dir.string());
  Manifest m;
  std::string line;
  while (std::getline(in, line)) {
    auto eq = line.find('=');
    if (eq != std::string::npos) m.fields[line.substr(0, eq)] = line.substr(eq + 1);
  }
  return m;
}

Status Generations::ensure_root() const {
  std::error_code ec;
  fs::create_directories(root_, ec);
  if (ec) return Status::Unavailable("cannot create index dir " + root_.string() + ": " + ec.message());
  return Status::Ok();
}

Result<std::optional<std::string>> Generations::current() const {
  std::ifstream in(root_ / "CURRENT");
  if (!in) return std::optional<std::string>();
  std::string name;
  std::getline(in, name);
  if (!is_generation_name(name)) {
    return Status::DataLoss("CURRENT in " + root_.string() + " names no generation ('" + name + "')");
  }
  if (!fs::is_directory(path_of(name))) {
    return Status::DataLoss("CURRENT names " + name + ", which is missing from " + root_.string());
  }
  return std::optional<std::string>(name);
}

std::string Generations::next_name() const {
  long highest = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(root_, ec)) {
    std::string name = entry.path().filename().string();
    if (name.size() > 4 && name.compare(name.size() - 4, 4, ".tmp") == 0) name.resize(name.size() - 4);
    if (is_generation_name(name)) highest = std::max(highest, std::stol(name.substr(4)));
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "gen-%06ld", highest + 1);
  return buf;
}

fs::path Generations::staging_path(const std::string& name) const { return root_ / (name + ".tmp"); }

Status Generations::publish(const std::string& name) const {
  std::error_code ec;
  fs::rename(staging_path(name), path_of(name), ec);
  if (ec) return Status::Unavailable("cannot move " + name + " into place: " + ec.message());
  AYC_RETURN_IF_ERROR(fsync_path(root_, true));
  return write_file_durably(root_ / "CURRENT", name + "\n");
}

Result<int> Generations::cleanup(int keep) const {
  auto cur = current();
  std::string current_name = cur.ok() && cur->has_value() ? **cur : "";
  std::set<std::string> published;
  int removed = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(root_, ec)) {
    std::string name = entry.path().filename().string();
    bool staging = name.size() > 4 && name.compare(name.size() - 4, 4, ".tmp") == 0;
    if (staging && entry.is_directory()) {
      fs::remove_all(entry.path(), ec);
      ++removed;
    } else if (is_generation_name(name) && entry.is_directory()) {
      published.insert(name);
    }
  }
  int kept = 0;
  for (auto it = published.rbegin(); it != published.rend(); ++it) {
    if (*it == current_name || kept < keep) {
      ++kept;
      continue;
    }
    fs::remove_all(path_of(*it), ec);
    ++removed;
  }
  return removed;
}

Result<RunLock> RunLock::acquire(const fs::path& root) {
  fs::path p = root / "LOCK";
  int fd = ::open(p.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return Status::Unavailable("cannot open " + p.string() + ": " + std::strerror(errno));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return Status::AlreadyExists("another indexer run holds " + p.string() +
                                 "; wait for it to finish (runs never overlap)");
  }
  return RunLock(fd);
}

RunLock::~RunLock() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace ayc::index
