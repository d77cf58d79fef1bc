#include "tests/support/temp_database.h"

#include <atomic>
#include <cstdlib>
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
}  // namespace

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
