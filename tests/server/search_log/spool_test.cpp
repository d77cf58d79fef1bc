#include "server/search_log/spool.h"

#include <fstream>

#include <catch2/catch.hpp>

#include "tests/support/temp_dir.h"

namespace ayc::search_log {
namespace {

SearchLogRow row(std::string id, std::string query) {
  SearchLogRow r;
  r.id = std::move(id);
  r.query = std::move(query);
  r.results_count = 7;
  r.user_id = "u\"ser";
  r.ip_address = "::1";
  r.created_at = std::chrono::system_clock::time_point(std::chrono::microseconds(1'700'000'000'123'456));
  return r;
}

TEST_CASE("spooled rows and clicks read back exactly") {
  ayc::testing::TempDir dir;
  auto spool = SearchLogSpool::open(dir.path() / "spool");
  REQUIRE(spool.ok());
  std::vector<SearchLogRow> rows = {row("a", "tulsi \"tea\"\n\xE0\xA4\xA4"), row("b", "")};
  rows[1].user_id.reset();
  rows[1].user_agent = "Mozilla/5.0";
  REQUIRE((*spool)->append_rows(rows).ok());
  REQUIRE((*spool)->append_clicks({{{"a", "p1"}, 2}}).ok());
  CHECK((*spool)->pending_rows() == 2);
  auto files = (*spool)->seal_and_list();
  REQUIRE(files.size() == 1);
  auto contents = SearchLogSpool::read(files[0]);
  REQUIRE(contents.ok());
  REQUIRE(contents->rows.size() == 2);
  const SearchLogRow& a = contents->rows[0];
  CHECK(a.id == "a");
  CHECK(a.query == rows[0].query);
  CHECK(a.results_count == 7);
  CHECK(a.user_id == std::optional<std::string>("u\"ser"));
  CHECK_FALSE(a.session_id.has_value());
  CHECK(a.ip_address == std::optional<std::string>("::1"));
  CHECK(a.created_at == rows[0].created_at);
  CHECK_FALSE(contents->rows[1].user_id.has_value());
  CHECK(contents->rows[1].user_agent == std::optional<std::string>("Mozilla/5.0"));
  REQUIRE(contents->clicks.size() == 1);
  CHECK(contents->clicks[0].click.search_id == "a");
  CHECK(contents->clicks[0].click.product_id == "p1");
  CHECK(contents->clicks[0].attempts == 2);
  (*spool)->remove(files[0]);
  CHECK((*spool)->pending_rows() == 0);
  CHECK((*spool)->seal_and_list().empty());
}

TEST_CASE("a click line written before attempts were kept reads back with none") {
  ayc::testing::TempDir dir;
  const auto file = dir.path() / "search_logs-00000000000000000001-1-0.spool";
  { std::ofstream(file) << "{\"t\":\"click\",\"search_id\":\"a\",\"product_id\":\"p\"}\n"; }
  auto contents = SearchLogSpool::read(file);
  REQUIRE(contents.ok());
  REQUIRE(contents->clicks.size() == 1);
  CHECK(contents->clicks[0].attempts == 0);
}

TEST_CASE("the spool holds at most its byte limit - files from an earlier run count, removing frees room") {
  ayc::testing::TempDir dir;
  const std::size_t line = encode_spool_row(row("a", "q")).size() + 1;
  {
    auto spool = SearchLogSpool::open(dir.path(), 3 * line);
    REQUIRE(spool.ok());
    REQUIRE((*spool)->append_rows({row("a", "q"), row("b", "q")}).ok());
    CHECK((*spool)->pending_bytes() == 2 * line);
    const Status full = (*spool)->append_rows({row("c", "q"), row("d", "q")});
    CHECK(full.code() == StatusCode::kUnavailable);
    CHECK(full.message().find("--spool-max-mb") != std::string::npos);
    CHECK((*spool)->pending_rows() == 2);  // nothing of the refused batch was written
    REQUIRE((*spool)->append_rows({row("c", "q")}).ok());
  }
  auto reopened = SearchLogSpool::open(dir.path(), 3 * line);
  REQUIRE(reopened.ok());
  CHECK((*reopened)->pending_bytes() == 3 * line);
  CHECK_FALSE((*reopened)->append_rows({row("d", "q")}).ok());
  for (const auto& f : (*reopened)->seal_and_list()) (*reopened)->remove(f);
  CHECK((*reopened)->pending_bytes() == 0);
  CHECK((*reopened)->append_rows({row("d", "q")}).ok());
}

TEST_CASE("numbers no row of ours has make a line malformed instead of wrapping around") {
  ayc::testing::TempDir dir;
  const auto file = dir.path() / "search_logs-00000000000000000001-1-0.spool";
  {
    std::ofstream out(file);
    const std::string row_start = "{\"t\":\"row\",\"id\":\"a\",\"query\":\"q\",\"user_id\":null,\"session_id\":null,"
                                  "\"ip_address\":null,\"user_agent\":null,";
    out << row_start << "\"results_count\":1,\"created_at_us\":9223372036854775807}\n";   // past the clock's range
    out << row_start << "\"results_count\":1,\"created_at_us\":-9223372036854776}\n";    // before it
    out << row_start << "\"results_count\":4294967297,\"created_at_us\":1}\n";          // past int32
    out << row_start << "\"results_count\":-1,\"created_at_us\":1}\n";
    out << row_start << "\"results_count\":3,\"created_at_us\":1700000000000000}\n";    // fine
    out << "{\"t\":\"click\",\"search_id\":\"a\",\"product_id\":\"p\",\"attempts\":-5}\n";
  }
  auto contents = SearchLogSpool::read(file);
  REQUIRE(contents.ok());
  CHECK(contents->malformed_lines == 5);
  REQUIRE(contents->rows.size() == 1);
  CHECK(contents->rows[0].results_count == 3);
  CHECK(contents->clicks.empty());
}

TEST_CASE("a torn last line is skipped and counted") {
  ayc::testing::TempDir dir;
  auto spool = SearchLogSpool::open(dir.path());
  REQUIRE(spool.ok());
  REQUIRE((*spool)->append_rows({row("a", "q")}).ok());
  auto files = (*spool)->seal_and_list();
  { std::ofstream(files[0], std::ios::app) << "{\"t\":\"row\",\"id\":\"b\",\"que"; }
  auto contents = SearchLogSpool::read(files[0]);
  REQUIRE(contents.ok());
  CHECK(contents->rows.size() == 1);
  CHECK(contents->malformed_lines == 1);
}

TEST_CASE("a spool directory belongs to one process at a time - files survive a restart") {
  ayc::testing::TempDir dir;
  {
    auto first = SearchLogSpool::open(dir.path());
    REQUIRE(first.ok());
    auto second = SearchLogSpool::open(dir.path());
    REQUIRE_FALSE(second.ok());
    CHECK(second.status().code() == StatusCode::kFailedPrecondition);
    REQUIRE((*first)->append_rows({row("a", "q"), row("b", "q")}).ok());
  }
  auto reopened = SearchLogSpool::open(dir.path());
  REQUIRE(reopened.ok());
  CHECK((*reopened)->pending_rows() == 2);
  CHECK((*reopened)->seal_and_list().size() == 1);
}

TEST_CASE("an unusable spool directory is a clear error") {
  auto spool = SearchLogSpool::open("/proc/ayc-cannot-exist/spool");
  REQUIRE_FALSE(spool.ok());
  CHECK_THAT(spool.status().message(), Catch::StartsWith("cannot create spool directory"));
}

}  // namespace
}  // namespace ayc::search_log
