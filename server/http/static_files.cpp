#include "server/http/static_files.h"

#include <fstream>
#include <iterator>

namespace ayc::http {

namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t kMaxFileBytes = 16u << 20;

bool plain_name(std::string_view part) {
  if (part.empty() || part == "." || part == "..") return false;
  return part.find_first_of(std::string_view("/\\\0", 3)) == std::string_view::npos;
}

bool inside(const fs::path& root, const fs::path& p) {
  auto r = root.begin();
  auto q = p.begin();
  for (; r != root.end(); ++r, ++q) {
    if (q == p.end() || *r != *q) return false;
  }
  return true;
}

}  // namespace

std::string content_type_for(std::string_view ext) {
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},       {".htm", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},   {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},         {".json", "application/json; charset=utf-8"},
      {".map", "application/json; charset=utf-8"}, {".txt", "text/plain; charset=utf-8"},
      {".svg", "image/svg+xml"},                   {".png", "image/png"},
      {".jpg", "image/jpeg"},                      {".jpeg", "image/jpeg"},
      {".webp", "image/webp"},                     {".gif", "image/gif"},
      {".ico", "image/x-icon"},                    {".woff2", "font/woff2"},
      {".woff", "font/woff"}};
  for (const auto& [e, type] : kTypes)
    if (e == ext) return std::string(type);
  return "application/octet-stream";
}

Result<StaticFiles> StaticFiles::open(const fs::path& root) {
  std::error_code ec;
  const fs::path canonical = fs::canonical(root, ec);
  if (ec || !fs::is_directory(canonical, ec)) {
    return Status::FailedPrecondition("--web-root " + root.string() + " is not a directory");
  }
  return StaticFiles(canonical);
}

Result<HttpResponse> StaticFiles::serve(std::string_view relative) const {
  const Status missing = Status::NotFound("no file " + std::string(relative.substr(0, 200)));
  fs::path p = root_;
  std::string_view rest = relative;
  while (!rest.empty()) {
    const auto slash = rest.find('/');
    const std::string_view part = rest.substr(0, slash);
    if (slash == std::string_view::npos) {
      if (!plain_name(part)) return missing;
      p /= std::string(part);
      break;
    }
    if (!plain_name(part)) return missing;
    p /= std::string(part);
    rest.remove_prefix(slash + 1);
    if (rest.empty()) p /= "index.html";  // "dir/"
  }
  if (relative.empty()) p /= "index.html";
  std::error_code ec;
  fs::path real = fs::canonical(p, ec);
  if (!ec && fs::is_directory(real, ec)) real = fs::canonical(real / "index.html", ec);
  if (ec || !inside(root_, real) || !fs::is_regular_file(real, ec)) return missing;
  const auto size = fs::file_size(real, ec);
  if (ec || size > kMaxFileBytes) return missing;
  std::ifstream in(real, std::ios::binary);
  if (!in) return missing;
  std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string ext = real.extension().string();
  HttpResponse resp = HttpResponse::text(200, content_type_for(ext), std::move(body));
  resp.headers.emplace_back("Cache-Control", ext == ".html" || ext == ".htm" ? "no-cache" : "public, max-age=300");
  return resp;
}

}  // namespace ayc::http
