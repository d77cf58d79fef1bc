// The server under concurrent load through the real processes: searches of
// every shape on several threads at once, and reindexing while client threads
// search (the indexer publishes full and incremental generations): no request
// fails and the server ends up serving the newest generation.
#include <cstdlib>
#include <string>
#include <thread>

#include <catch2/catch.hpp>

#include "tests/server/e2e/catalog.h"
#include "tests/server/e2e/http.h"
#include "tests/server/e2e/json.h"
#include "tests/server/e2e/load.h"
#include "tests/support/eventually.h"

namespace ayc::e2e {
namespace {

using testing::eventually;

constexpr const char* kNewProduct = "70000000-0000-4000-8000-000000000001";

double generation_number(const std::string& name) { return std::strtod(name.c_str() + 4, nullptr); }  // "gen-000042"

bool serving(std::uint16_t port, const indexer::RunSummary& run) {
  return metric_value(port, "ayurvedacart_index_generation") == generation_number(run.generation);
}

bool finds(std::uint16_t port, const std::string& q, const std::string& id) {
  auto r = http_get(port, "/search?q=" + url_encode(q));
  if (!r || r->status != 200) return false;
  Json doc(r->body);
  if (!doc.ok()) return false;
  for (JsonValue hit : array_field(doc.root(), "hits"))
    if (string_field(hit, "id") == id) return true;
  return false;
}

TEST_CASE("concurrent searches with and without text keep the server up", "[e2e]") {
  auto& world = shared_server();
  ServerArgs args{world.catalog.db().server_url(), world.catalog.index_dir(), world.catalog.path("spool-concurrent").string(),
                  {"--threads", "2"}};
  ServerProcess server(args, world.catalog.path("concurrent.log"));
  LoadOptions options;
  options.threads = 4;
  options.max_duration = std::chrono::seconds(20);
  // Mostly no text (category pages, queries of punctuation only): every
  // such search builds on the same match-all query. A race there crashes
  // within seconds, so the load runs for a fixed 5 s.
  options.targets = {"/search?q=&category=classical-medicines", "/search?q=%28%28%28%28",
                     "/search?q=&sort=price_asc&in_stock=true", "/search?q=*", "/search?q=ashwagandha"};
  LoadGenerator load(server.port(), options);
  std::this_thread::sleep_for(std::chrono::seconds(5));
  const LoadTally tally = load.stop();
  INFO("server log:\n" << server.log());
  INFO("first failures: " << (tally.failures.empty() ? std::string("none") : tally.failures.front()));
  CHECK(tally.answered > 500);
  CHECK(tally.not_ok() == 0);
  CHECK(server.terminate() == 0);
}

TEST_CASE("reindexing under load fails no request and ends on the newest generation", "[e2e]") {
  Catalog catalog(false);
  ServerArgs args{catalog.db().server_url(), catalog.index_dir(), catalog.path("spool").string(),
                  {"--threads", "2", "--reload-interval-ms", "100"}};
  ServerProcess server(args, catalog.path("server.log"));

  LoadOptions options;
  options.threads = 2;
  options.max_duration = std::chrono::seconds(50);
  options.targets = {"/search?q=ashwagandha", "/search?q=joint%20pain&in_stock=true&country=IN",
                     "/search?q=&category=classical-medicines&sort=price_asc", "/autocomplete?q=ash",
                     "/products/ashwagandha-churna-100-g/related", "/search?q=mahanarayn%20oil",
                     "/search?q=brahmi"};
  LoadGenerator load(server.port(), options);
  REQUIRE(load.wait_for_ok(20, std::chrono::seconds(10)));

  // Each step is checked with the server's log attached, so a failure shows
  // what the server saw.
  const auto step = [&](bool ok, const char* what) {
    INFO(what << "\nserver log:\n" << server.log());
    CHECK(ok);
  };
  const auto first = catalog.reindex();
  step(eventually([&] { return serving(server.port(), first); }, std::chrono::seconds(10)), "serves the 2nd generation");
  {
    pqxx::work tx(catalog.db().conn());
    tx.exec0(std::string("INSERT INTO products (id, sku, name, slug, brand_id, type, form, base_price, selling_price, "
                         "stock_quantity, ingredients, indications, status) VALUES ('") + kNewProduct +
             "', 'DAB-BRA-60', 'Brahmi Vati 60 tablets', 'brahmi-vati-60-tablets', "
             "'10000000-0000-4000-8000-000000000001', 'medicine', 'tablet', 200, 180, 12, '[\"Brahmi\"]', "
             "'[\"memory\"]', 'active')");
    tx.commit();
  }
  const auto incremental = catalog.reindex(true);
  CHECK(incremental.kind == "incremental");
  step(eventually([&] { return serving(server.port(), incremental); }, std::chrono::seconds(10)),
       "serves the incremental generation");
  step(finds(server.port(), "brahmi", kNewProduct), "finds the product the incremental run added");
  const auto last = catalog.reindex();
  step(eventually([&] { return serving(server.port(), last); }, std::chrono::seconds(10)), "serves the last generation");
  step(load.wait_for_ok(load.ok_so_far() + 20, std::chrono::seconds(10)), "answers after the last switch");
  const LoadTally tally = load.stop();

  INFO("server log:\n" << server.log());
  INFO("first failures: " << (tally.failures.empty() ? std::string("none") : tally.failures.front()));
  CHECK(tally.answered > 50);
  CHECK(tally.not_ok() == 0);
  CHECK(generation_number(last.generation) > generation_number(incremental.generation));
  CHECK(finds(server.port(), "bacopa monnieri", kNewProduct));  // Brahmi under its botanical name
  CHECK(server.terminate() == 0);
}

}  // namespace
}  // namespace ayc::e2e
