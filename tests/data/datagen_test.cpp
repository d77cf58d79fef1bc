// The generator end to end on real databases: determinism, integrity and
// plausibility of what it writes, the fast path matching the schema's
// triggers, the refuse-non-empty rule, and the executable's contract.
#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include <pqxx/pqxx>

#include <catch2/catch.hpp>

#include "data/datagen/generator.h"
#include "tests/support/temp_database.h"
#include "tests/support/temp_dir.h"

namespace ayc::datagen {
namespace {

using ayc::testing::TempDatabase;
using ayc::testing::TempDir;

Config small_config(const std::string& url, std::int64_t seed, std::int64_t products = 300) {
  Config c;
  c.pg = url;
  c.products = products;
  c.seed = seed;
  c.end_date = "2025-06-01";
  c.progress = false;
  REQUIRE(finalize(c, 0).ok());
  return c;
}

Summary run(const Config& c) {
  std::ostringstream progress;
  auto summary = generate(c, progress);
  INFO((summary.ok() ? std::string("ok") : summary.status().to_string()));
  REQUIRE(summary.ok());
  return *summary;
}

std::string scalar(pqxx::connection& c, const std::string& sql) {
  pqxx::read_transaction tx(c);
  pqxx::row r = tx.exec1(sql);
  return r[0].is_null() ? "NULL" : r[0].c_str();
}

std::int64_t count(pqxx::connection& c, const std::string& sql) { return std::stoll(scalar(c, sql)); }

// md5 of a table's rows in id order.
std::string digest(pqxx::connection& c, const std::string& table) {
  return scalar(c, "SELECT md5(string_agg(t::text, E'\\n' ORDER BY t::text)) FROM " + table + " t");
}

TEST_CASE("the same seed and end date give byte-identical data, another seed does not") {
  TempDatabase a, b, other;
  run(small_config(a.url(), 17));
  run(small_config(b.url(), 17));
  run(small_config(other.url(), 18));
  for (const char* table : {"products", "orders", "order_items", "product_reviews", "users", "product_variants",
                            "distribution_center_inventory", "search_logs", "brands", "categories"}) {
    INFO(table);
    CHECK(digest(a.conn(), table) == digest(b.conn(), table));
  }
  CHECK(digest(a.conn(), "products") != digest(other.conn(), "products"));
  CHECK(digest(a.conn(), "orders") != digest(other.conn(), "orders"));
}

// One generated store, shared by the read-only checks below.
struct Store {
  TempDatabase db;
  Summary summary;
  Store() { summary = run(small_config(db.url(), 7)); }
};
Store& store() {
  static Store s;
  return s;
}

TEST_CASE("a store of 300 products has the scaled sizes") {
  const Summary& s = store().summary;
  CHECK(s.products == 300);
  CHECK(s.customers == 150);
  CHECK(s.orders == 1050);
  CHECK(s.order_lines > 2000);
  CHECK(s.reviews == 300);
  CHECK(s.search_logs == 150);
  CHECK(count(store().db.conn(), "SELECT count(*) FROM products") == 300);
}

TEST_CASE("every product has a brand and exactly one primary category") {
  auto& c = store().db.conn();
  CHECK(count(c, "SELECT count(*) FROM products p LEFT JOIN brands b ON b.id = p.brand_id WHERE b.id IS NULL") == 0);
  CHECK(count(c, "SELECT count(*) FROM products p WHERE (SELECT count(*) FROM product_categories pc "
                 "WHERE pc.product_id = p.id AND pc.is_primary) <> 1") == 0);
  CHECK(count(c, "SELECT count(*) FROM brands WHERE slug IN ('kottakkal', 'vaidyaratnam', 'kerala-ayurveda')") == 3);
  CHECK(count(c, "SELECT count(*) FROM categories WHERE slug IN ('classical-medicines', 'personal-care', "
                 "'health-supplements', 'oils-ghee') AND parent_id IS NULL") == 4);
}

TEST_CASE("prices, discounts and tax rates are consistent") {
  auto& c = store().db.conn();
  CHECK(count(c, "SELECT count(*) FROM products WHERE selling_price > base_price OR selling_price <= 0") == 0);
  CHECK(count(c, "SELECT count(*) FROM products WHERE abs(discount_percentage - "
                 "round((base_price - selling_price) * 100 / base_price, 2)) > 0.01") == 0);
  CHECK(count(c, "SELECT count(*) FROM products WHERE tax_rate NOT IN (5, 12, 18)") == 0);
}

TEST_CASE("order totals add up and every reference resolves") {
  auto& c = store().db.conn();
  CHECK(count(c, "SELECT count(*) FROM order_items WHERE total_price <> unit_price * quantity") == 0);
  CHECK(count(c, "SELECT count(*) FROM orders o WHERE subtotal <> (SELECT sum(total_price) FROM order_items i "
                 "WHERE i.order_id = o.id)") == 0);
  CHECK(count(c, "SELECT count(*) FROM orders WHERE total_amount <> subtotal + tax_amount + shipping_amount - "
                 "discount_amount") == 0);
  CHECK(count(c, "SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id)") == 0);
  CHECK(count(c, "SELECT count(*) FROM order_items i LEFT JOIN product_variants v ON v.id = i.variant_id "
                 "WHERE v.id IS NULL OR v.product_id <> i.product_id") == 0);
  CHECK(count(c, "SELECT count(*) FROM orders o LEFT JOIN users u ON u.id = o.user_id WHERE u.id IS NULL") == 0);
  CHECK(count(c, "SELECT count(*) FROM product_reviews r JOIN order_items i ON i.id = r.order_item_id "
                 "JOIN orders o ON o.id = i.order_id WHERE i.product_id <> r.product_id OR o.user_id <> r.user_id "
                 "OR o.status <> 'delivered'") == 0);
  CHECK(count(c, "SELECT count(*) FROM product_reviews WHERE order_item_id IS NULL") == 0);
  CHECK(count(c, "SELECT count(*) FROM distribution_center_inventory d LEFT JOIN distribution_centers c "
                 "ON c.id = d.distribution_center_id WHERE c.id IS NULL") == 0);
  CHECK(count(c, "SELECT count(*) FROM search_logs s LEFT JOIN products p ON p.id = s.clicked_product_id "
                 "WHERE s.clicked_product_id IS NOT NULL AND p.id IS NULL") == 0);
}

TEST_CASE("only listed products sell, and stock and ratings are what the triggers would leave") {
  auto& c = store().db.conn();
  CHECK(count(c, "SELECT count(*) FROM order_items i JOIN products p ON p.id = i.product_id "
                 "WHERE p.status NOT IN ('active', 'discontinued')") == 0);
  CHECK(count(c, "SELECT count(*) FROM products p WHERE stock_quantity <> (SELECT coalesce(sum(stock_quantity), 0) "
                 "FROM distribution_center_inventory d WHERE d.product_id = p.id)") == 0);
  CHECK(count(c, "SELECT count(*) FROM products WHERE stock_quantity < 0") == 0);
  CHECK(count(c, "SELECT count(*) FROM products p WHERE review_count <> (SELECT count(*) FROM product_reviews r "
                 "WHERE r.product_id = p.id AND r.is_approved)") == 0);
  CHECK(count(c, "SELECT count(*) FROM products p WHERE average_rating IS DISTINCT FROM (SELECT CASE WHEN "
                 "count(*) = 0 THEN 0 ELSE avg(rating) FILTER (WHERE is_approved)::decimal(3,2) END "
                 "FROM product_reviews r WHERE r.product_id = p.id)") == 0);
  CHECK(count(c, "SELECT count(*) FROM product_reviews WHERE rating >= 4") * 10 >
        count(c, "SELECT count(*) FROM product_reviews") * 6);
}

TEST_CASE("every timestamp falls in the year before the end date") {
  auto& c = store().db.conn();
  for (const char* check : {"SELECT count(*) FROM orders WHERE ordered_at < '2024-06-01' OR ordered_at >= "
                            "'2025-06-01' OR updated_at >= '2025-06-01'",
                            "SELECT count(*) FROM products WHERE created_at < '2024-06-01' OR updated_at >= '2025-06-01'",
                            "SELECT count(*) FROM users WHERE created_at < '2024-06-01' OR last_login_at >= '2025-06-01'",
                            "SELECT count(*) FROM product_reviews WHERE created_at >= '2025-06-01' OR created_at < "
                            "'2024-06-01'",
                            "SELECT count(*) FROM search_logs WHERE created_at >= '2025-06-01' OR created_at < '2024-06-01'",
                            "SELECT count(*) FROM orders o JOIN users u ON u.id = o.user_id WHERE o.ordered_at < u.created_at"}) {
    INFO(check);
    CHECK(count(c, check) == 0);
  }
}

TEST_CASE("regimens show: some pair of products sells together far more than chance") {
  auto& c = store().db.conn();
  const double lift = std::stod(scalar(c, R"(
    WITH lines AS (SELECT DISTINCT order_id, product_id FROM order_items),
         n AS (SELECT count(DISTINCT order_id)::float AS orders FROM lines),
         f AS (SELECT product_id, count(*)::float AS k FROM lines GROUP BY 1),
         pairs AS (SELECT a.product_id AS p, b.product_id AS q, count(*)::float AS k
                   FROM lines a JOIN lines b ON a.order_id = b.order_id AND a.product_id < b.product_id
                   GROUP BY 1, 2 HAVING count(*) >= 5)
    SELECT coalesce(max(pairs.k * n.orders / (fp.k * fq.k)), 0)
    FROM pairs JOIN f fp ON fp.product_id = pairs.p JOIN f fq ON fq.product_id = pairs.q CROSS JOIN n)"));
  CHECK(lift > 5.0);
}

TEST_CASE("search history has clicks, empty results, typos and logged-in users") {
  auto& c = store().db.conn();
  CHECK(count(c, "SELECT count(*) FROM search_logs WHERE clicked_product_id IS NOT NULL") > 10);
  CHECK(count(c, "SELECT count(*) FROM search_logs WHERE results_count = 0") > 3);
  CHECK(count(c, "SELECT count(*) FROM search_logs WHERE user_id IS NOT NULL") > 20);
}

TEST_CASE("the bulk load leaves exactly what the schema's row triggers leave") {
  TempDatabase fast, slow;
  run(small_config(fast.url(), 23));
  Config reference = small_config(slow.url(), 23);
  reference.bulk_load = false;
  run(reference);
  const std::string counters =
      "SELECT md5(string_agg(id::text || ':' || stock_quantity || ':' || coalesce(average_rating::text, 'NULL') || "
      "':' || review_count, ',' ORDER BY id)) FROM products";
  CHECK(scalar(fast.conn(), counters) == scalar(slow.conn(), counters));
  CHECK(digest(fast.conn(), "order_items") == digest(slow.conn(), "order_items"));
  CHECK(digest(fast.conn(), "product_reviews") == digest(slow.conn(), "product_reviews"));
  CHECK(count(fast.conn(), "SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'O'") == 0);
}

TEST_CASE("a non-superuser owner loads with the triggers switched off inside its transaction") {
  const std::string role = "dg_owner_" + std::to_string(::getpid());
  {
    TempDatabase db;
    {
      pqxx::nontransaction admin(db.conn());
      admin.exec0("DO $$ BEGIN CREATE ROLE " + role + " LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
      admin.exec0("DO $$ DECLARE t text; BEGIN FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                  "LOOP EXECUTE format('ALTER TABLE %I OWNER TO " + role + "', t); END LOOP; END $$");
    }
    std::string url = db.url();
    const auto at = url.find("postgres@");
    if (at == std::string::npos) {
      WARN("AYC_TEST_PG is not a postgresql://postgres@... URL; skipping the non-superuser load");
      return;
    }
    url.replace(at, 8, role);
    run(small_config(url, 29, 120));
    CHECK(count(db.conn(), "SELECT count(*) FROM products") == 120);
    CHECK(count(db.conn(), "SELECT count(*) FROM products p WHERE review_count <> (SELECT count(*) FROM "
                           "product_reviews r WHERE r.product_id = p.id AND r.is_approved)") == 0);
    CHECK(count(db.conn(), "SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'O'") == 0);
  }
  pqxx::connection admin(ayc::testing::admin_url());
  pqxx::nontransaction tx(admin);
  tx.exec0("DROP ROLE IF EXISTS " + role);
}

TEST_CASE("a database with products is refused unless --reset") {
  TempDatabase db;
  run(small_config(db.url(), 31, 120));
  auto again = generate(small_config(db.url(), 32, 80), std::cerr);
  REQUIRE_FALSE(again.ok());
  CHECK(again.status().code() == StatusCode::kFailedPrecondition);
  CHECK(again.status().message() == "database already has 120 products; pass --reset to replace them");
  Config reset = small_config(db.url(), 32, 80);
  reset.reset = true;
  run(reset);
  CHECK(count(db.conn(), "SELECT count(*) FROM products") == 80);
  CHECK(count(db.conn(), "SELECT count(*) FROM brands WHERE slug = 'kottakkal'") == 1);
  CHECK(count(db.conn(), "SELECT count(*) FROM ingredients") >= 120);  // reference data survives
  CHECK(count(db.conn(), "SELECT count(*) FROM currencies") == 6);
}

TEST_CASE("the seed's sample brands alone also count as existing data") {
  TempDatabase db;
  pqxx::nontransaction(db.conn()).exec0(
      "INSERT INTO brands (name, slug, country) VALUES ('Kottakkal Arya Vaidya Sala', 'kottakkal', 'India')");
  auto r = generate(small_config(db.url(), 1, 50), std::cerr);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message() == "database already has 1 rows in brands; pass --reset to replace them");
}

struct Outcome {
  int exit_code = -1;
  std::string out, err;
  double seconds = 0;
};

Outcome run_binary(const std::string& args) {
  const char* dir = std::getenv("AYC_BIN_DIR");
  REQUIRE(dir != nullptr);
  TempDir tmp;
  const std::string out = (tmp.path() / "out").string(), err = (tmp.path() / "err").string();
  const auto start = std::chrono::steady_clock::now();
  const int status = std::system((std::string(dir) + "/ayurvedacart-datagen " + args + " >" + out + " 2>" + err).c_str());
  Outcome o;
  o.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  o.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  auto slurp = [](const std::string& path) {
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  o.out = slurp(out);
  o.err = slurp(err);
  return o;
}

std::size_t lines(const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }

TEST_CASE("the executable: --help, a bad flag, an unreachable database, a real run") {
  const Outcome help = run_binary("--help");
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Catch::Contains("--products"));
  CHECK_THAT(help.out, Catch::Contains("--reset"));

  const Outcome bad = run_binary("--products lots --pg postgresql://localhost/x");
  CHECK(bad.exit_code != 0);
  CHECK(lines(bad.err) == 1);
  CHECK_THAT(bad.err, Catch::Contains("--products"));

  const Outcome down = run_binary("--pg postgresql://postgres@127.0.0.1:1/nowhere --products 10");
  CHECK(down.exit_code != 0);
  CHECK(lines(down.err) == 1);
  CHECK_THAT(down.err, Catch::Contains("cannot connect"));
  CHECK(down.seconds < 20);

  TempDatabase db;
  const std::string pg = "--pg " + db.url() + " --products 40 --end-date 2025-06-01 --progress=false";
  const Outcome ok = run_binary(pg);
  CHECK(ok.exit_code == 0);
  CHECK(lines(ok.out) == 1);
  CHECK_THAT(ok.out, Catch::StartsWith("datagen: 40 products, 20 customers, 140 orders"));
  const Outcome refused = run_binary(pg);
  CHECK(refused.exit_code != 0);
  CHECK(lines(refused.err) == 1);
  CHECK_THAT(refused.err, Catch::Contains("already has 40 products; pass --reset"));
  CHECK(run_binary(pg + " --reset").exit_code == 0);
}

}  // namespace
}  // namespace ayc::datagen
