// search_logs against a real PostgreSQL (AYC_TEST_PG): the store adapter, the
// writer on top of it, and an outage where the database appears late. The
// store connects as the server does in production (a member of
// ayurvedacart_server only); the checks read through the admin connection.
#include <random>

#include <catch2/catch.hpp>
#include <pqxx/pqxx>

#include "common/uuid.h"
#include "server/search_log/store.h"
#include "server/search_log/writer.h"
#include "tests/support/eventually.h"
#include "tests/support/temp_database.h"
#include "tests/support/temp_dir.h"

namespace ayc::search_log {
namespace {

using namespace std::chrono_literals;
using testing::eventually;

SearchLogRow make_row(std::optional<std::string> user_id = std::nullopt) {
  SearchLogRow r;
  r.id = new_uuid_v4();
  r.query = "ashwagandha churna";
  r.results_count = 12;
  r.user_id = std::move(user_id);
  r.session_id = "sess-1";
  r.ip_address = "203.0.113.7";
  r.user_agent = "Mozilla/5.0";
  r.created_at = std::chrono::system_clock::now();
  return r;
}

std::string add_user(pqxx::connection& c) {
  pqxx::work tx(c);
  auto id = tx.exec1("INSERT INTO users (email, password_hash, first_name, last_name) VALUES ('" + new_uuid_v4() +
                     "@example.com', 'x', 'Asha', 'Rao') RETURNING id::text")[0].as<std::string>();
  tx.commit();
  return id;
}

std::string add_product(pqxx::connection& c) {
  const std::string slug = "tulsi-" + new_uuid_v4();
  pqxx::work tx(c);
  auto id = tx.exec1("INSERT INTO products (sku, name, slug, type, base_price, selling_price) VALUES ('" + slug +
                     "', 'Tulsi Tea', '" + slug + "', 'supplement', 10, 9) RETURNING id::text")[0].as<std::string>();
  tx.commit();
  return id;
}

std::int64_t count(pqxx::connection& c, const std::string& where = "true") {
  pqxx::nontransaction tx(c);
  return tx.exec1("SELECT count(*) FROM search_logs WHERE " + where)[0].as<std::int64_t>();
}

// The same server URL with another database.
std::string with_database(const std::string& url, const std::string& db) {
  const auto slash = url.find('/', url.find("://") + 3);
  return url.substr(0, slash) + "/" + db;
}

void admin_exec(const std::string& sql) {
  pqxx::connection c(ayc::testing::admin_url());
  pqxx::nontransaction tx(c);
  tx.exec(sql);
}

std::string random_suffix() {
  std::random_device rd;
  return std::to_string(rd() % 1000000000u);
}

SearchLogWriter::Options quick_options() {
  SearchLogWriter::Options o;
  o.backoff_initial = 20ms;
  o.backoff_max = 200ms;
  return o;
}

TEST_CASE("pg store: unknown and malformed user ids are stored as NULL, the batch intact") {
  ayc::testing::TempDatabase db;
  const std::string user = add_user(db.conn());
  auto store = make_pg_search_log_store(db.server_url());
  std::vector<SearchLogRow> rows = {make_row(user), make_row(new_uuid_v4()), make_row("not-a-uuid"),
                                    make_row("'; DROP TABLE users; --"), make_row()};
  REQUIRE(store->insert_rows(rows).ok());
  CHECK(count(db.conn()) == 5);
  CHECK(count(db.conn(), "user_id IS NOT NULL") == 1);
  pqxx::nontransaction tx(db.conn());
  auto r = tx.exec1("SELECT user_id::text, query, results_count, session_id, host(ip_address), user_agent, "
                    "abs(extract(epoch FROM created_at - now())) < 60 FROM search_logs WHERE id = '" + rows[0].id + "'");
  CHECK(r[0].as<std::string>() == user);
  CHECK(r[1].as<std::string>() == "ashwagandha churna");
  CHECK(r[2].as<int>() == 12);
  CHECK(r[3].as<std::string>() == "sess-1");
  CHECK(r[4].as<std::string>() == "203.0.113.7");
  CHECK(r[5].as<std::string>() == "Mozilla/5.0");
  CHECK(r[6].as<bool>());
}

TEST_CASE("pg store: writing the same rows again stores them once") {
  ayc::testing::TempDatabase db;
  auto store = make_pg_search_log_store(db.server_url());
  std::vector<SearchLogRow> rows = {make_row(), make_row()};
  REQUIRE(store->insert_rows(rows).ok());
  REQUIRE(store->insert_rows(rows).ok());
  CHECK(count(db.conn()) == 2);
}

TEST_CASE("pg store: text is made storable - data PostgreSQL refuses is InvalidArgument") {
  ayc::testing::TempDatabase db;
  auto store = make_pg_search_log_store(db.server_url());
  SearchLogRow row = make_row();
  row.query = std::string("tulsi\xff\0tea", 10);
  row.session_id = std::string(150, 's');
  row.user_agent = "agent\xc0";
  SearchLogRow escaped = make_row();
  escaped.query = "a\tb\nc\\N d\\";  // COPY's own separators and escapes, stored as typed
  REQUIRE(store->insert_rows({row, escaped}).ok());
  {
    pqxx::nontransaction tx(db.conn());
    auto r = tx.exec1("SELECT query, length(session_id) FROM search_logs WHERE id = '" + row.id + "'");
    CHECK(r[0].as<std::string>() == "tulsi\xEF\xBF\xBDtea");
    CHECK(r[1].as<int>() == 100);
    CHECK(tx.exec1("SELECT query FROM search_logs WHERE id = '" + escaped.id + "'")[0].as<std::string>() ==
          escaped.query);
  }

  // A batch holding a row that is there already is written by INSERT instead
  // of COPY: both store the same values.
  SearchLogRow again = row;
  again.id = new_uuid_v4();
  again.session_id = std::string(60, 's') + "\xe0\xa4\xb8" + std::string(60, 't');  // cut inside: 100 characters
  again.created_at = row.created_at + std::chrono::microseconds(999'999);
  SearchLogRow copied = again;
  copied.id = new_uuid_v4();
  REQUIRE(store->insert_rows({copied}).ok());
  REQUIRE(store->insert_rows({row, again}).ok());
  {
    pqxx::nontransaction tx(db.conn());
    const std::string columns =
        "query, results_count, session_id, host(ip_address), user_agent, created_at, user_id IS NULL";
    const auto by_copy = tx.exec1("SELECT " + columns + " FROM search_logs WHERE id = '" + copied.id + "'");
    const auto by_insert = tx.exec1("SELECT " + columns + " FROM search_logs WHERE id = '" + again.id + "'");
    for (int c = 0; c < 7; ++c) CHECK(by_copy[c].c_str() == std::string(by_insert[c].c_str()));
    CHECK(by_copy[2].as<std::string>() == std::string(60, 's') + "\xe0\xa4\xb8" + std::string(39, 't'));
  }
  CHECK(count(db.conn()) == 4);

  SearchLogRow bad = make_row();
  bad.ip_address = "not-an-ip";
  Status s = store->insert_rows({make_row(), bad});
  CHECK(s.code() == StatusCode::kInvalidArgument);
  CHECK(count(db.conn()) == 4);  // all or nothing
}

TEST_CASE("pg store: clicks set clicked_product_id - unknown products and searches are reported") {
  ayc::testing::TempDatabase db;
  const std::string product = add_product(db.conn());
  auto store = make_pg_search_log_store(db.server_url());
  SearchLogRow a = make_row();
  SearchLogRow b = make_row();
  REQUIRE(store->insert_rows({a, b}).ok());
  auto outcomes = store->apply_clicks({{a.id, product}, {b.id, new_uuid_v4()}, {new_uuid_v4(), product}});
  REQUIRE(outcomes.ok());
  CHECK(*outcomes == std::vector<ClickOutcome>{ClickOutcome::kApplied, ClickOutcome::kNoSuchProduct,
                                               ClickOutcome::kNoSuchSearch});
  CHECK(count(db.conn(), "id = '" + a.id + "' AND clicked_product_id = '" + product + "'") == 1);
  CHECK(count(db.conn(), "id = '" + b.id + "' AND clicked_product_id IS NULL") == 1);
  // A click that says where its hit was stores the position; one that does not, none.
  REQUIRE(store->apply_clicks({{a.id, product, 7}}).ok());
  CHECK(count(db.conn(), "id = '" + a.id + "' AND clicked_position = 7") == 1);
  REQUIRE(store->apply_clicks({{a.id, product, std::nullopt}}).ok());
  CHECK(count(db.conn(), "id = '" + a.id + "' AND clicked_position IS NULL") == 1);
}

TEST_CASE("pg store: works with only the ayurvedacart_server role's privileges") {
  ayc::testing::TempDatabase db;
  const std::string product = add_product(db.conn());
  const std::string user = add_user(db.conn());
  const std::string role = "ayc_server_test_" + random_suffix();
  admin_exec("CREATE ROLE " + role + " LOGIN IN ROLE ayurvedacart_server");
  struct DropRole {
    std::string role;
    ~DropRole() {
      try {
        admin_exec("DROP ROLE IF EXISTS " + role);
      } catch (...) {
      }
    }
  } drop{role};
  {
    auto store = make_pg_search_log_store(db.url_as(role));
    SearchLogRow row = make_row(user);
    REQUIRE(store->insert_rows({row, make_row(new_uuid_v4())}).ok());
    auto outcomes = store->apply_clicks({{row.id, product, 3}});
    REQUIRE(outcomes.ok());
    CHECK((*outcomes)[0] == ClickOutcome::kApplied);
  }
  CHECK(count(db.conn()) == 2);
  CHECK(count(db.conn(), "user_id = '" + user + "'") == 1);
}

TEST_CASE("pg writer: rows arrive within a couple of seconds, clicks update them") {
  ayc::testing::TempDatabase db;
  const std::string product = add_product(db.conn());
  metrics::Metrics metrics;
  SearchLogWriter writer(SearchLogWriter::Options{}, make_pg_search_log_store(db.server_url()), nullptr,
                         metrics.search_log());
  writer.start();
  std::vector<std::string> ids;
  for (int i = 0; i < 300; ++i) {
    SearchLogRow row = make_row(i % 2 == 0 ? std::optional<std::string>(new_uuid_v4()) : std::nullopt);
    ids.push_back(row.id);
    REQUIRE(writer.enqueue(std::move(row)));
  }
  REQUIRE(writer.record_click({ids[7], product}));
  CHECK(eventually([&] { return count(db.conn()) == 300; }, 10s));
  CHECK(eventually([&] { return count(db.conn(), "clicked_product_id IS NOT NULL") == 1; }, 10s));
  CHECK(count(db.conn(), "id = '" + ids[7] + "' AND clicked_product_id = '" + product + "'") == 1);
  CHECK(metrics.search_log().written_rows.value() == 300);
  CHECK(metrics.search_log().dropped_rows.value() == 0);
}

TEST_CASE("pg writer: reconnects after its connection is killed") {
  ayc::testing::TempDatabase db;
  metrics::Metrics metrics;
  SearchLogWriter writer(quick_options(), make_pg_search_log_store(db.server_url()), nullptr, metrics.search_log());
  writer.start();
  for (int i = 0; i < 10; ++i) writer.enqueue(make_row());
  REQUIRE(eventually([&] { return count(db.conn()) == 10; }, 10s));
  admin_exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db.name() +
             "' AND application_name = 'ayurvedacart-server'");
  for (int i = 0; i < 10; ++i) writer.enqueue(make_row());
  CHECK(eventually([&] { return count(db.conn()) == 20; }, 10s));
  CHECK(metrics.search_log().dropped_rows.value() == 0);
}

TEST_CASE("pg writer: while the database is missing rows queue and spool, then all of them arrive") {
  const std::string name = "t_outage_" + random_suffix();
  struct DropDatabase {
    std::string name;
    ~DropDatabase() {
      try {
        admin_exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      } catch (...) {
      }
    }
  } drop{name};
  const std::string url = with_database(ayc::testing::admin_url(), name);  // admin, for checks
  ayc::testing::ensure_test_login_roles();
  ayc::testing::TempDir spool_dir;
  auto spool = SearchLogSpool::open(spool_dir.path());
  REQUIRE(spool.ok());
  metrics::Metrics metrics;
  auto& m = metrics.search_log();
  SearchLogWriter::Options options = quick_options();
  options.queue_capacity = 8;
  SearchLogWriter writer(options, make_pg_search_log_store(ayc::testing::url_with_user(url, ayc::testing::kServerLogin)),
                         std::move(*spool), m);
  writer.start();

  for (int i = 0; i < 60; ++i) REQUIRE(writer.enqueue(make_row()));  // nothing listens: never blocks
  CHECK(m.spooled_rows.value() > 0);
  CHECK(eventually([&] { return m.write_failures.value() > 0; }, 10s));
  CHECK_FALSE(writer.store_reachable());

  admin_exec("CREATE DATABASE " + name + " TEMPLATE ayc_template");
  for (int i = 0; i < 5; ++i) REQUIRE(writer.enqueue(make_row()));
  auto check = std::make_unique<pqxx::connection>(url);
  CHECK(eventually([&] { return count(*check) == 65; }, 20s));
  CHECK(eventually([&] { return m.spool_pending_rows.value() == 0; }, 10s));
  CHECK(m.written_rows.value() == 65);
  CHECK(m.replayed_rows.value() == m.spooled_rows.value());
  CHECK(m.dropped_rows.value() == 0);
  CHECK(writer.store_reachable());
  check.reset();
  writer.shutdown(std::chrono::steady_clock::now() + 1s);
}

}  // namespace
}  // namespace ayc::search_log
