#include "data/datagen/copy_writer.h"

#include <pqxx/pqxx>
#include <pqxx/tablewriter>

#include "common/pg.h"
#include "data/datagen/kb_loader.h"

// pqxx::tablewriter is deprecated in favour of stream_to, but stream_to keeps
// its raw-line writer private; tablewriter lets us send pre-escaped COPY text
// in large chunks, which is what makes the load fast.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

namespace ayc::datagen {

namespace {
constexpr std::size_t kChunkBytes = 256 * 1024;

// (table, trigger) pairs a bulk load switches off when it cannot use replica mode.
const char* const kRowTriggers[][2] = {{"order_items", "update_stock_trigger"},
                                       {"product_reviews", "update_product_rating_trigger"},
                                       {"products", "update_products_updated_at"}};

std::string with_connect_timeout(const std::string& url) {
  if (url.find("connect_timeout") != std::string::npos) return url;
  if (url.rfind("postgres://", 0) == 0 || url.rfind("postgresql://", 0) == 0) {
    return url + (url.find('?') == std::string::npos ? "?" : "&") + "connect_timeout=10";
  }
  return url + " connect_timeout=10";
}

// Buffers COPY lines and hands them to PostgreSQL in large chunks. The first
// error stops further writes; copy() reports it.
class CopySink : public RowSink {
 public:
  CopySink(pqxx::tablewriter& writer, const std::atomic<bool>* cancel) : writer_(writer), cancel_(cancel) {
    buffer_.reserve(kChunkBytes + 8192);
  }
  void put(const Row& row) override {
    if (!error_.empty()) return;
    if (cancel_ != nullptr && cancel_->load(std::memory_order_relaxed)) {
      error_ = "cancelled";
      return;
    }
    buffer_ += row.line();
    buffer_ += '\n';
    ++rows_;
    if (buffer_.size() >= kChunkBytes) flush();
  }
  void flush() {
    if (buffer_.empty() || !error_.empty()) return;
    try {
      writer_.write_raw_line(buffer_);
    } catch (const std::exception& e) {
      error_ = e.what();
    }
    buffer_.clear();
  }
  std::uint64_t rows() const { return rows_; }
  const std::string& error() const { return error_; }

 private:
  pqxx::tablewriter& writer_;
  const std::atomic<bool>* cancel_;
  std::string buffer_;
  std::uint64_t rows_ = 0;
  std::string error_;
};
}  // namespace

const std::vector<std::string>& generated_tables() {
  static const std::vector<std::string> kTables = {
      "products", "brands", "categories", "product_categories", "product_images", "product_variants",
      "distribution_centers", "distribution_center_inventory", "shipping_zones", "users", "user_profiles",
      "user_addresses", "coupons", "orders", "order_items", "coupon_usage", "product_reviews", "search_logs"};
  return kTables;
}

std::string one_line(std::string message) {
  for (char& ch : message) {
    if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
  }
  std::string out;
  for (char ch : message) {
    if (ch == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(ch);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

struct CopyWriter::Session {
  std::unique_ptr<pqxx::connection> conn;
  std::unique_ptr<pqxx::work> tx;
  bool disabled_triggers = false;
};

CopyWriter::CopyWriter(std::unique_ptr<Session> session) : session_(std::move(session)) {}

CopyWriter::~CopyWriter() {
  session_->tx.reset();  // an uncommitted load is rolled back
}

Result<std::unique_ptr<CopyWriter>> CopyWriter::open(const std::string& url) {
  if (url.empty()) return pg::connect(url).status();
  const std::string timed = with_connect_timeout(url);
  auto conn = pg::connect(timed);
  if (!conn.ok()) {  // name the URL as the user gave it
    std::string message = one_line(conn.status().message());
    if (auto at = message.find(pg::redact(timed)); at != std::string::npos) {
      message.replace(at, pg::redact(timed).size(), pg::redact(url));
    }
    return Status(conn.status().code(), message);
  }
  auto session = std::make_unique<Session>();
  session->conn = std::move(conn.value());
  return std::unique_ptr<CopyWriter>(new CopyWriter(std::move(session)));
}

Result<ReferenceData> CopyWriter::load_reference_data() {
  auto ref = datagen::load_reference_data(*session_->conn);
  if (!ref.ok()) return Status(ref.status().code(), one_line(ref.status().message()));
  return ref;
}

Status CopyWriter::run(const std::string& what, const std::function<void()>& body) {
  try {
    body();
    return Status::Ok();
  } catch (const std::exception& e) {
    return Status::Internal(what + ": " + one_line(e.what()));
  }
}

Result<std::pair<std::string, std::int64_t>> CopyWriter::first_filled_table() {
  std::pair<std::string, std::int64_t> found{"", 0};
  Status s = run("checking whether the database is empty", [&] {
    pqxx::read_transaction tx(*session_->conn);
    for (const auto& table : generated_tables()) {
      if (tx.exec1("SELECT EXISTS (SELECT 1 FROM " + tx.quote_name(table) + ")")[0].as<bool>()) {
        found = {table, tx.exec1("SELECT count(*) FROM " + tx.quote_name(table))[0].as<std::int64_t>()};
        return;
      }
    }
  });
  if (!s.ok()) return s;
  return found;
}

Result<bool> CopyWriter::is_superuser() {
  bool super = false;
  Status s = run("checking the role", [&] {
    pqxx::read_transaction tx(*session_->conn);
    super = tx.exec1("SELECT current_setting('is_superuser') = 'on'")[0].as<bool>();
  });
  if (!s.ok()) return s;
  return super;
}

Status CopyWriter::begin(bool bulk) {
  return run("starting the load", [&] {
    session_->tx = std::make_unique<pqxx::work>(*session_->conn, "datagen");
    session_->tx->exec0("SET LOCAL gin_pending_list_limit = '1GB'");
    if (!bulk) return;
    if (session_->tx->exec1("SELECT current_setting('is_superuser') = 'on'")[0].as<bool>()) {
      session_->tx->exec0("SET LOCAL session_replication_role = replica");
      return;
    }
    for (const auto& [table, trigger] : kRowTriggers) {
      session_->tx->exec0(std::string("ALTER TABLE ") + table + " DISABLE TRIGGER " + trigger);
    }
    session_->disabled_triggers = true;
  });
}

Status CopyWriter::reset() {
  return run("emptying the generated tables", [&] {
    std::string sql = "TRUNCATE ";
    for (const auto& table : generated_tables()) sql += session_->tx->quote_name(table) + ", ";
    session_->tx->exec0(sql + "product_deletions CASCADE");
  });
}

Status CopyWriter::copy(const TableSpec& table, const std::function<void(RowSink&)>& produce,
                        std::uint64_t* rows, const std::atomic<bool>* cancel) {
  std::string error;
  try {
    pqxx::tablewriter writer(*session_->tx, table.name, table.columns.begin(), table.columns.end());
    CopySink sink(writer, cancel);
    produce(sink);
    sink.flush();
    *rows = sink.rows();
    error = sink.error();
    writer.complete();
  } catch (const std::exception& e) {
    if (error.empty()) error = e.what();
  }
  if (error.empty()) return Status::Ok();
  return Status::Internal("loading " + table.name + ": " + one_line(error));
}

Status CopyWriter::merge_gin_pending(const std::string& table) {
  return run("merging the full-text index entries of " + table, [&] {
    session_->tx->exec(
        "SELECT gin_clean_pending_list(i.indexrelid::regclass) FROM pg_index i "
        "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam "
        "WHERE a.amname = 'gin' AND i.indrelid = " + session_->tx->quote(table) + "::regclass");
  });
}

Status CopyWriter::commit() {
  return run("committing the load", [&] {
    if (session_->disabled_triggers) {
      for (const auto& [table, trigger] : kRowTriggers) {
        session_->tx->exec0(std::string("ALTER TABLE ") + table + " ENABLE TRIGGER " + trigger);
      }
    }
    session_->tx->commit();
    session_->tx.reset();
  });
}

Status CopyWriter::analyze() {
  return run("analyzing the generated tables", [&] {
    pqxx::nontransaction tx(*session_->conn);
    std::string sql = "ANALYZE ";
    for (const auto& table : generated_tables()) sql += tx.quote_name(table) + (&table == &generated_tables().back() ? "" : ", ");
    tx.exec0(sql);
  });
}

}  // namespace ayc::datagen

#pragma GCC diagnostic pop
