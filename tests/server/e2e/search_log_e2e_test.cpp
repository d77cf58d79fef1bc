// search_logs through the real server process: each search's row arrives with
// what the request said, clicks land on it, and no row is lost when
// PostgreSQL is unreachable or the server is stopped under load.
#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "common/uuid.h"
#include "tests/server/e2e/catalog.h"
#include "tests/server/e2e/http.h"
#include "tests/server/e2e/json.h"
#include "tests/server/e2e/load.h"
#include "tests/support/catalog_fixture.h"
#include "tests/support/eventually.h"

namespace ayc::e2e {
namespace {

using testing::eventually;
using testing::kAshwagandhaChurna;

constexpr const char* kFixtureUser = "40000000-0000-4000-8000-000000000001";
constexpr const char* kUnknownUser = "40000000-0000-4000-8000-0000000000ff";

struct Searched {
  std::string search_id;
  long total = 0;
};

Searched search(std::uint16_t port, const std::string& target, const std::string& headers = "") {
  auto r = http_get(port, target, headers);
  REQUIRE(r);
  INFO(r->body);
  REQUIRE(r->status == 200);
  Json doc(r->body);
  REQUIRE(doc.ok());
  return {string_field(doc.root(), "search_id"), static_cast<long>(number_field(doc.root(), "total"))};
}

// Searches that all answer 200; their search ids.
std::vector<std::string> searches(std::uint16_t port, int n) {
  const char* words[] = {"ashwagandha", "oil", "dabur", "joint pain", "chyawanprash", "insomnia"};
  std::vector<std::string> ids;
  for (int i = 0; i < n; ++i) ids.push_back(search(port, std::string("/search?q=") + url_encode(words[i % 6])).search_id);
  return ids;
}

std::size_t spool_lines(const std::filesystem::path& dir) {
  std::size_t lines = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".spool") continue;
    std::ifstream in(entry.path());
    for (std::string line; std::getline(in, line);) ++lines;
  }
  return lines;
}

LoadOptions search_load() {
  LoadOptions o;
  o.threads = 3;
  o.stop_when_unanswered = true;
  o.max_duration = std::chrono::seconds(20);
  for (const char* q : {"ashwagandha", "mahanarayan%20oil", "dabur", "stress", "kit", "amla"}) {
    o.targets.push_back(std::string("/search?q=") + q);
  }
  return o;
}

TEST_CASE("a search writes its search_logs row and a click updates it", "[e2e]") {
  auto& world = shared_server();
  auto& conn = world.catalog.db().conn();
  const Searched known = search(world.port(), std::string("/search?q=ashwagandha&user_id=") + kFixtureUser +
                                                  "&session_id=sess-e2e-1",
                                "User-Agent: e2e-agent/1.0\r\n");
  const Searched unknown = search(world.port(), std::string("/search?q=triphala&user_id=") + kUnknownUser +
                                                    "&session_id=sess-e2e-2");
  const Searched malformed = search(world.port(), "/search?q=tulsi&user_id=not-a-uuid");
  const std::vector<std::string> ids = {known.search_id, unknown.search_id, malformed.search_id};
  REQUIRE(eventually([&] { return count_search_logs(conn, ids) == 3; }, std::chrono::seconds(10)));

  {
    pqxx::nontransaction tx(conn);
    auto row = tx.exec1("SELECT query, results_count, user_id::text, session_id, host(ip_address), user_agent, "
                        "created_at > now() - interval '5 minutes' FROM search_logs WHERE id = '" + known.search_id + "'");
    CHECK(row[0].as<std::string>() == "ashwagandha");
    CHECK(row[1].as<long>() == known.total);
    CHECK(row[2].as<std::string>() == kFixtureUser);
    CHECK(row[3].as<std::string>() == "sess-e2e-1");
    CHECK(row[4].as<std::string>() == "127.0.0.1");
    CHECK(row[5].as<std::string>() == "e2e-agent/1.0");
    CHECK(row[6].as<bool>());
    auto unknown_row = tx.exec1("SELECT query, user_id IS NULL, session_id, results_count FROM search_logs WHERE id = '" +
                                unknown.search_id + "'");
    CHECK(unknown_row[0].as<std::string>() == "triphala");
    CHECK(unknown_row[1].as<bool>());  // users it does not know are stored as NULL
    CHECK(unknown_row[2].as<std::string>() == "sess-e2e-2");
    CHECK(unknown_row[3].as<long>() == unknown.total);
    CHECK(tx.exec1("SELECT user_id IS NULL FROM search_logs WHERE id = '" + malformed.search_id + "'")[0].as<bool>());
  }

  auto click = http_post_json(world.port(), "/events/click",
                              "{\"search_id\":\"" + known.search_id + "\",\"product_id\":\"" + kAshwagandhaChurna + "\"}");
  REQUIRE(click);
  CHECK(click->status == 204);
  const std::string clicked_sql =
      "SELECT COALESCE(clicked_product_id::text, '') FROM search_logs WHERE id = '" + known.search_id + "'";
  CHECK(eventually([&] {
    pqxx::nontransaction t(conn);
    return t.exec1(clicked_sql)[0].as<std::string>() == kAshwagandhaChurna;
  }, std::chrono::seconds(10)));

  auto bad_click = http_post_json(world.port(), "/events/click", "{\"search_id\":\"" + known.search_id + "\"}");
  REQUIRE(bad_click);
  CHECK(bad_click->status == 400);
  CHECK(error_message(bad_click->body).find("product_id") != std::string::npos);
}

TEST_CASE("HEAD /search answers without a search_logs row, and a long User-Agent is stored cut to 512 bytes", "[e2e]") {
  auto& world = shared_server();
  auto& conn = world.catalog.db().conn();
  const std::string head_query = "head-only-" + new_uuid_v4().substr(0, 8);
  RawClient head(world.port());
  REQUIRE(head.send("HEAD /search?q=" + head_query + " HTTP/1.1\r\nHost: t\r\n\r\n"));
  auto answered = head.read_response(std::chrono::seconds(10), true);
  REQUIRE(answered);
  CHECK(answered->status == 200);
  CHECK(answered->body.empty());
  // A GET made after it: once its row is stored, the writer has written
  // everything queued before it.
  const std::string agent = "agent-" + std::string(6000, 'x');
  const Searched after = search(world.port(), "/search?q=ashwagandha", "User-Agent: " + agent + "\r\n");
  REQUIRE(eventually([&] { return count_search_logs(conn, {after.search_id}) == 1; }, std::chrono::seconds(10)));
  pqxx::nontransaction tx(conn);
  CHECK(tx.exec1("SELECT count(*) FROM search_logs WHERE query = '" + head_query + "'")[0].as<long>() == 0);
  CHECK(tx.exec1("SELECT user_agent FROM search_logs WHERE id = '" + after.search_id + "'")[0].as<std::string>() ==
        agent.substr(0, 512));
}

TEST_CASE("with PostgreSQL unreachable searches answer and their rows arrive once it is back", "[e2e]") {
  auto& world = shared_server();
  LateDatabase late;  // --pg names a database that does not exist yet
  testing::TempDir spool;
  ServerArgs args{late.server_url(), world.catalog.index_dir(), spool.path().string(),
                  {"--threads", "2", "--log-queue-size", "4"}};  // a tiny queue: most rows go to the spool
  ServerProcess server(args, spool.path() / "server.log");

  std::vector<std::string> ids = searches(server.port(), 24);
  const std::string clicked = ids.back();
  auto click = http_post_json(server.port(), "/events/click",
                              "{\"search_id\":\"" + clicked + "\",\"product_id\":\"" + kAshwagandhaChurna + "\"}");
  REQUIRE(click);
  CHECK(click->status == 204);
  REQUIRE(eventually([&] { return metric_value(server.port(), "ayurvedacart_search_log_spooled_rows_total") >= 16.0; },
                     std::chrono::seconds(5)));
  CHECK(metric_value(server.port(), "ayurvedacart_search_log_written_rows_total") == 0.0);

  late.create();
  INFO(server.log());
  CHECK(eventually([&] { return late.count_rows(ids) == static_cast<long>(ids.size()); }, std::chrono::seconds(20)));
  CHECK(metric_value(server.port(), "ayurvedacart_search_log_dropped_rows_total") == 0.0);
  const bool click_stored = eventually([&] {
    pqxx::connection c(late.url());
    pqxx::nontransaction tx(c);
    return tx.exec1("SELECT count(*) FROM search_logs WHERE clicked_product_id IS NOT NULL AND id = '" + clicked +
                    "'")[0].as<long>() == 1;
  }, std::chrono::seconds(10));
  // Should it fail, what the writer did with the click.
  auto metric = [&](const char* name) { return std::to_string(metric_value(server.port(), name).value_or(-1)); };
  INFO("clicks applied " << metric("ayurvedacart_search_log_clicks_applied_total") << ", dropped "
                         << metric("ayurvedacart_search_log_clicks_dropped_total") << "; rows written "
                         << metric("ayurvedacart_search_log_written_rows_total") << ", replayed "
                         << metric("ayurvedacart_search_log_replayed_rows_total") << "; write failures "
                         << metric("ayurvedacart_search_log_write_failures_total"));
  CHECK(click_stored);
  CHECK(server.terminate() == 0);
}

TEST_CASE("SIGTERM under load exits 0 and every answered search is in search_logs", "[e2e]") {
  auto& world = shared_server();
  testing::TempDir spool;
  ServerArgs args{world.catalog.db().server_url(), world.catalog.index_dir(), spool.path().string(), {"--threads", "2"}};
  ServerProcess server(args, spool.path() / "server.log");
  LoadGenerator load(server.port(), search_load());
  REQUIRE(load.wait_for_ok(150, std::chrono::seconds(15)));
  server.signal(SIGTERM);
  const LoadTally tally = load.join(std::chrono::seconds(20));
  INFO(server.log());
  CHECK(server.wait_exit(std::chrono::seconds(20)) == 0);
  INFO(tally.search_ids.size() << " searches answered 200");
  REQUIRE(tally.search_ids.size() >= 150);
  CHECK(count_search_logs(world.catalog.db().conn(), tally.search_ids) == static_cast<long>(tally.search_ids.size()));
  CHECK(spool_lines(spool.path()) == 0);
}

TEST_CASE("SIGTERM under load with PostgreSQL down spools the rows and the next start replays them", "[e2e]") {
  auto& world = shared_server();
  LateDatabase late;
  testing::TempDir spool;
  ServerArgs args{late.server_url(), world.catalog.index_dir(), spool.path().string(), {"--threads", "2",
                  "--shutdown-grace-ms", "2000"}};
  LoadTally tally;
  {
    ServerProcess server(args, spool.path() / "first.log");
    LoadGenerator load(server.port(), search_load());
    REQUIRE(load.wait_for_ok(150, std::chrono::seconds(15)));
    server.signal(SIGTERM);
    tally = load.join(std::chrono::seconds(20));
    INFO(server.log());
    CHECK(server.wait_exit(std::chrono::seconds(20)) == 0);
  }
  REQUIRE(tally.search_ids.size() >= 150);
  CHECK(spool_lines(spool.path()) >= tally.search_ids.size());

  late.create();
  ServerProcess next(args, spool.path() / "second.log");
  INFO(next.log());
  CHECK(eventually([&] { return late.count_rows(tally.search_ids) == static_cast<long>(tally.search_ids.size()); },
                   std::chrono::seconds(20)));
  CHECK(eventually([&] { return spool_lines(spool.path()) == 0; }, std::chrono::seconds(5)));
  CHECK(next.terminate() == 0);
}

}  // namespace
}  // namespace ayc::e2e
