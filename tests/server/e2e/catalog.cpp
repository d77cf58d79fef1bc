#include "tests/server/e2e/catalog.h"

#include <atomic>
#include <random>

#include <catch2/catch.hpp>

#include "tests/support/catalog_fixture.h"

namespace ayc::e2e {

namespace {

// Ids: brands 10000000-...-00000000000{1,2,3}, categories 20000000-...-00000000000{1..5},
// distribution centres 30000000-...-00000000000{1 (IN), 2 (United States)}.
constexpr const char* kAssortmentSql = R"SQL(
INSERT INTO brands (id, name, slug, country) VALUES
 ('10000000-0000-4000-8000-000000000003', 'Vasu Healthcare', 'vasu-healthcare', 'India');
INSERT INTO categories (id, name, slug, parent_id) VALUES
 ('20000000-0000-4000-8000-000000000005', 'Vati & Gutika', 'vati-gutika', '20000000-0000-4000-8000-000000000001');
INSERT INTO products (id, sku, name, slug, brand_id, type, form, base_price, selling_price, stock_quantity,
                      status, indications)
SELECT ('60000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, 'KIT-' || g, 'Herbal Wellness Kit ' || g,
       'herbal-wellness-kit-' || g,
       CASE WHEN g % 13 = 0 THEN NULL ELSE ('10000000-0000-4000-8000-00000000000' || (g % 3 + 1))::uuid END,
       (ARRAY['medicine', 'supplement'])[g % 2 + 1],
       (ARRAY['tablet', 'capsule', 'powder', 'syrup'])[g % 4 + 1],
       3000,
       CASE g WHEN 1 THEN 250 WHEN 2 THEN 500 WHEN 3 THEN 2000 ELSE 90 + (g * 97) % 2900 END,
       (g % 2) * 5,
       CASE WHEN g % 7 = 0 THEN 'inactive' WHEN g % 11 = 0 THEN 'draft' ELSE 'active' END,
       '["digestion"]'
FROM generate_series(1, 80) g;
INSERT INTO product_categories (product_id, category_id, is_primary)
SELECT ('60000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid,
       ('20000000-0000-4000-8000-00000000000' || (ARRAY[2, 4, 5, 3])[g % 5 + 1])::uuid, true
FROM generate_series(1, 80) g WHERE g % 5 <> 4;
INSERT INTO product_categories (product_id, category_id, is_primary)
SELECT ('60000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid,
       '20000000-0000-4000-8000-000000000005', false
FROM generate_series(1, 80) g WHERE g % 6 = 0 AND g % 5 NOT IN (2, 4);
INSERT INTO distribution_center_inventory (distribution_center_id, product_id, stock_quantity, reserved_quantity)
SELECT '30000000-0000-4000-8000-000000000001', ('60000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid,
       CASE WHEN g % 3 = 1 THEN g % 4 ELSE 2 END, CASE WHEN g % 3 = 1 THEN 0 ELSE 2 END
FROM generate_series(1, 80) g WHERE g % 3 <> 0;
INSERT INTO distribution_center_inventory (distribution_center_id, product_id, stock_quantity, reserved_quantity)
SELECT '30000000-0000-4000-8000-000000000002', ('60000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid,
       g % 5, 0
FROM generate_series(1, 80) g WHERE g % 3 = 2;
)SQL";

indexer::IndexerConfig indexer_config(const std::string& pg, const std::string& index_dir) {
  indexer::IndexerConfig c;
  c.pg = pg;
  c.index_dir = index_dir;
  c.threads = 1;  // the test machine is small and shared
  c.progress = "never";
  return c;
}

}  // namespace

Catalog::Catalog(bool with_assortment) {
  testing::load_small_catalog(db_.conn());
  if (with_assortment) {
    pqxx::work tx(db_.conn());
    tx.exec0(kAssortmentSql);
    tx.commit();
  }
  reindex();
}

indexer::RunSummary Catalog::reindex(bool incremental) {
  const auto config = indexer_config(db_.indexer_url(), index_dir());
  auto run = incremental ? indexer::run_incremental(config) : indexer::run_full(config);
  INFO((run.ok() ? std::string() : run.status().message()));
  REQUIRE(run.ok());
  return *run;
}

std::string url_for_database(const std::string& admin, const std::string& database) {
  const auto scheme = admin.find("://");
  if (scheme == std::string::npos) return admin + " dbname=" + database;  // key=value: the last dbname wins
  const auto query = admin.find('?', scheme + 3);
  const auto slash = admin.find('/', scheme + 3);
  const std::string tail = query == std::string::npos ? "" : admin.substr(query);
  const std::string head = slash == std::string::npos || (query != std::string::npos && slash > query)
                               ? admin.substr(0, query)
                               : admin.substr(0, slash);
  return head + "/" + database + tail;
}

std::string uuid_array(const std::vector<std::string>& ids) {
  std::string out = "ARRAY[";
  for (std::size_t i = 0; i < ids.size(); ++i) out += (i ? ",'" : "'") + ids[i] + "'";
  return out + "]::uuid[]";
}

long count_search_logs(pqxx::connection& conn, const std::vector<std::string>& ids) {
  if (ids.empty()) return 0;
  pqxx::nontransaction tx(conn);
  return tx.exec1("SELECT count(*) FROM search_logs WHERE id = ANY(" + uuid_array(ids) + ")")[0].as<long>();
}

LateDatabase::LateDatabase() {
  static std::atomic<int> counter{0};
  std::random_device rd;
  name_ = "late_" + std::to_string(rd() % 1000000000u) + "_" + std::to_string(counter++);
  url_ = url_for_database(testing::admin_url(), name_);
  testing::ensure_test_login_roles();
}

LateDatabase::~LateDatabase() {
  if (!created_) return;
  try {
    pqxx::connection c(testing::admin_url());
    pqxx::nontransaction tx(c);
    tx.exec0("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  } catch (...) {
    // A stray test database is harmless; never throw from a destructor.
  }
}

void LateDatabase::create() {
  // Filled under another name and then renamed, so the server never sees the
  // database without its catalogue: a click applied in between would name a
  // product that is not there yet and be dropped (this race failed the click
  // check of the outage test in a few runs out of a hundred on a loaded machine).
  const std::string filling = name_ + "_filling";
  {
    pqxx::connection c(testing::admin_url());
    pqxx::nontransaction tx(c);
    tx.exec0("CREATE DATABASE " + filling + " TEMPLATE ayc_template");
  }
  {
    pqxx::connection db(url_for_database(testing::admin_url(), filling));
    testing::load_small_catalog(db);  // clicks name products, which must exist
  }
  pqxx::connection c(testing::admin_url());
  pqxx::nontransaction tx(c);
  tx.exec0("ALTER DATABASE " + filling + " RENAME TO " + name_);
  created_ = true;
}

long LateDatabase::count_rows(const std::vector<std::string>& ids) {
  if (!created_) return 0;
  pqxx::connection c(url_);
  return count_search_logs(c, ids);
}

SharedServer::SharedServer() {
  ServerArgs args;
  args.pg = catalog.db().server_url();
  args.index_dir = catalog.index_dir();
  args.spool_dir = catalog.path("spool").string();
  args.extra = {"--threads", "2", "--read-timeout-ms", "1500", "--cors-origins", "http://shop.test",
                "--web-root", std::string(AYC_SOURCE_DIR) + "/web"};
  server = std::make_unique<ServerProcess>(args, catalog.path("server.log"));
}

SharedServer& shared_server() {
  static SharedServer world;
  return world;
}

}  // namespace ayc::e2e
