#include "server/http/static_files.h"

#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "server/http/router.h"
#include "tests/support/temp_dir.h"

namespace ayc::http {
namespace {

namespace fs = std::filesystem;

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p) << text;
}

std::string header(const HttpResponse& r, const std::string& name) {
  for (const auto& [k, v] : r.headers)
    if (k == name) return v;
  return "";
}

struct Site {
  testing::TempDir dir;
  fs::path root = dir.path() / "web";
  Site() {
    write(root / "index.html", "<h1>home</h1>");
    write(root / "js" / "app.mjs", "export const x = 1;");
    write(root / "css" / "index.html", "css index");
    write(root / "logo.svg", "<svg/>");
    write(root / "data.bin", "xx");
    write(dir.path() / "secret.txt", "not for the web");
    fs::create_symlink(dir.path() / "secret.txt", root / "link.txt");
  }
};

TEST_CASE("static files: a file under the root with its content type, index.html for a directory") {
  Site site;
  auto files = StaticFiles::open(site.root).value();
  auto js = files.serve("js/app.mjs").value();
  CHECK(js.status == 200);
  CHECK(js.body == "export const x = 1;");
  CHECK(js.content_type == "text/javascript; charset=utf-8");
  CHECK(header(js, "Cache-Control") == "public, max-age=300");
  auto home = files.serve("").value();
  CHECK(home.body == "<h1>home</h1>");
  CHECK(home.content_type == "text/html; charset=utf-8");
  CHECK(header(home, "Cache-Control") == "no-cache");
  CHECK(files.serve("css/").value().body == "css index");
  CHECK(files.serve("css").value().body == "css index");
  CHECK(files.serve("logo.svg").value().content_type == "image/svg+xml");
  CHECK(files.serve("data.bin").value().content_type == "application/octet-stream");
}

TEST_CASE("static files: nothing outside the root, whatever the path says") {
  Site site;
  auto files = StaticFiles::open(site.root).value();
  for (const char* path : {"../secret.txt", "js/../../secret.txt", "./index.html", "js//app.mjs", "link.txt",
                           "missing.html", "js\\app.mjs", "/etc/passwd"}) {
    INFO(path);
    auto r = files.serve(path);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == StatusCode::kNotFound);
  }
  CHECK_FALSE(files.serve(std::string_view("index.html\0.png", 15)).ok());
  CHECK(StaticFiles::open(site.dir.path() / "nowhere").status().code() == StatusCode::kFailedPrecondition);
}

TEST_CASE("static files through the router: /web/..., encoded dots and slashes do not escape") {
  Site site;
  auto files = std::make_shared<const StaticFiles>(StaticFiles::open(site.root).value());
  Router router;
  router.add("GET", "/search", [](const HttpRequest&, const PathParams&) -> Result<HttpResponse> {
    return HttpResponse::json(200, "{}");
  });
  router.add_prefix("web", [files](const HttpRequest&, const PathParams& p) { return files->serve(p.get("path")); });
  CHECK(router.handle(make_request("GET", "/web/js/app.mjs")).status == 200);
  CHECK(router.handle(make_request("HEAD", "/web/js/app.mjs")).status == 200);
  CHECK(router.handle(make_request("GET", "/web/")).body == "<h1>home</h1>");
  CHECK(router.handle(make_request("GET", "/search")).status == 200);
  for (const char* target : {"/web/%2e%2e/secret.txt", "/web/js%2F..%2F..%2Fsecret.txt", "/web/..%5Csecret.txt",
                             "/web/index.html%00.png", "/web/../secret.txt"}) {
    INFO(target);
    const int status = router.handle(make_request("GET", target)).status;
    CHECK((status == 404 || status == 400));  // refused (a NUL byte already by the target parser), never served
  }
  CHECK(router.handle(make_request("POST", "/web/index.html")).status == 404);
}

}  // namespace
}  // namespace ayc::http
