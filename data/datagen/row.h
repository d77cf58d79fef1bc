// Rows in PostgreSQL's COPY text format, and where they go.
//
// Generators are pure: they build each row with Row (escaping text as COPY
// requires) and hand it to a RowSink. The PostgreSQL sink lives in
// copy_writer.h; MemorySink keeps rows in memory for tests. A TableSpec names
// a table and the column order its rows follow.
//
// Thread-safety: Row and the sinks are single-threaded values.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "data/datagen/rng.h"

namespace ayc::datagen {

struct TableSpec {
  std::string name;
  std::vector<std::string> columns;
};

class Row {
 public:
  Row& text(std::string_view value);
  // NULL when `value` is empty.
  Row& text_or_null(std::string_view value);
  Row& null();
  Row& integer(std::int64_t value);
  // A fixed-point number: fixed(12345, 2) writes "123.45".
  Row& fixed(std::int64_t scaled, int decimals);
  Row& money(std::int64_t cents) { return fixed(cents, 2); }
  Row& boolean(bool value);
  Row& uuid(const Uuid& id);
  Row& timestamp(std::int64_t unix_seconds);
  Row& date(std::int64_t days);

  const std::string& line() const { return line_; }
  int field_count() const { return fields_; }
  void clear() {
    line_.clear();
    fields_ = 0;
  }

 private:
  void separate();
  std::string line_;
  int fields_ = 0;
};

// Appends a fixed-point rendering ("-1.05") of scaled / 10^decimals.
void append_fixed(std::string& out, std::int64_t scaled, int decimals);

class RowSink {
 public:
  virtual ~RowSink() = default;
  virtual void put(const Row& row) = 0;
};

// Keeps every line; for tests and small tables.
class MemorySink : public RowSink {
 public:
  void put(const Row& row) override { lines.push_back(row.line()); }
  std::vector<std::string> lines;
};

// Counts rows and forwards them.
class CountingSink : public RowSink {
 public:
  explicit CountingSink(RowSink& inner) : inner_(inner) {}
  void put(const Row& row) override {
    ++count;
    inner_.put(row);
  }
  std::uint64_t count = 0;

 private:
  RowSink& inner_;
};

}  // namespace ayc::datagen
