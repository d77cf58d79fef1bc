#include "index/layers.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "index/generations.h"

namespace ayc::index {

namespace fs = std::filesystem;

Result<std::vector<std::uint32_t>> read_superseded(const fs::path& dir) {
  std::vector<std::uint32_t> out;
  const fs::path path = dir / kSupersededFile;
  std::error_code ec;
  if (!fs::exists(path, ec)) return out;
  std::ifstream in(path);
  if (!in) return Status::DataLoss("cannot read " + path.string());
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    char* end = nullptr;
    const unsigned long v = std::strtoul(line.c_str(), &end, 10);
    if (end == line.c_str() || *end != '\0' || v == 0 || v > UINT32_MAX) {
      return Status::DataLoss(path.string() + ": not a docid: " + line);
    }
    out.push_back(static_cast<std::uint32_t>(v));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Status write_superseded(const fs::path& dir, const std::vector<std::uint32_t>& docids) {
  std::ostringstream text;
  for (std::uint32_t d : docids) text << d << '\n';
  return write_file_durably(dir / kSupersededFile, text.str());
}

Status link_tree(const fs::path& from, const fs::path& to, const std::function<bool(const fs::path&)>& link) {
  std::error_code ec;
  fs::create_directories(to, ec);
  if (ec) return Status::Unavailable("creating " + to.string() + ": " + ec.message());
  std::vector<fs::path> to_sync{to};  // copies and directories (a link's data is already on disk)
  for (const auto& entry : fs::recursive_directory_iterator(from, ec)) {
    const fs::path target = to / fs::relative(entry.path(), from);
    if (entry.is_directory()) {
      fs::create_directories(target, ec);
      to_sync.push_back(target);
    } else if (link(entry.path())) {
      fs::create_hard_link(entry.path(), target, ec);
    } else {
      fs::copy_file(entry.path(), target, ec);
      to_sync.push_back(target);
    }
    if (ec) {
      return Status::Unavailable("linking " + entry.path().string() + " to " + target.string() + ": " + ec.message());
    }
  }
  if (ec) return Status::Unavailable("reading " + from.string() + ": " + ec.message());
  // Files first, then the directories naming them.
  std::stable_partition(to_sync.begin(), to_sync.end(), [](const fs::path& p) { return !fs::is_directory(p); });
  for (const auto& p : to_sync) AYC_RETURN_IF_ERROR(fsync_path(p, fs::is_directory(p)));
  return Status::Ok();
}

}  // namespace ayc::index
