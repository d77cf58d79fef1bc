#include "tests/support/temp_database.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <mutex>
#include <random>

#include <catch2/catch.hpp>

namespace ayc::testing {

namespace {
std::string replace_dbname(const std::string& url, const std::string& db) {
  // URL form: postgresql://user@host:port/dbname[?params]
  auto scheme = url.find("://");
  if (scheme != std::string::npos) {
    auto slash = url.find('/', scheme + 3);
    auto query = url.find('?', scheme + 3);
    std::string tail = query == std::string::npos ? "" : url.substr(query);
    std::string head = slash == std::string::npos ? url.substr(0, query) : url.substr(0, slash);
    return head + "/" + db + tail;
  }
  return url + " dbname=" + db;  // key=value form: the last dbname wins
}

// `role` as a login role holding `group` and no power of its own. Another
// test process may be making it at the same moment: a lost race is retried.
void make_login_role(pqxx::connection& c, const std::string& role, const std::string& group) {
  for (int attempt = 1;; ++attempt) {
    try {
      pqxx::nontransaction tx(c);
      tx.exec0("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role +
               "') THEN CREATE ROLE " + role + " LOGIN; END IF; END $$");
      tx.exec0("ALTER ROLE " + role + " LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS");
      tx.exec0("GRANT " + group + " TO " + role);
      return;
    } catch (const pqxx::sql_error&) {
      if (attempt == 3) throw;
    }
  }
}
}  // namespace

void ensure_test_login_roles() {
  static std::mutex mu;
  static bool done = false;
  std::lock_guard<std::mutex> lock(mu);
  if (done) return;
  pqxx::connection c(admin_url());
  make_login_role(c, kIndexerLogin, "ayurvedacart_indexer");
  make_login_role(c, kServerLogin, "ayurvedacart_server");
  done = true;
}

std::string url_with_user(const std::string& url, const std::string& user) {
  const auto scheme = url.find("://");
  if (scheme == std::string::npos) return url + " user=" + user;  // key=value form: the last user wins
  const auto host = scheme + 3;
  const auto authority_end = std::min(url.find('/', host), url.find('?', host));
  const auto at = url.rfind('@', authority_end);
  const auto rest = at != std::string::npos && at >= host ? at + 1 : host;  // any user[:password]@ dropped
  return url.substr(0, host) + user + "@" + url.substr(rest);
}

std::string admin_url() {
  const char* url = std::getenv("AYC_TEST_PG");
  if (url == nullptr || *url == '\0') {
    FAIL("AYC_TEST_PG is not set: run the suite with scripts/test.sh, which starts PostgreSQL");
  }
  return url;
}

TempDatabase::TempDatabase() {
  static std::atomic<int> counter{0};
  std::random_device rd;
  name_ = "t_" + std::to_string(rd() % 1000000000u) + "_" + std::to_string(counter++);
  std::string admin = admin_url();
  ensure_test_login_roles();  // before the database: a throw here leaves nothing behind
  {
    pqxx::connection c(admin);
    pqxx::nontransaction tx(c);
    tx.exec0("CREATE DATABASE " + name_ + " TEMPLATE ayc_template");
  }
  url_ = replace_dbname(admin, name_);
}

pqxx::connection& TempDatabase::conn() {
  if (!conn_) conn_ = std::make_unique<pqxx::connection>(url_);
  return *conn_;
}

TempDatabase::~TempDatabase() {
  conn_.reset();
  try {
    pqxx::connection c(admin_url());
    pqxx::nontransaction tx(c);
    tx.exec0("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  } catch (...) {
    // Leaving a stray test database behind is harmless; never throw from a destructor.
  }
}

}  // namespace ayc::testing
