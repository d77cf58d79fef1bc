// data/schema.sql on a real PostgreSQL 15: the seed document's own setup
// statements, its triggers, RLS and roles, and the reference data.
#include <filesystem>
#include <fstream>

#include <pqxx/pqxx>

#include <catch2/catch.hpp>

#include "tests/support/temp_database.h"

namespace ayc {
namespace {

using testing::TempDatabase;

std::string scalar(pqxx::connection& c, const std::string& sql) {
  pqxx::work tx(c);
  pqxx::row r = tx.exec1(sql);
  tx.commit();
  return r[0].is_null() ? "NULL" : r[0].c_str();
}

void exec(pqxx::connection& c, const std::string& sql) {
  pqxx::work tx(c);
  tx.exec0(sql);
  tx.commit();
}

// Whether `sql`, run as `role`, is refused for lack of a privilege (anything
// else it throws fails the test). Rolled back either way.
bool refused_as(pqxx::connection& c, const std::string& role, const std::string& sql) {
  pqxx::work tx(c);
  tx.exec0("SET LOCAL ROLE " + role);
  try {
    tx.exec(sql);
  } catch (const pqxx::insufficient_privilege&) {
    return true;
  }
  return false;
}

// Every privilege the two roles hold in the public schema, table and column
// level, and every RLS policy, one per line in a fixed order.
std::string role_privileges(pqxx::connection& c) {
  return scalar(c, R"(
    SELECT string_agg(line, E'\n' ORDER BY line) FROM (
      SELECT c.relname || ' ' || x.privilege_type || ' ' || g.rolname AS line
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
      CROSS JOIN LATERAL aclexplode(c.relacl) x JOIN pg_roles g ON g.oid = x.grantee
      WHERE g.rolname LIKE 'ayurvedacart\_%'
      UNION ALL
      SELECT c.relname || '.' || a.attname || ' ' || x.privilege_type || ' ' || g.rolname
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attacl IS NOT NULL AND NOT a.attisdropped
      CROSS JOIN LATERAL aclexplode(a.attacl) x JOIN pg_roles g ON g.oid = x.grantee
      WHERE g.rolname LIKE 'ayurvedacart\_%'
      UNION ALL
      SELECT 'policy ' || tablename || ' ' || policyname || ' ' || cmd || ' ' || array_to_string(roles, ',') ||
             ' ' || COALESCE(qual, '')
      FROM pg_policies WHERE schemaname = 'public') s)");
}

// `path`'s SQL with each psql "\\ir FILE" line replaced by FILE's, read
// relative to `path` (as scripts/pg.sh's psql runs it), for one exec().
std::string read_sql(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) FAIL("cannot read " << path.string());
  std::string text;
  for (std::string line; std::getline(in, line);) {
    text += line.rfind("\\ir ", 0) == 0 ? read_sql(path.parent_path() / line.substr(4)) : line + "\n";
  }
  return text;
}

std::string read_migration(const std::string& name) {
  // This file is tests/data/schema_test.cpp; the migrations are in data/migrations/.
  return read_sql(std::filesystem::path(__FILE__).parent_path().parent_path().parent_path() / "data" / "migrations" /
                  name);
}

// A product with stock 10, a customer and an order to hang lines on.
void seed_shop(pqxx::connection& c) {
  exec(c, R"(
    INSERT INTO brands (id, name, slug) VALUES ('00000000-0000-4000-8000-000000000001', 'Dabur', 'dabur');
    INSERT INTO products (id, sku, name, slug, brand_id, type, base_price, selling_price, stock_quantity,
                          created_at, updated_at)
      VALUES ('00000000-0000-4000-8000-000000000010', 'DAB-1', 'Dabur Chyawanprash 500 g', 'dabur-chyawanprash-500-g',
              '00000000-0000-4000-8000-000000000001', 'medicine', 250, 225, 10, '2020-01-01', '2020-01-01');
    INSERT INTO users (id, email, password_hash, first_name, last_name)
      VALUES ('00000000-0000-4000-8000-000000000020', 'priya@example.com', 'x', 'Priya', 'Nair');
    INSERT INTO orders (id, order_number, user_id, subtotal, total_amount, shipping_address)
      VALUES ('00000000-0000-4000-8000-000000000030', 'AYC-1', '00000000-0000-4000-8000-000000000020', 675, 675,
              '{"city": "Kochi"}');
  )");
}

TEST_CASE("the seed document's Initial Setup Migration runs on the fresh schema") {
  TempDatabase db;
  exec(db.conn(), R"(
    INSERT INTO categories (name, slug, description) VALUES
    ('Classical Medicines', 'classical-medicines', 'Traditional Ayurvedic formulations'),
    ('Personal Care', 'personal-care', 'Ayurvedic personal care products'),
    ('Health Supplements', 'health-supplements', 'Natural health supplements'),
    ('Oils & Ghee', 'oils-ghee', 'Medicated oils and ghee preparations');
    INSERT INTO brands (name, slug, description, country) VALUES
    ('Kottakkal Arya Vaidya Sala', 'kottakkal', 'Authentic Ayurvedic medicines since 1902', 'India'),
    ('Vaidyaratnam', 'vaidyaratnam', 'Traditional Ayurvedic preparations', 'India'),
    ('Kerala Ayurveda', 'kerala-ayurveda', 'Premium Ayurvedic products', 'India');
  )");
  CHECK(scalar(db.conn(), "SELECT count(*) FROM categories") == "4");
  CHECK(scalar(db.conn(), "SELECT count(*) FROM brands") == "3");
}

TEST_CASE("an order line takes stock and deleting it puts it back") {
  TempDatabase db;
  seed_shop(db.conn());
  exec(db.conn(), R"(INSERT INTO order_items (id, order_id, product_id, product_name, product_sku, unit_price,
                                               quantity, total_price)
                     VALUES ('00000000-0000-4000-8000-000000000040', '00000000-0000-4000-8000-000000000030',
                             '00000000-0000-4000-8000-000000000010', 'Dabur Chyawanprash 500 g', 'DAB-1', 225, 3, 675))");
  CHECK(scalar(db.conn(), "SELECT stock_quantity FROM products") == "7");
  exec(db.conn(), "DELETE FROM order_items");
  CHECK(scalar(db.conn(), "SELECT stock_quantity FROM products") == "10");
}

TEST_CASE("ratings are recomputed from approved reviews only") {
  TempDatabase db;
  seed_shop(db.conn());
  exec(db.conn(), R"(INSERT INTO product_reviews (product_id, user_id, rating, is_approved) VALUES
                     ('00000000-0000-4000-8000-000000000010', '00000000-0000-4000-8000-000000000020', 5, true),
                     ('00000000-0000-4000-8000-000000000010', '00000000-0000-4000-8000-000000000020', 2, true),
                     ('00000000-0000-4000-8000-000000000010', '00000000-0000-4000-8000-000000000020', 1, false))");
  CHECK(scalar(db.conn(), "SELECT average_rating FROM products") == "3.50");
  CHECK(scalar(db.conn(), "SELECT review_count FROM products") == "2");
  exec(db.conn(), "UPDATE product_reviews SET is_approved = true WHERE rating = 1");
  CHECK(scalar(db.conn(), "SELECT average_rating FROM products") == "2.67");
  CHECK(scalar(db.conn(), "SELECT review_count FROM products") == "3");
}

TEST_CASE("updated_at moves on UPDATE") {
  TempDatabase db;
  seed_shop(db.conn());
  exec(db.conn(), "UPDATE products SET selling_price = 215");
  CHECK(scalar(db.conn(), "SELECT updated_at > '2024-01-01' FROM products") == "t");
  CHECK(scalar(db.conn(), "SELECT created_at < '2021-01-01' FROM products") == "t");
}

TEST_CASE("deleting a product records it for incremental reindexing") {
  TempDatabase db;
  seed_shop(db.conn());
  exec(db.conn(), "DELETE FROM orders; DELETE FROM products");
  CHECK(scalar(db.conn(), "SELECT sku || ' ' || slug FROM product_deletions "
                          "WHERE product_id = '00000000-0000-4000-8000-000000000010'") ==
        "DAB-1 dabur-chyawanprash-500-g");
}

TEST_CASE("page_views takes rows for today (default partition)") {
  TempDatabase db;
  exec(db.conn(), "INSERT INTO page_views (page_url) VALUES ('/products/dabur-chyawanprash-500-g')");
  CHECK(scalar(db.conn(), "SELECT count(*) FROM page_views WHERE created_at::date = current_date") == "1");
}

TEST_CASE("auth.uid() returns the JWT subject") {
  TempDatabase db;
  pqxx::work tx(db.conn());
  tx.exec0("SET LOCAL request.jwt.claim.sub = '00000000-0000-4000-8000-000000000020'");
  CHECK(tx.exec1("SELECT auth.uid()")[0].as<std::string>() == "00000000-0000-4000-8000-000000000020");
  tx.exec0("SET LOCAL request.jwt.claim.sub = ''");
  tx.exec0("SET LOCAL request.jwt.claims = '{\"sub\": \"00000000-0000-4000-8000-000000000021\"}'");
  CHECK(tx.exec1("SELECT auth.uid()")[0].as<std::string>() == "00000000-0000-4000-8000-000000000021");
}

TEST_CASE("the indexer role reads orders despite RLS but cannot write products") {
  TempDatabase db;
  seed_shop(db.conn());
  {
    pqxx::work tx(db.conn());
    tx.exec0("SET LOCAL ROLE ayurvedacart_indexer");
    CHECK(tx.exec1("SELECT count(*) FROM orders")[0].as<int>() == 1);
    CHECK(tx.exec1("SELECT count(*) FROM users")[0].as<int>() == 1);
  }
  pqxx::work tx(db.conn());
  tx.exec0("SET LOCAL ROLE ayurvedacart_indexer");
  CHECK_THROWS_AS(tx.exec0("INSERT INTO products (sku, name, slug, type, base_price, selling_price) "
                           "VALUES ('X', 'X', 'x', 'medicine', 1, 1)"),
                  pqxx::insufficient_privilege);
}

TEST_CASE("the server role writes search_logs but cannot read product names") {
  TempDatabase db;
  seed_shop(db.conn());
  {
    pqxx::work tx(db.conn());
    tx.exec0("SET LOCAL ROLE ayurvedacart_server");
    tx.exec0("INSERT INTO search_logs (id, query, results_count) "
             "VALUES ('00000000-0000-4000-8000-000000000050', 'ashwagandha', 12)");
    tx.exec0("UPDATE search_logs SET clicked_product_id = '00000000-0000-4000-8000-000000000010'");
    CHECK(tx.exec1("SELECT count(id) FROM products")[0].as<int>() == 1);
    tx.commit();
  }
  CHECK(scalar(db.conn(), "SELECT clicked_product_id FROM search_logs") == "00000000-0000-4000-8000-000000000010");
  pqxx::work tx(db.conn());
  tx.exec0("SET LOCAL ROLE ayurvedacart_server");
  CHECK_THROWS_AS(tx.exec("SELECT name FROM products"), pqxx::insufficient_privilege);
}

TEST_CASE("the indexer role reads no password hash, e-mail, phone, name, address or amount") {
  TempDatabase db;
  seed_shop(db.conn());
  const char* role = "ayurvedacart_indexer";
  CHECK_FALSE(refused_as(db.conn(), role, "SELECT id FROM users"));
  CHECK_FALSE(refused_as(db.conn(), role, "SELECT id, user_id, status, ordered_at FROM orders"));
  for (const char* sql : {"SELECT password_hash FROM users", "SELECT email FROM users", "SELECT phone FROM users",
                          "SELECT first_name, last_name FROM users", "SELECT date_of_birth FROM users",
                          "SELECT * FROM users", "SELECT shipping_address FROM orders",
                          "SELECT billing_address FROM orders", "SELECT total_amount FROM orders",
                          "SELECT customer_notes FROM orders", "SELECT unit_price FROM order_items",
                          "SELECT address_line_1 FROM user_addresses", "SELECT health_profile FROM user_profiles",
                          "SELECT user_id FROM search_logs", "SELECT ip_address, user_agent FROM search_logs",
                          "SELECT email FROM vendors", "SELECT diagnosis FROM consultations",
                          "SELECT code FROM coupons", "UPDATE product_recommendations SET score = 0",
                          "DELETE FROM search_logs"}) {
    INFO(sql);
    CHECK(refused_as(db.conn(), role, sql));
  }
}

TEST_CASE("the server role neither reads logged searches nor changes more than the click") {
  TempDatabase db;
  seed_shop(db.conn());
  exec(db.conn(), "INSERT INTO search_logs (id, query, results_count) "
                  "VALUES ('00000000-0000-4000-8000-000000000050', 'ashwagandha', 12)");
  const char* role = "ayurvedacart_server";
  CHECK_FALSE(refused_as(db.conn(), role,
                         "UPDATE search_logs s SET clicked_product_id = p.id FROM products p "
                         "WHERE s.id = '00000000-0000-4000-8000-000000000050' AND p.id = "
                         "'00000000-0000-4000-8000-000000000010' RETURNING s.id"));
  for (const char* sql : {"SELECT query FROM search_logs", "SELECT * FROM search_logs",
                          "SELECT user_id, session_id, ip_address, user_agent FROM search_logs",
                          "UPDATE search_logs SET query = 'x'", "UPDATE search_logs SET user_id = NULL",
                          "UPDATE search_logs SET clicked_product_id = NULL WHERE query = 'ashwagandha'",
                          "INSERT INTO search_logs (query, clicked_product_id) "
                          "VALUES ('x', '00000000-0000-4000-8000-000000000010')",
                          "DELETE FROM search_logs", "SELECT email FROM users", "SELECT password_hash FROM users",
                          "SELECT id FROM orders", "SELECT name FROM products",
                          "DELETE FROM product_recommendations"}) {
    INFO(sql);
    CHECK(refused_as(db.conn(), role, sql));
  }
}

TEST_CASE("migration 004 gives an existing database exactly the new schema's grants, and is safe to repeat") {
  TempDatabase db;  // data/schema.sql and every migration: what a new database holds
  const std::string fresh = role_privileges(db.conn());
  CHECK(fresh.find("users.password_hash") == std::string::npos);
  const std::string migration = read_migration("004_least_privilege.sql");

  // The grants a database had before migration 004.
  exec(db.conn(), R"(
    REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ayurvedacart_indexer, ayurvedacart_server;
    GRANT SELECT ON ALL TABLES IN SCHEMA public TO ayurvedacart_indexer;
    GRANT INSERT, DELETE ON product_recommendations TO ayurvedacart_indexer;
    GRANT SELECT, INSERT, UPDATE ON search_logs TO ayurvedacart_server;
    GRANT SELECT (id) ON users TO ayurvedacart_server;
    GRANT SELECT (id) ON products TO ayurvedacart_server;
    DELETE FROM schema_migrations WHERE version = 4;
  )");
  REQUIRE(role_privileges(db.conn()) != fresh);
  exec(db.conn(), migration);
  CHECK(role_privileges(db.conn()) == fresh);
  CHECK(scalar(db.conn(), "SELECT count(*) FROM schema_migrations WHERE version = 4") == "1");
  exec(db.conn(), migration);
  CHECK(role_privileges(db.conn()) == fresh);
}

TEST_CASE("migration 005 adds clicked_position with the server's grant to a database without it, and is safe to repeat") {
  TempDatabase db;
  const std::string fresh = role_privileges(db.conn());
  CHECK(fresh.find("search_logs.clicked_position") != std::string::npos);
  exec(db.conn(), "ALTER TABLE search_logs DROP COLUMN clicked_position; DELETE FROM schema_migrations WHERE version = 5");
  REQUIRE(role_privileges(db.conn()) != fresh);
  const std::string migration = read_migration("005_click_position.sql");
  exec(db.conn(), migration);
  CHECK(role_privileges(db.conn()) == fresh);
  exec(db.conn(), migration);
  CHECK(scalar(db.conn(), "SELECT count(*) FROM schema_migrations WHERE version = 5") == "1");
  CHECK_THROWS_AS(exec(db.conn(), "INSERT INTO search_logs (query, clicked_position) VALUES ('x', 0)"),
                  pqxx::check_violation);
}

TEST_CASE("reference data is loaded with the schema") {
  TempDatabase db;
  CHECK(scalar(db.conn(), "SELECT count(*) FROM currencies") == "6");
  CHECK(scalar(db.conn(), "SELECT exchange_rate FROM currencies WHERE code = 'INR'") == "83.0000");
  CHECK(std::stoi(scalar(db.conn(), "SELECT count(*) FROM ingredients")) >= 120);
  CHECK(scalar(db.conn(), "SELECT canonical_name FROM ingredients WHERE botanical_name = 'Withania somnifera'") ==
        "Ashwagandha");
  CHECK(scalar(db.conn(), "SELECT value FROM store_settings WHERE key = 'base_currency'") == "INR");
  CHECK(scalar(db.conn(), "SELECT role FROM search_query_words WHERE word = 'maha'") == "grade");
  CHECK(scalar(db.conn(), "SELECT role FROM search_query_words WHERE word = 'online'") == "noise");
}

TEST_CASE("a query word is one lowercase word with a known role") {
  TempDatabase db;
  CHECK_THROWS_AS(exec(db.conn(), "INSERT INTO search_query_words VALUES ('buy online', 'noise')"),
                  pqxx::check_violation);
  CHECK_THROWS_AS(exec(db.conn(), "INSERT INTO search_query_words VALUES ('Genuine', 'noise')"),
                  pqxx::check_violation);
  CHECK_THROWS_AS(exec(db.conn(), "INSERT INTO search_query_words VALUES ('genuine', 'prefix')"),
                  pqxx::check_violation);
  exec(db.conn(), "INSERT INTO search_query_words VALUES ('genuine', 'noise')");
  CHECK(scalar(db.conn(), "SELECT count(*) FROM search_query_words WHERE word = 'genuine'") == "1");
}

}  // namespace
}  // namespace ayc
