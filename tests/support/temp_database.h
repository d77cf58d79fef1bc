// A throwaway PostgreSQL database for one integration test.
//
// Made from the `ayc_template` database that scripts/test.sh loads with
// data/schema.sql, so each test starts from the real schema and reference data
// and leaves nothing behind. The server to use comes from AYC_TEST_PG (an
// admin URL such as postgresql://postgres@127.0.0.1:54339/postgres); without it
// the test fails with a message saying how to run the suite.
//
// Setting up and checking rows goes through the admin connection (conn());
// the code under test connects as the production roles would: the indexer
// through indexer_url(), the server through server_url(). Those are login
// roles without passwords (the test cluster trusts 127.0.0.1) that only hold
// the schema's NOLOGIN roles, so a grant data/schema.sql lacks fails the test.
// scripts/test.sh creates them; the first TempDatabase of a process creates
// them too when they are missing (ctest run against a cluster of one's own).
//
// Thread-safety: one object per test; not shared. ensure_test_login_roles()
// may be called from any thread.
#pragma once

#include <memory>
#include <string>

#include <pqxx/pqxx>

namespace ayc::testing {

// The admin URL from AYC_TEST_PG; FAILs the current test when it is unset.
std::string admin_url();

// The login roles the tests run the executables as: members of
// ayurvedacart_indexer and ayurvedacart_server, nothing else.
inline constexpr const char* kIndexerLogin = "ayc_test_indexer";
inline constexpr const char* kServerLogin = "ayc_test_server";

// Creates kIndexerLogin and kServerLogin on the AYC_TEST_PG server if they
// are missing (once per process; safe while other processes do the same).
void ensure_test_login_roles();

// `url` (a URI or key=value connection string) connecting as `user`, without
// a password.
std::string url_with_user(const std::string& url, const std::string& user);

class TempDatabase {
 public:
  TempDatabase();
  ~TempDatabase();
  TempDatabase(const TempDatabase&) = delete;
  TempDatabase& operator=(const TempDatabase&) = delete;

  const std::string& name() const { return name_; }
  // Admin: for the test's own setup and checks.
  const std::string& url() const { return url_; }
  // This database as `role`.
  std::string url_as(const std::string& role) const { return url_with_user(url_, role); }
  // This database as the indexer runs (kIndexerLogin) and as the server runs (kServerLogin).
  std::string indexer_url() const { return url_as(kIndexerLogin); }
  std::string server_url() const { return url_as(kServerLogin); }
  // A connection owned by this object, for setting up and checking rows.
  pqxx::connection& conn();

 private:
  std::string name_;
  std::string url_;
  std::unique_ptr<pqxx::connection> conn_;
};

}  // namespace ayc::testing
