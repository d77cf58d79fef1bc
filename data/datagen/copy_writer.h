// The generator's side of PostgreSQL: one connection, one transaction for the
// whole load, rows streamed with COPY. Every libpqxx exception is caught here
// and returned as a Status with a one-line message.
//
// A load is: begin(); optionally reset(); copy() each table; commit(). Two
// CopyWriters may load different tables at the same time (each on its own
// connection and transaction), committed one after the other at the end.
// In bulk mode the schema's per-row stock and rating triggers (and the
// updated_at trigger on products) do not fire during the load: as superuser
// through session_replication_role = replica (which also skips the
// foreign-key triggers), otherwise by disabling those triggers inside the
// transaction and enabling them again before it commits. Rows then carry the
// values the triggers would have left.
//
// Thread-safety: one thread at a time.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "data/datagen/reference_data.h"
#include "data/datagen/row.h"

namespace ayc::datagen {

// Tables the generator fills (and --reset empties), parents first.
const std::vector<std::string>& generated_tables();

class CopyWriter {
 public:
  // Connects (with a connect timeout, so an unreachable host fails fast).
  static Result<std::unique_ptr<CopyWriter>> open(const std::string& url);
  ~CopyWriter();
  CopyWriter(const CopyWriter&) = delete;
  CopyWriter& operator=(const CopyWriter&) = delete;

  Result<ReferenceData> load_reference_data();
  // The first generated table that has rows, with its row count ("" when all are empty).
  Result<std::pair<std::string, std::int64_t>> first_filled_table();

  // Whether the connected role is a superuser (bulk loads can then use replica mode).
  Result<bool> is_superuser();
  Status begin(bool bulk);
  // Empties every generated table (never the reference tables).
  Status reset();
  // Streams the rows `produce` writes into `table`; sets *rows to their number.
  // Once `cancel` is set (by another lane's failure) rows are dropped unsent.
  Status copy(const TableSpec& table, const std::function<void(RowSink&)>& produce, std::uint64_t* rows,
              const std::atomic<bool>* cancel = nullptr);
  // Merges the pending lists of the table's GIN indexes. begin() lets them
  // grow during the load instead of merging every few megabytes, which is
  // much cheaper overall for the products' full-text indexes.
  Status merge_gin_pending(const std::string& table);
  Status commit();
  // Refreshes planner statistics on the generated tables (after commit).
  Status analyze();

 private:
  struct Session;  // the libpqxx connection and transaction
  explicit CopyWriter(std::unique_ptr<Session> session);
  Status run(const std::string& what, const std::function<void()>& body);

  std::unique_ptr<Session> session_;
};

// Collapses a multi-line library message into one line.
std::string one_line(std::string message);

}  // namespace ayc::datagen
