// The world an end-to-end test runs in: a real PostgreSQL database with the
// small test catalogue (optionally plus a synthetic assortment for facet
// checks), an index generation built by the real indexer, and helpers for
// databases that do not exist yet (PostgreSQL "down" for a server's --pg).
//
// Thread-safety: one owner; the shared server is created once per process
// and only read afterwards.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "indexer/index_job.h"
#include "tests/server/e2e/server_process.h"
#include "tests/support/temp_database.h"
#include "tests/support/temp_dir.h"

namespace ayc::e2e {

// 80 products with ids 60000000-0000-4000-8000-0000000000NN ("Herbal Wellness
// Kit NN"): three brands and none, four forms, prices across every price band
// (exactly 250, 500 and 2000 included), zero to two categories, stock per
// distribution centre or only product-level, and some not active.
inline constexpr int kAssortmentSize = 80;

// The indexer runs as testing::kIndexerLogin; servers started on a catalogue
// connect as testing::kServerLogin (db().server_url()).
class Catalog {
 public:
  explicit Catalog(bool with_assortment);
  testing::TempDatabase& db() { return db_; }
  std::string index_dir() const { return (dir_.path() / "index").string(); }
  // A fresh path inside the catalogue's temporary folder.
  std::filesystem::path path(const std::string& name) const { return dir_.path() / name; }
  // A full (or incremental) indexer run; REQUIREs success.
  indexer::RunSummary reindex(bool incremental = false);

 private:
  testing::TempDatabase db_;
  testing::TempDir dir_;
};

// A database name reserved now, created from the schema template (with the
// small test catalogue) only when create() is called, and dropped at the end:
// a --pg URL that fails until then.
class LateDatabase {
 public:
  LateDatabase();
  ~LateDatabase();
  LateDatabase(const LateDatabase&) = delete;
  LateDatabase& operator=(const LateDatabase&) = delete;
  // Admin, for checks; server_url() is the same database as the server connects.
  const std::string& url() const { return url_; }
  std::string server_url() const { return testing::url_with_user(url_, testing::kServerLogin); }
  void create();
  // Search log ids among `ids` present in the database (0 before create()).
  long count_rows(const std::vector<std::string>& ids);

 private:
  std::string name_;
  std::string url_;
  bool created_ = false;
};

// `admin` with its database name replaced.
std::string url_for_database(const std::string& admin, const std::string& database);

// An SQL uuid[] literal of `ids`.
std::string uuid_array(const std::vector<std::string>& ids);

// Counts search_logs rows whose id is in `ids`.
long count_search_logs(pqxx::connection& conn, const std::vector<std::string>& ids);

// The catalogue with the assortment and one server on it, shared by the tests
// that only read (started with --read-timeout-ms 1500).
struct SharedServer {
  SharedServer();
  Catalog catalog{true};
  std::unique_ptr<ServerProcess> server;
  std::uint16_t port() const { return server->port(); }
};
SharedServer& shared_server();

}  // namespace ayc::e2e
