// The writer's queueing, retry, spool and click logic against an in-memory
// store (the PostgreSQL side is in search_log_pg_test.cpp).
#include "server/search_log/writer.h"

#include <algorithm>
#include <fstream>
#include <thread>

#include <catch2/catch.hpp>

#include "common/uuid.h"
#include "tests/server/search_log/fake_store.h"
#include "tests/support/eventually.h"
#include "tests/support/temp_dir.h"

namespace ayc::search_log {
namespace {

using namespace std::chrono_literals;
using testing::eventually;
using testing::FakeStore;

SearchLogWriter::Options fast_options(std::size_t queue_capacity = 1000) {
  SearchLogWriter::Options o;
  o.queue_capacity = queue_capacity;
  o.batch_size = 100;
  o.flush_interval = 20ms;
  o.backoff_initial = 10ms;
  o.backoff_max = 50ms;
  o.click_attempts = 3;
  return o;
}

SearchLogRow make_row(const std::string& query = "tulsi") {
  SearchLogRow r;
  r.id = new_uuid_v4();
  r.query = query;
  r.results_count = 3;
  r.created_at = std::chrono::system_clock::now();
  return r;
}

std::unique_ptr<SearchLogSpool> open_spool(const std::filesystem::path& dir) {
  auto spool = SearchLogSpool::open(dir);
  REQUIRE(spool.ok());
  return std::move(*spool);
}

std::size_t spool_files(const std::filesystem::path& dir) {
  std::size_t n = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) n += e.path().extension() == ".spool";
  return n;
}

// Click lines in the spool files on disk now.
std::size_t spooled_clicks(const std::filesystem::path& dir, const std::string& search_id = "") {
  std::size_t n = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() != ".spool") continue;
    std::ifstream in(e.path());
    for (std::string line; std::getline(in, line);) {
      n += line.rfind("{\"t\":\"click\"", 0) == 0 && line.find(search_id) != std::string::npos;
    }
  }
  return n;
}

TEST_CASE("writer: rows reach the store in batches") {
  metrics::Metrics metrics;
  FakeStore::State store;
  SearchLogWriter writer(fast_options(), std::make_unique<FakeStore>(store), nullptr, metrics.search_log());
  writer.start();
  for (int i = 0; i < 450; ++i) REQUIRE(writer.enqueue(make_row()));
  CHECK(eventually([&] { return store.row_count() == 450; }));
  CHECK(metrics.search_log().written_rows.value() == 450);
  CHECK(metrics.search_log().enqueued_rows.value() == 450);
  CHECK(writer.store_reachable());
}

TEST_CASE("writer: with the store down, a full queue spools - everything is replayed once it is back") {
  ayc::testing::TempDir dir;
  metrics::Metrics metrics;
  auto& m = metrics.search_log();
  FakeStore::State store;
  store.up = false;
  SearchLogWriter writer(fast_options(10), std::make_unique<FakeStore>(store), open_spool(dir.path()), m);
  writer.start();
  std::vector<std::string> ids;
  for (int i = 0; i < 200; ++i) {
    SearchLogRow row = make_row("q" + std::to_string(i));
    ids.push_back(row.id);
    REQUIRE(writer.enqueue(std::move(row)));  // never refused, never blocks
  }
  CHECK(m.spooled_rows.value() > 0);
  CHECK(m.dropped_rows.value() == 0);
  CHECK(eventually([&] { return m.write_failures.value() >= 2; }));  // retrying with backoff
  CHECK_FALSE(writer.store_reachable());

  store.up = true;
  CHECK(eventually([&] { return store.row_count() == 200; }));
  CHECK(eventually([&] { return m.spool_pending_rows.value() == 0; }));
  CHECK(m.written_rows.value() == 200);
  CHECK(m.replayed_rows.value() == m.spooled_rows.value());
  CHECK(m.dropped_rows.value() == 0);
  CHECK(spool_files(dir.path()) == 0);
  std::lock_guard lock(store.mu);
  for (const auto& id : ids) CHECK(store.rows.count(id) == 1);
}

TEST_CASE("writer: a row the store rejects is dropped and counted, the rest of its batch is written") {
  metrics::Metrics metrics;
  FakeStore::State store;
  std::vector<SearchLogRow> rows;
  for (int i = 0; i < 10; ++i) rows.push_back(make_row());
  store.rejected_ids.insert(rows[4].id);
  SearchLogWriter writer(fast_options(), std::make_unique<FakeStore>(store), nullptr, metrics.search_log());
  for (auto& r : rows) writer.enqueue(r);
  writer.start();
  CHECK(eventually([&] { return store.row_count() == 9; }));
  CHECK(eventually([&] { return metrics.search_log().dropped_rows.value() == 1; }));
  CHECK(metrics.search_log().written_rows.value() == 9);
}

TEST_CASE("writer: without a spool, what does not fit is dropped and counted, never lost silently") {
  metrics::Metrics metrics;
  auto& m = metrics.search_log();
  FakeStore::State store;
  store.up = false;
  int refused = 0;
  {
    SearchLogWriter writer(fast_options(5), std::make_unique<FakeStore>(store), nullptr, m);
    writer.start();
    for (int i = 0; i < 40; ++i) refused += writer.enqueue(make_row()) ? 0 : 1;
    CHECK(refused > 0);
    store.up = true;
    writer.shutdown(std::chrono::steady_clock::now() + 5s);
  }
  CHECK(store.row_count() + m.dropped_rows.value() == 40);
  CHECK(m.dropped_rows.value() >= static_cast<std::uint64_t>(refused));
}

TEST_CASE("writer: shutdown spools what the store cannot take - the next start replays it") {
  ayc::testing::TempDir dir;
  FakeStore::State store;
  {
    metrics::Metrics metrics;
    store.up = false;
    SearchLogWriter writer(fast_options(), std::make_unique<FakeStore>(store), open_spool(dir.path()),
                           metrics.search_log());
    writer.start();
    for (int i = 0; i < 30; ++i) writer.enqueue(make_row());
    REQUIRE(writer.record_click({new_uuid_v4(), new_uuid_v4()}));
    writer.shutdown(std::chrono::steady_clock::now() + 200ms);
    CHECK(metrics.search_log().spooled_rows.value() == 30);
    CHECK(metrics.search_log().dropped_rows.value() == 0);
    CHECK(writer.enqueue(make_row()));  // after shutdown: straight to the spool
  }
  CHECK(spool_files(dir.path()) >= 1);
  store.up = true;
  metrics::Metrics metrics;
  SearchLogWriter writer(fast_options(), std::make_unique<FakeStore>(store), open_spool(dir.path()),
                         metrics.search_log());
  CHECK(metrics.search_log().spool_pending_rows.value() == 31);
  writer.start();
  CHECK(eventually([&] { return store.row_count() == 31; }));
  CHECK(eventually([&] { return spool_files(dir.path()) == 0; }));
  CHECK(metrics.search_log().replayed_rows.value() == 31);
}

TEST_CASE("writer: shutdown with the store up writes everything queued") {
  metrics::Metrics metrics;
  FakeStore::State store;
  SearchLogWriter writer(fast_options(), std::make_unique<FakeStore>(store), nullptr, metrics.search_log());
  writer.start();
  for (int i = 0; i < 250; ++i) writer.enqueue(make_row());
  writer.shutdown(std::chrono::steady_clock::now() + 5s);
  CHECK(store.row_count() == 250);
  CHECK(metrics.search_log().written_rows.value() == 250);
}

TEST_CASE("writer: clicks land on their row - unknown products and searches are dropped and counted") {
  metrics::Metrics metrics;
  auto& m = metrics.search_log();
  FakeStore::State store;
  const std::string product = new_uuid_v4();
  store.products.insert(product);
  SearchLogWriter writer(fast_options(), std::make_unique<FakeStore>(store), nullptr, m);
  writer.start();
  SearchLogRow row = make_row();
  const std::string search_id = row.id;
  writer.enqueue(std::move(row));
  REQUIRE(writer.record_click({search_id, product}));  // before its row is stored: waits for it
  CHECK(eventually([&] { return store.clicked_product(search_id) == product; }));
  CHECK(m.clicks_applied.value() == 1);

  REQUIRE(writer.record_click({search_id, new_uuid_v4()}));  // no such product
  CHECK(eventually([&] { return m.clicks_dropped.value() == 1; }));
  CHECK(store.clicked_product(search_id) == product);
  REQUIRE(writer.record_click({new_uuid_v4(), product}));  // no such search, after click_attempts
  CHECK(eventually([&] { return m.clicks_dropped.value() == 2; }));
  CHECK_FALSE(writer.record_click({"not-a-uuid", product}));
  CHECK(m.clicks_dropped.value() == 3);
}

TEST_CASE("writer: the queue is bounded in bytes as well as rows - big rows spool sooner") {
  ayc::testing::TempDir dir;
  metrics::Metrics metrics;
  auto& m = metrics.search_log();
  FakeStore::State store;
  store.up = false;
  auto options = fast_options(1000);
  SearchLogRow big = make_row();
  big.user_agent = std::string(kMaxUserAgentBytes, 'x');
  options.queue_max_bytes = 10 * row_bytes(big);
  SearchLogWriter writer(options, std::make_unique<FakeStore>(store), open_spool(dir.path()), m);
  writer.start();
  for (int i = 0; i < 50; ++i) {
    SearchLogRow r = make_row();
    r.user_agent = std::string(kMaxUserAgentBytes, 'x');
    REQUIRE(writer.enqueue(std::move(r)));
  }
  CHECK(m.queue_depth.value() <= 10);
  CHECK(m.queue_bytes.value() <= static_cast<std::int64_t>(options.queue_max_bytes));
  CHECK(m.spooled_rows.value() >= 40);
  CHECK(m.spool_bytes.value() > 0);
  store.up = true;  // nothing is lost
  CHECK(eventually([&] { return store.row_count() == 50; }, 10s));
  CHECK(m.dropped_rows.value() == 0);
}

TEST_CASE("writer: with the spool full, rows are dropped and counted, not kept in memory") {
  ayc::testing::TempDir dir;
  metrics::Metrics metrics;
  auto& m = metrics.search_log();
  FakeStore::State store;
  store.up = false;
  auto spool = SearchLogSpool::open(dir.path(), 5 * (encode_spool_row(make_row()).size() + 1));
  REQUIRE(spool.ok());
  SearchLogWriter writer(fast_options(10), std::make_unique<FakeStore>(store), std::move(*spool), m);
  writer.start();
  for (int i = 0; i < 40; ++i) writer.enqueue(make_row());
  CHECK(m.queue_depth.value() == 10);
  CHECK(m.spooled_rows.value() == 5);
  CHECK(m.dropped_rows.value() == 25);
}

TEST_CASE("writer: clicks waiting for PostgreSQL are bounded in memory - the rest spool") {
  ayc::testing::TempDir dir;
  metrics::Metrics metrics;
  auto& m = metrics.search_log();
  FakeStore::State store;
  store.up = false;
  SearchLogWriter writer(fast_options(10), std::make_unique<FakeStore>(store), open_spool(dir.path()), m);
  writer.start();
  // Ten at a time, with write cycles between: each cycle may move clicks on
  // to those waiting for their row, but never more than the capacity.
  for (int batch = 0; batch < 10; ++batch) {
    for (int i = 0; i < 10; ++i) REQUIRE(writer.record_click({new_uuid_v4(), new_uuid_v4()}));
    std::this_thread::sleep_for(150ms);
  }
  // At most 10 received and 10 waiting are held; the other 80 are on disk.
  CHECK(spooled_clicks(dir.path()) >= 80);
  CHECK(m.clicks_dropped.value() == 0);
}

TEST_CASE("writer: a spooled click whose search row has not arrived stays on disk until it is applied") {
  ayc::testing::TempDir dir;
  const SearchLogRow row = make_row();
  const std::string product = new_uuid_v4();
  {
    auto spool = open_spool(dir.path());
    REQUIRE(spool->append_clicks({{{row.id, product}, 0}}).ok());
  }
  metrics::Metrics metrics;
  FakeStore::State store;
  store.products.insert(product);
  auto options = fast_options();
  options.click_attempts = 1'000'000;  // the row comes late
  SearchLogWriter writer(options, std::make_unique<FakeStore>(store), open_spool(dir.path()), metrics.search_log());
  writer.start();
  // The file is replayed again and again while the row is missing; the click
  // is on disk every time (written again before the file it came from goes,
  // so a crash between two replays would not lose it): sampled for 300 ms,
  // never absent.
  std::size_t least = 1;
  for (int i = 0; i < 60; ++i) {
    // A listing made while a file is replaced may miss both; a lost click
    // stays missing on the second look.
    std::size_t seen = spooled_clicks(dir.path(), row.id);
    if (seen == 0) seen = spooled_clicks(dir.path(), row.id);
    least = std::min(least, seen);
    std::this_thread::sleep_for(5ms);
  }
  CHECK(least == 1);
  CHECK(metrics.search_log().clicks_applied.value() == 0);
  CHECK(store.clicked_product(row.id).empty());
  {
    std::lock_guard lock(store.mu);
    store.rows.emplace(row.id, row);
  }
  CHECK(eventually([&] { return store.clicked_product(row.id) == product; }));
  CHECK(eventually([&] { return spooled_clicks(dir.path(), row.id) == 0; }));
  CHECK(metrics.search_log().clicks_applied.value() == 1);
}

TEST_CASE("writer: unreadable lines in an old spool file are counted as dropped") {
  ayc::testing::TempDir dir;
  {
    auto spool = open_spool(dir.path());
    REQUIRE(spool->append_rows({make_row()}).ok());
    auto files = spool->seal_and_list();
    std::ofstream(files[0], std::ios::app) << "{\"t\":\"row\",\"id\":";
  }
  metrics::Metrics metrics;
  FakeStore::State store;
  SearchLogWriter writer(fast_options(), std::make_unique<FakeStore>(store), open_spool(dir.path()),
                         metrics.search_log());
  writer.start();
  CHECK(eventually([&] { return store.row_count() == 1; }));
  CHECK(eventually([&] { return spool_files(dir.path()) == 0; }));
  CHECK(metrics.search_log().dropped_rows.value() == 1);
}

}  // namespace
}  // namespace ayc::search_log
