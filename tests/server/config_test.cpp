#include "server/config.h"

#include <cstdlib>
#include <filesystem>

#include <catch2/catch.hpp>

namespace ayc::server {
namespace {

Result<LoadedConfig> load(std::vector<const char*> args) {
  args.insert(args.begin(), "ayurvedacart-server");
  return load_config(static_cast<int>(args.size()), args.data());
}

TEST_CASE("config: defaults, with the required flags given") {
  auto c = load({"--pg", "postgresql://x@127.0.0.1/db", "--index-dir", "/srv/ayc/index"});
  REQUIRE(c.ok());
  CHECK(c->config.listen_host == "127.0.0.1");
  CHECK(c->config.listen_port == 8080);
  CHECK(c->config.threads == 0);
  CHECK(c->config.max_connections == 4096);
  CHECK(c->config.read_timeout_ms == 10'000);
  CHECK(c->config.max_header_bytes == 8192);
  CHECK(c->config.max_body_bytes == 65536);
  CHECK(c->config.shutdown_grace_ms == 10'000);
  CHECK(c->config.log_queue_size == 100'000);
  CHECK(c->config.access_log.empty());
  CHECK(c->config.spool_path() == "/srv/ayc/spool");
}

TEST_CASE("config: environment first, flags override it") {
  ::setenv("AYURVEDACART_PG", "host=/tmp dbname=env", 1);
  ::setenv("AYURVEDACART_INDEX_DIR", "/env/index/", 1);
  ::setenv("AYURVEDACART_LISTEN", "0.0.0.0:9000", 1);
  auto c = load({"--listen=[::1]:9100", "--spool-dir", "/var/spool/x", "--threads", "2"});
  ::unsetenv("AYURVEDACART_PG");
  ::unsetenv("AYURVEDACART_INDEX_DIR");
  ::unsetenv("AYURVEDACART_LISTEN");
  REQUIRE(c.ok());
  CHECK(c->config.pg == "host=/tmp dbname=env");
  CHECK(c->config.listen_host == "::1");
  CHECK(c->config.listen_port == 9100);
  CHECK(c->config.spool_path() == "/var/spool/x");
  CHECK(c->config.threads == 2);
}

TEST_CASE("config: every problem is reported at once") {
  auto c = load({"--threads", "many", "--max-body-bytes=-1", "--listen", "nope", "--bogus"});
  REQUIRE_FALSE(c.ok());
  const std::string m = c.status().message();
  CHECK_THAT(m, Catch::Contains("--threads must be an integer"));
  CHECK_THAT(m, Catch::Contains("--max-body-bytes must be between"));
  CHECK_THAT(m, Catch::Contains("unknown flag --bogus"));
  CHECK_THAT(m, Catch::Contains("--pg is required"));
  CHECK_THAT(m, Catch::Contains("--index-dir is required"));
  CHECK_THAT(m, Catch::Contains("--listen must be HOST:PORT"));
}

TEST_CASE("config: --help wins over problems") {
  auto c = load({"--help", "--threads", "x"});
  REQUIRE(c.ok());
  CHECK(c->help_requested);
  CHECK_THAT(c->usage, Catch::Contains("--read-timeout-ms"));
  CHECK_THAT(c->usage, Catch::Contains("AYURVEDACART_PG"));
}

TEST_CASE("config: --index-format needs no other flag and skips validation") {
  auto c = load({"--index-format"});
  REQUIRE(c.ok());
  CHECK(c->print_index_format);
  CHECK_FALSE(load({"--index-format", "--no-such-flag"}).ok());
}

TEST_CASE("parse_listen accepts host:port and [v6]:port only") {
  CHECK(*parse_listen("localhost:80") == std::make_pair(std::string("localhost"), std::uint16_t(80)));
  CHECK(*parse_listen("[::]:0") == std::make_pair(std::string("::"), std::uint16_t(0)));
  for (const char* bad : {"", ":80", "host", "host:", "host:99999", "::1:80", "[::1]80", "host:8a"}) {
    INFO(bad);
    CHECK_FALSE(parse_listen(bad).ok());
  }
}

TEST_CASE("config: --admin-listen is parsed like --listen and must differ from it") {
  auto c = load({"--pg", "x", "--index-dir", "/i", "--listen", "0.0.0.0:8080", "--admin-listen", "127.0.0.1:9090"});
  REQUIRE(c.ok());
  CHECK(c->config.admin_host == "127.0.0.1");
  CHECK(c->config.admin_port == 9090);
  auto same = load({"--pg", "x", "--index-dir", "/i", "--listen", "127.0.0.1:8080", "--admin-listen", "127.0.0.1:8080"});
  REQUIRE_FALSE(same.ok());
  CHECK_THAT(same.status().message(), Catch::Contains("--admin-listen must differ from --listen"));
  auto bad = load({"--pg", "x", "--index-dir", "/i", "--admin-listen", "9090"});
  REQUIRE_FALSE(bad.ok());
  CHECK_THAT(bad.status().message(), Catch::Contains("--admin-listen must be HOST:PORT"));
  auto off = load({"--pg", "x", "--index-dir", "/i"});
  REQUIRE(off.ok());
  CHECK(off->config.admin_port == 0);
  CHECK(off->config.drain_ms == 0);
  CHECK(off->config.max_index_age_s == 0);
}

TEST_CASE("spool_path sits next to the index directory, whatever its spelling") {
  ServerConfig c;
  c.index_dir = "/data/ayc/index/";
  CHECK(c.spool_path() == "/data/ayc/spool");
  c.index_dir = "/data/ayc/index/.";
  CHECK(c.spool_path() == "/data/ayc/spool");
  c.index_dir = "index";
  CHECK(c.spool_path() == (std::filesystem::current_path() / "spool").string());
}

}  // namespace
}  // namespace ayc::server
