// ayurvedacart-sphinxql-bench: a closed-loop load driver for Sphinx's searchd
// over SphinxQL (the MySQL protocol), the peer bench/sphinx/sphinx.sh measures
// our server against.
//
//   ayurvedacart-sphinxql-bench --port 19306 --queries FILE [--connections 64]
//       [--seconds 10] [--index products] [--facets] [--option 'ranker=bm25'] [--label TEXT]
//
// FILE holds one query a line, "text<TAB>anything" (the request lists
// bench/http/run.sh writes, e.g. var/bench-http/requests/distinct.tsv); only
// the text before the tab is asked. Each connection is one thread with its own
// connection that asks, back to back, `SELECT id FROM <index> WHERE
// MATCH('<text>') LIMIT 10` (with --facets also the total and brand, form,
// price-band and category counts: the page /search answers), walking the list
// from its own starting point as wrk's list mode does, so no string is asked
// twice in a run shorter than the list. A query unanswered after 5 s is a
// socket error and its connection is made again, as wrk --timeout 5s does.
// Blocking threads, not an event loop: simple, and cheap enough here (the
// driver spent ~20 µs of CPU per query where searchd spent ~800 µs;
// bench/sphinx/sphinx.sh prints both).
//
// Prints one line in the format of bench/http/scenario.lua's:
//   RESULT|label|requests/s|p50 ms|p99 ms|requests|query errors|socket errors
// and, on stderr, how many answers were empty (Sphinx matches every word).
#include <errmsg.h>
#include <mysql.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  std::string host = "127.0.0.1";
  unsigned port = 9306;
  std::string queries_file;
  std::string index = "products";
  std::string label = "Sphinx searchd, SphinxQL";
  std::string option;  // e.g. "ranker=bm25", appended as OPTION ...
  unsigned connections = 64;
  unsigned seconds = 10;
  bool facets = false;
};

struct Totals {
  std::vector<double> latencies_ms;  // one per answered query
  std::uint64_t query_errors = 0;   // searchd answered with an error
  std::uint64_t socket_errors = 0;  // no answer within the timeout, or the connection lost
  std::uint64_t empty = 0;
};

// MATCH() text: the extended query syntax's operators escaped, so a shopper's
// "-", "/" or quote is a character, not an operator (Sphinx documents this set).
std::string escape_match(std::string_view text) {
  static constexpr std::string_view kOperators = "\\()|-!@~\"&/^$=<'*";
  std::string out;
  for (char c : text) {
    if (kOperators.find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

// The result as an SQL string literal's body.
std::string escape_sql_literal(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out;
}

std::string make_query(const Options& o, std::string_view text) {
  std::string q =
      "SELECT id FROM " + o.index + " WHERE MATCH('" + escape_sql_literal(escape_match(text)) + "') LIMIT 10";
  if (!o.option.empty()) q += " OPTION " + o.option;
  if (o.facets)
    q += " FACET brand_id FACET form FACET INTERVAL(price, 250, 500, 1000, 2000) AS price_band"
         " FACET category_ids";
  return q;
}

std::vector<std::string> read_queries(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> texts;
  std::string line;
  while (std::getline(in, line)) texts.push_back(line.substr(0, line.find('\t')));
  return texts;
}

// Reads every result set of one statement (one per FACET); returns the number
// of rows of the first, or -1 on an error.
long drain_results(MYSQL* db) {
  long first_rows = -1;
  do {
    MYSQL_RES* res = mysql_store_result(db);
    if (res == nullptr) {
      if (mysql_field_count(db) != 0) return -1;
      continue;
    }
    if (first_rows < 0) first_rows = static_cast<long>(mysql_num_rows(res));
    mysql_free_result(res);
  } while (mysql_next_result(db) == 0);
  return mysql_errno(db) == 0 ? first_rows : -1;
}

// A new connection, or nullptr (the reason on stderr). Timeouts as wrk's
// --timeout 5s in bench/http/run.sh: a query unanswered after 5 s counts as a
// socket error, not as a latency, and the connection is made again.
MYSQL* connect(const Options& o) {
  MYSQL* db = mysql_init(nullptr);
  const unsigned timeout_seconds = 5;
  mysql_optionsv(db, MYSQL_OPT_CONNECT_TIMEOUT, &timeout_seconds);
  mysql_optionsv(db, MYSQL_OPT_READ_TIMEOUT, &timeout_seconds);
  if (mysql_real_connect(db, o.host.c_str(), nullptr, nullptr, nullptr, o.port, nullptr, CLIENT_MULTI_RESULTS) !=
      nullptr)
    return db;
  std::cerr << "connect to " << o.host << ":" << o.port << ": " << mysql_error(db) << "\n";
  mysql_close(db);
  return nullptr;
}

void run_connection(const Options& o, const std::vector<std::string>& queries, std::size_t start,
                    Clock::time_point deadline, std::atomic<bool>& failed, Totals& out) {
  mysql_thread_init();
  MYSQL* db = connect(o);
  for (std::size_t i = start; db != nullptr && Clock::now() < deadline; i = (i + 1) % queries.size()) {
    const std::string q = make_query(o, queries[i]);
    const auto t0 = Clock::now();
    const long rows = mysql_real_query(db, q.data(), q.size()) == 0 ? drain_results(db) : -1;
    const auto t1 = Clock::now();
    if (rows >= 0) {
      if (rows == 0) ++out.empty;
      out.latencies_ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
      continue;
    }
    const unsigned code = mysql_errno(db);
    const bool lost = code == CR_SERVER_LOST || code == CR_SERVER_GONE_ERROR;
    ++(lost ? out.socket_errors : out.query_errors);
    if (out.socket_errors + out.query_errors <= 3)
      std::cerr << "query '" << queries[i] << "': " << mysql_error(db) << " after "
                << std::chrono::duration_cast<std::chrono::milliseconds>(t1 - t0).count() << " ms\n";
    if (lost) {
      mysql_close(db);
      db = connect(o);
    }
  }
  if (db == nullptr) failed = true;
  mysql_close(db);
  mysql_thread_end();
}

double percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  auto k = static_cast<std::size_t>(p * static_cast<double>(sorted.size()) + 0.999);
  return sorted[std::min(sorted.size(), std::max<std::size_t>(k, 1)) - 1];
}

bool parse(int argc, char** argv, Options& o) {
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    const char* v = nullptr;
    if (a == "--facets") { o.facets = true; continue; }
    if ((v = value()) == nullptr) { std::cerr << a << " needs a value\n"; return false; }
    if (a == "--host") o.host = v;
    else if (a == "--port") o.port = static_cast<unsigned>(std::strtoul(v, nullptr, 10));
    else if (a == "--queries") o.queries_file = v;
    else if (a == "--index") o.index = v;
    else if (a == "--label") o.label = v;
    else if (a == "--option") o.option = v;
    else if (a == "--connections") o.connections = static_cast<unsigned>(std::strtoul(v, nullptr, 10));
    else if (a == "--seconds") o.seconds = static_cast<unsigned>(std::strtoul(v, nullptr, 10));
    else { std::cerr << "unknown flag " << a << "\n"; return false; }
  }
  std::vector<std::string> problems;
  if (o.queries_file.empty()) problems.push_back("--queries FILE is required");
  if (o.port == 0 || o.port > 65535) problems.push_back("--port must be 1-65535");
  if (o.connections == 0 || o.connections > 1024) problems.push_back("--connections must be 1-1024");
  if (o.seconds == 0) problems.push_back("--seconds must be positive");
  for (const auto& p : problems) std::cerr << p << "\n";
  return problems.empty();
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (!parse(argc, argv, o)) {
    std::cerr << "usage: " << argv[0] << " --port N --queries FILE [--host H] [--connections 64] [--seconds 10]"
              << " [--index products] [--facets] [--option TEXT] [--label TEXT]\n";
    return 2;
  }
  const std::vector<std::string> queries = read_queries(o.queries_file);
  if (queries.empty()) {
    std::cerr << "no queries in " << o.queries_file << "\n";
    return 1;
  }
  if (mysql_library_init(0, nullptr, nullptr) != 0) return 1;

  std::vector<Totals> totals(o.connections);
  std::atomic<bool> failed{false};
  const auto begin = Clock::now();
  const auto deadline = begin + std::chrono::seconds(o.seconds);
  {
    std::vector<std::jthread> threads;
    for (unsigned c = 0; c < o.connections; ++c)
      threads.emplace_back(run_connection, std::cref(o), std::cref(queries), c * queries.size() / o.connections,
                           deadline, std::ref(failed), std::ref(totals[c]));
  }
  const double elapsed = std::chrono::duration<double>(Clock::now() - begin).count();
  mysql_library_end();
  if (failed) return 1;

  std::vector<double> all;
  std::uint64_t query_errors = 0, socket_errors = 0, empty = 0;
  for (auto& t : totals) {
    all.insert(all.end(), t.latencies_ms.begin(), t.latencies_ms.end());
    query_errors += t.query_errors;
    socket_errors += t.socket_errors;
    empty += t.empty;
  }
  std::sort(all.begin(), all.end());
  std::printf("RESULT|%s|%.0f|%.2f|%.2f|%zu|%llu|%llu\n", o.label.c_str(),
              static_cast<double>(all.size()) / elapsed, percentile(all, 0.50), percentile(all, 0.99), all.size(),
              static_cast<unsigned long long>(query_errors), static_cast<unsigned long long>(socket_errors));
  std::fprintf(stderr, "empty answers: %llu of %zu (%.0f%%)\n", static_cast<unsigned long long>(empty), all.size(),
               all.empty() ? 0.0 : 100.0 * static_cast<double>(empty) / static_cast<double>(all.size()));
  return 0;
}
