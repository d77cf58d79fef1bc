// Files under a directory served over HTTP (--web-root: the demo storefront
// of web/, so one process serves both the page and its API).
//
// Safe by construction: a request names a file by path segments, each a
// plain name (no "." or "..", no '/', '\' or NUL, not empty but for a
// trailing "/", which means index.html), and the file found must still lie
// inside the root once symbolic links are resolved; anything else is 404,
// as is a file over 16 MiB or anything not a regular file. Content types
// come from the extension (text types in UTF-8); HTML is revalidated on
// every load, other files may be cached for 5 minutes.
//
// Thread-safety: const after open(); serve() reads files, any thread.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "common/status.h"
#include "server/http/http_message.h"

namespace ayc::http {

class StaticFiles {
 public:
  // FailedPrecondition when `root` is not a readable directory.
  static Result<StaticFiles> open(const std::filesystem::path& root);

  // `relative` is the request path below the mount ("search.html",
  // "js/app.mjs", "" or "css/" for an index.html); NotFound when it names
  // nothing servable.
  Result<HttpResponse> serve(std::string_view relative) const;

  const std::filesystem::path& root() const { return root_; }

 private:
  explicit StaticFiles(std::filesystem::path root) : root_(std::move(root)) {}
  std::filesystem::path root_;  // canonical
};

// "text/html; charset=utf-8" for ".html", ...; "application/octet-stream" when unknown.
std::string content_type_for(std::string_view extension);

}  // namespace ayc::http
