// The PostgreSQL side of search_logs: the only file of the server using libpqxx.
#include "server/search_log/store.h"

#include <array>
#include <charconv>
#include <ctime>
#include <functional>
#include <optional>
#include <unordered_set>

#include <pqxx/pqxx>
#include <pqxx/tablewriter>

#include "common/json_text.h"
#include "common/pg.h"
#include "common/text.h"
#include "common/uuid.h"

namespace ayc::search_log {

namespace {

constexpr std::size_t kRowsPerStatement = 1000;  // 8 parameters a row, far below libpq's 65535
constexpr std::size_t kSessionIdChars = 100;     // search_logs.session_id is VARCHAR(100)

// Bounded waits so the writer thread never hangs on a dead server or network:
// connecting gives up after 3 s, an unanswered send after 10 s, an idle
// connection to a vanished host is noticed by keepalives.
std::string with_client_options(const std::string& url) {
  const bool is_uri = url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
  std::string out = url;
  const auto add = [&](const char* key, const char* value) {
    if (url.find(key) != std::string::npos) return;
    if (is_uri) {
      out += (out.find('?') == std::string::npos ? "?" : "&");
      out += std::string(key) + "=" + value;
    } else {
      out += std::string(" ") + key + "=" + value;
    }
  };
  add("connect_timeout", "3");
  add("tcp_user_timeout", "10000");
  add("keepalives_idle", "10");
  add("keepalives_interval", "5");
  add("keepalives_count", "3");
  add("application_name", "ayurvedacart-server");
  return out;
}

std::string format_timestamp(std::chrono::system_clock::time_point tp) {
  const auto us = std::chrono::duration_cast<std::chrono::microseconds>(tp.time_since_epoch()).count();
  std::time_t secs = static_cast<std::time_t>(us / 1'000'000);
  long frac = static_cast<long>(us % 1'000'000);
  if (frac < 0) {
    frac += 1'000'000;
    --secs;
  }
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[48];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d %02d:%02d:%02d.%06ld+00", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, frac);
  return buf;
}

// Statement parameters as libpq wants them: text values or NULL.
class Params {
 public:
  void add(std::optional<std::string> v) { values_.push_back(std::move(v)); }
  std::size_t size() const { return values_.size(); }
  std::vector<const char*> pointers() const {
    std::vector<const char*> out;
    out.reserve(values_.size());
    for (const auto& v : values_) out.push_back(v ? v->c_str() : nullptr);
    return out;
  }

 private:
  std::vector<std::optional<std::string>> values_;
};

// Text as PostgreSQL can store it: `value` itself when it is valid UTF-8
// without NUL bytes (almost always), otherwise its repair, kept in `scratch`.
std::string_view storable_text(const std::string& value, std::string& scratch) {
  if (text::is_valid_utf8(value) && value.find('\0') == std::string::npos) return value;
  scratch = text::to_valid_utf8(value);
  return scratch;
}

// session_id is VARCHAR(100): cut at a character boundary.
std::string_view storable_session_id(const std::string& value, std::string& scratch) {
  return text::truncate_utf8(storable_text(value, scratch), kSessionIdChars);
}

bool has_ip_address(const SearchLogRow& row) { return row.ip_address && !row.ip_address->empty(); }

// A row's values as PostgreSQL will take them, in kColumns order: text made
// valid UTF-8, session_id cut to its column, a malformed user_id left out.
constexpr std::size_t kColumnCount = 8;
const std::array<const char*, kColumnCount> kColumns = {"id",         "user_id",    "query",      "results_count",
                                                        "session_id", "ip_address", "user_agent", "created_at"};
constexpr std::size_t kUserIdColumn = 1;
using RowValues = std::array<std::optional<std::string>, kColumnCount>;

RowValues storable(const SearchLogRow& row) {
  RowValues v;
  std::string scratch;
  v[0] = row.id;
  if (row.user_id && is_uuid(*row.user_id)) v[kUserIdColumn] = lowercase_uuid(*row.user_id);
  v[2] = std::string(storable_text(row.query, scratch));
  v[3] = std::to_string(row.results_count);
  if (row.session_id) v[4] = std::string(storable_session_id(*row.session_id, scratch));
  if (has_ip_address(row)) v[5] = row.ip_address;
  if (row.user_agent) v[6] = std::string(storable_text(*row.user_agent, scratch));
  v[7] = format_timestamp(row.created_at);
  return v;
}

void add_row_params(Params& p, const SearchLogRow& row) {
  for (auto& value : storable(row)) p.add(std::move(value));
}

// The values storable() gives, by the same rules, appended to a COPY text
// buffer without a string per value (the writer formats every logged search:
// this is most of its work). The timestamp's date and time of day are
// formatted once a second.
class CopyRowFormatter {
 public:
  void append(std::string& out, const SearchLogRow& row, bool user_known) {
    text::append_copy_field(out, row.id);
    out += '\t';
    if (user_known) {
      out += lowercase_uuid(*row.user_id);
    } else {
      out += "\\N";
    }
    out += '\t';
    text::append_copy_field(out, storable_text(row.query, scratch_));
    out += '\t';
    char number[16];
    const auto end = std::to_chars(number, number + sizeof(number), row.results_count).ptr;
    out.append(number, end);
    out += '\t';
    if (row.session_id) {
      text::append_copy_field(out, storable_session_id(*row.session_id, scratch_));
    } else {
      out += "\\N";
    }
    out += '\t';
    if (has_ip_address(row)) {
      text::append_copy_field(out, *row.ip_address);
    } else {
      out += "\\N";
    }
    out += '\t';
    if (row.user_agent) {
      text::append_copy_field(out, storable_text(*row.user_agent, scratch_));
    } else {
      out += "\\N";
    }
    out += '\t';
    append_timestamp(out, row.created_at);
    out += '\n';
  }

 private:
  void append_timestamp(std::string& out, std::chrono::system_clock::time_point tp) {
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(tp.time_since_epoch()).count();
    std::int64_t secs = us / 1'000'000;
    std::int64_t frac = us % 1'000'000;
    if (frac < 0) {
      frac += 1'000'000;
      --secs;
    }
    if (secs != second_ || second_text_.empty()) {
      second_ = secs;
      const std::string full = format_timestamp(std::chrono::system_clock::time_point(std::chrono::seconds(secs)));
      second_text_ = full.substr(0, full.find('.'));  // "YYYY-MM-DD HH:MM:SS"
    }
    out += second_text_;
    char fraction[8] = {'.', '0', '0', '0', '0', '0', '0', '0'};
    for (int i = 6; i >= 1; --i, frac /= 10) fraction[i] = static_cast<char>('0' + frac % 10);
    out.append(fraction, 7);
    out += "+00";
  }

  std::string scratch_;  // a repaired text value
  std::int64_t second_ = 0;
  std::string second_text_;
};

std::string placeholders(std::size_t rows, std::size_t per_row, const std::vector<const char*>& casts) {
  std::string out;
  std::size_t n = 1;
  for (std::size_t r = 0; r < rows; ++r) {
    out += r == 0 ? "(" : ", (";
    for (std::size_t c = 0; c < per_row; ++c) {
      out += (c == 0 ? "$" : ", $") + std::to_string(n++) + casts[c];
    }
    out += ")";
  }
  return out;
}

std::string insert_sql(std::size_t rows) {
  static const std::vector<const char*> kCasts = {"::uuid", "::uuid", "::text", "::integer",
                                                  "::text", "::inet", "::text", "::timestamptz"};
  return "INSERT INTO search_logs (id, user_id, query, results_count, session_id, ip_address, user_agent, created_at) "
         "SELECT v.id, u.id, v.query, v.results_count, v.session_id, v.ip_address, v.user_agent, v.created_at "
         "FROM (VALUES " + placeholders(rows, 8, kCasts) + ") "
         "AS v(id, user_id, query, results_count, session_id, ip_address, user_agent, created_at) "
         "LEFT JOIN users u ON u.id = v.user_id "
         "ON CONFLICT (id) DO NOTHING";
}

std::string click_sql(std::size_t clicks) {
  static const std::vector<const char*> kCasts = {"::integer", "::uuid", "::uuid", "::integer"};
  return "WITH v(n, search_id, product_id, position) AS (VALUES " + placeholders(clicks, 4, kCasts) + "), "
         "upd AS (UPDATE search_logs s SET clicked_product_id = v.product_id, clicked_position = v.position "
         "        FROM v JOIN products p ON p.id = v.product_id "
         "        WHERE s.id = v.search_id RETURNING s.id) "
         "SELECT v.n, EXISTS (SELECT 1 FROM upd WHERE upd.id = v.search_id), "
         "       EXISTS (SELECT 1 FROM products p WHERE p.id = v.product_id) "
         "FROM v ORDER BY v.n";
}

// Which failures are worth retrying: everything except PostgreSQL rejecting the data.
Status classify(const std::exception& e) {
  std::string what = e.what();
  while (!what.empty() && (what.back() == '\n' || what.back() == ' ')) what.pop_back();
  if (const auto* sql = dynamic_cast<const pqxx::sql_error*>(&e)) {
    const std::string state = sql->sqlstate();
    if (state.rfind("22", 0) == 0 || state.rfind("23", 0) == 0) {
      return Status::InvalidArgument("PostgreSQL rejected search_logs data: " + what);
    }
  }
  return Status::Unavailable("search_logs write failed: " + what);
}

class PgSearchLogStore final : public SearchLogStore {
 public:
  explicit PgSearchLogStore(const std::string& url) : url_(with_client_options(url)), shown_url_(pg::redact(url)) {}

  Status ping() override {
    return run([](pqxx::work& tx) { tx.exec("SELECT 1"); });
  }

  // COPY first: a few times cheaper for PostgreSQL than a many-row INSERT, so
  // logging takes less CPU from the searches on the same machine. A row that
  // is there already (a retried batch whose commit did land; a replayed
  // spool) or a user deleted meanwhile fails a COPY whole: then the batch is
  // written with INSERT ... ON CONFLICT DO NOTHING, joining users.
  Status insert_rows(const std::vector<SearchLogRow>& rows) override {
    if (rows.empty()) return Status::Ok();
    bool conflict = false;
    Status copied = run([&](pqxx::work& tx) {
      try {
        copy_rows(tx, rows);
        tx.commit();
      } catch (const pqxx::integrity_constraint_violation&) {
        conflict = true;  // the transaction is rolled back; insert below
      }
    });
    if (!copied.ok() || !conflict) return copied;
    return run([&](pqxx::work& tx) {
      for (std::size_t start = 0; start < rows.size(); start += kRowsPerStatement) {
        const std::size_t n = std::min(kRowsPerStatement, rows.size() - start);
        Params params;
        for (std::size_t i = start; i < start + n; ++i) add_row_params(params, rows[i]);
        const auto ptrs = params.pointers();
        tx.exec_params(insert_sql(n), pqxx::prepare::make_dynamic_params(ptrs));
      }
      tx.commit();
    });
  }

  void copy_rows(pqxx::work& tx, const std::vector<SearchLogRow>& rows) {
    // user_id must name an existing user (foreign key): others are stored as NULL.
    std::string wanted;
    for (const auto& row : rows) {
      if (row.user_id && is_uuid(*row.user_id)) wanted += (wanted.empty() ? "" : ",") + lowercase_uuid(*row.user_id);
    }
    std::unordered_set<std::string> known;
    if (!wanted.empty()) {
      for (const auto& r : tx.exec_params("SELECT id::text FROM users WHERE id = ANY($1::uuid[])", "{" + wanted + "}")) {
        known.insert(r[0].as<std::string>());
      }
    }
    std::string data;
    data.reserve(rows.size() * 160);
    CopyRowFormatter format;
    for (const auto& row : rows) {
      const bool user_known = row.user_id && is_uuid(*row.user_id) && known.count(lowercase_uuid(*row.user_id)) > 0;
      format.append(data, row, user_known);
    }
    // pqxx::tablewriter is deprecated for stream_to, but only it takes COPY
    // text already escaped, in one piece (as data/datagen/copy_writer.cpp).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    pqxx::tablewriter writer(tx, "search_logs", kColumns.begin(), kColumns.end());
    writer.write_raw_line(data);
    writer.complete();
#pragma GCC diagnostic pop
  }

  Result<std::vector<ClickOutcome>> apply_clicks(const std::vector<SearchClick>& clicks) override {
    std::vector<ClickOutcome> outcomes;
    if (clicks.empty()) return outcomes;
    Status s = run([&](pqxx::work& tx) {
      outcomes.clear();
      for (std::size_t start = 0; start < clicks.size(); start += kRowsPerStatement) {
        const std::size_t n = std::min(kRowsPerStatement, clicks.size() - start);
        Params params;
        for (std::size_t i = start; i < start + n; ++i) {
          params.add(std::to_string(i));
          params.add(clicks[i].search_id);
          params.add(clicks[i].product_id);
          params.add(clicks[i].position ? std::optional<std::string>(std::to_string(*clicks[i].position))
                                        : std::nullopt);
        }
        const auto ptrs = params.pointers();
        const pqxx::result r = tx.exec_params(click_sql(n), pqxx::prepare::make_dynamic_params(ptrs));
        for (const auto& row : r) {
          outcomes.push_back(row[1].as<bool>()   ? ClickOutcome::kApplied
                             : row[2].as<bool>() ? ClickOutcome::kNoSuchSearch
                                                 : ClickOutcome::kNoSuchProduct);
        }
      }
      tx.commit();
    });
    if (!s.ok()) return s;
    return outcomes;
  }

 private:
  Status connect() {
    if (conn_ && conn_->is_open()) return Status::Ok();
    conn_.reset();
    try {
      conn_ = std::make_unique<pqxx::connection>(url_);
    } catch (const std::exception& e) {
      std::string reason = e.what();
      while (!reason.empty() && (reason.back() == '\n' || reason.back() == ' ')) reason.pop_back();
      return Status::Unavailable("cannot connect to PostgreSQL at " + shown_url_ + ": " + reason);
    }
    try {
      pqxx::nontransaction tx(*conn_);
      tx.exec("SET statement_timeout = '10s'");
    } catch (const std::exception& e) {
      conn_.reset();
      return classify(e);
    }
    return Status::Ok();
  }

  Status run(const std::function<void(pqxx::work&)>& body) {
    AYC_RETURN_IF_ERROR(connect());
    try {
      pqxx::work tx(*conn_);
      body(tx);
      return Status::Ok();
    } catch (const std::exception& e) {
      Status s = classify(e);
      if (dynamic_cast<const pqxx::broken_connection*>(&e) != nullptr || !conn_->is_open()) conn_.reset();
      return s;
    }
  }

  const std::string url_;
  const std::string shown_url_;  // as configured, password hidden
  std::unique_ptr<pqxx::connection> conn_;
};

}  // namespace

std::unique_ptr<SearchLogStore> make_pg_search_log_store(std::string url) {
  return std::make_unique<PgSearchLogStore>(url);
}

}  // namespace ayc::search_log
