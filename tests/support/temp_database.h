// A throwaway PostgreSQL database for one integration test.
//
// Made from the `ayc_template` database that scripts/test.sh loads with
// data/schema.sql, so each test starts from the real schema and reference data
// and leaves nothing behind. The server to use comes from AYC_TEST_PG (an
// admin URL such as postgresql://postgres@127.0.0.1:54339/postgres); without it
// the test fails with a message saying how to run the suite.
//
// Thread-safety: one object per test; not shared.
#pragma once

#include <memory>
#include <string>

#include <pqxx/pqxx>

namespace ayc::testing {

// The admin URL from AYC_TEST_PG; FAILs the current test when it is unset.
std::string admin_url();

class TempDatabase {
 public:
  TempDatabase();
  ~TempDatabase();
  TempDatabase(const TempDatabase&) = delete;
  TempDatabase& operator=(const TempDatabase&) = delete;

  const std::string& name() const { return name_; }
  const std::string& url() const { return url_; }
  // A connection owned by this object, for setting up and checking rows.
  pqxx::connection& conn();

 private:
  std::string name_;
  std::string url_;
  std::unique_ptr<pqxx::connection> conn_;
};

}  // namespace ayc::testing
