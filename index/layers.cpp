#include "index/layers.h"

#include <algorithm>
#include <fstream>
#include <sstream>

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
  const fs::path path = dir / kSupersededFile;
  std::ostringstream text;
  for (std::uint32_t d : docids) text << d << '\n';
  std::ofstream out(path, std::ios::trunc);
  out << text.str();
  out.flush();
  if (!out) return Status::Unavailable("cannot write " + path.string());
  return Status::Ok();
}

Status link_tree(const fs::path& from, const fs::path& to, const std::function<bool(const fs::path&)>& link) {
  std::error_code ec;
  fs::create_directories(to, ec);
  if (ec) return Status::Unavailable("creating " + to.string() + ": " + ec.message());
  for (const auto& entry : fs::recursive_directory_iterator(from, ec)) {
    const fs::path target = to / fs::relative(entry.path(), from);
    if (entry.is_directory()) {
      fs::create_directories(target, ec);
    } else if (link(entry.path())) {
      fs::create_hard_link(entry.path(), target, ec);
    } else {
      fs::copy_file(entry.path(), target, ec);
    }
    if (ec) return Status::Unavailable("linking " + entry.path().string() + " to " + target.string() + ": " + ec.message());
  }
  if (ec) return Status::Unavailable("reading " + from.string() + ": " + ec.message());
  return Status::Ok();
}

}  // namespace ayc::index
