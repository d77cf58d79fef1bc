// ayurvedacart-releval: search relevance on a judged query set
// (data/relevance/, ranking/relevance.h for the metrics). Searches every
// query against an index directory (in process, the generation CURRENT
// names) or a running server (GET /search, analytics=false), prints nDCG@10,
// P@5 and the zero-result rate per query class, and optionally
//   --run-out FILE       keeps the top 10 of each query (a run file);
//   --baseline FILE      fails (exit 1) when nDCG@10 over the judged classes
//                        is more than --margin below the recorded value, or
//                        when a not_sold query got a plain result page;
//   --diff A B           lists the queries whose top 10 differ between two
//                        run files (no searching).
// Exit codes: 0 done (and within the baseline), 1 below the baseline, 2 bad
// flags or files, 3 the index or server could not be searched.
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <simdjson.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "common/flags.h"
#include "common/text.h"
#include "ranking/relevance.h"
#include "server/search/searcher.h"
#include "server/search/snapshot_holder.h"

namespace {

constexpr const char* kProgram = "ayurvedacart-releval";
namespace http = boost::beast::http;
using ayc::ranking::JudgedQuery;
using ayc::ranking::QueryRun;

struct Config {
  std::string queries = "data/relevance/queries.tsv";
  std::string judgments = "data/relevance/judgments.tsv";
  std::string index_dir;
  std::string server;  // http://host:port
  std::string run_out;
  std::string baseline;
  double margin = 0.02;
  std::string diff_a, diff_b;
};

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

int fail(int code, const std::string& message) {
  std::cerr << kProgram << ": " << message << "\n";
  return code;
}

ayc::Result<std::vector<QueryRun>> run_on_index(const std::string& dir, const std::vector<JudgedQuery>& set) {
  ayc::search::SnapshotHolder index(dir);
  AYC_RETURN_IF_ERROR(index.reload());
  const auto snap = index.current();
  std::vector<QueryRun> out;
  for (const auto& q : set) {
    ayc::search::SearchRequest req;
    req.q = q.text + " ";  // typed whole: no prefix completion of the last word
    req.limit = 10;
    req.want_facets = false;
    AYC_ASSIGN_OR_RETURN(auto result, ayc::search::run_search(*snap, req));
    QueryRun r{q.id, ayc::search::match_kind_name(result.match), {}};
    for (const auto& h : result.hits) r.slugs.emplace_back(h.slug);
    out.push_back(std::move(r));
  }
  return out;
}

ayc::Result<std::vector<QueryRun>> run_on_server(const std::string& url, const std::vector<JudgedQuery>& set) {
  std::string rest = url.rfind("http://", 0) == 0 ? url.substr(7) : url;
  if (!rest.empty() && rest.back() == '/') rest.pop_back();
  const std::size_t colon = rest.rfind(':');
  if (colon == std::string::npos) return ayc::Status::InvalidArgument("--server must be http://host:port");
  const std::string host = rest.substr(0, colon), port = rest.substr(colon + 1);
  std::vector<QueryRun> out;
  simdjson::ondemand::parser parser;
  try {
    boost::asio::io_context io;
    boost::asio::ip::tcp::resolver resolver(io);
    boost::beast::tcp_stream stream(io);
    stream.connect(resolver.resolve(host, port));
    for (const auto& q : set) {
      http::request<http::empty_body> req(http::verb::get,
                                          "/search?limit=10&facets=false&analytics=false&q=" + ayc::text::url_encode(q.text + " "),
                                          11);
      req.set(http::field::host, host);
      req.keep_alive(true);
      http::write(stream, req);
      boost::beast::flat_buffer buffer;
      http::response<http::string_body> res;
      http::read(stream, buffer, res);
      if (res.result_int() != 200) {
        return ayc::Status::Unavailable("query " + q.id + " got HTTP " + std::to_string(res.result_int()) + ": " +
                                        res.body());
      }
      simdjson::padded_string body(res.body());
      auto doc = parser.iterate(body);
      // A server from before the answer said how it matched presented every page as plain.
      std::string_view match = "all";
      if (auto m = doc["match"].get_string(); !m.error()) match = m.value_unsafe();
      QueryRun r{q.id, std::string(match), {}};
      for (auto hit : doc["hits"].get_array().value()) {
        r.slugs.emplace_back(std::string_view(hit["slug"].get_string().value()));
      }
      out.push_back(std::move(r));
    }
  } catch (const std::exception& e) {
    return ayc::Status::Unavailable("searching " + url + ": " + e.what());
  }
  return out;
}

// The recorded figure: a line "ndcg10 <value>" (other lines are comments).
std::optional<double> recorded_ndcg(const std::string& text) {
  std::istringstream in(text);
  for (std::string key; in >> key;) {
    if (key == "ndcg10") {
      double v = 0;
      if (in >> v) return v;
      return std::nullopt;
    }
    std::string rest;
    std::getline(in, rest);
  }
  return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
  Config c;
  ayc::FlagSet flags(kProgram,
                     "Measures search relevance on the judged query set: nDCG@10, P@5 and the zero-result rate\n"
                     "per query class, against --index-dir or --server; --baseline fails a drop beyond --margin;\n"
                     "--diff-a/--diff-b list the queries whose top 10 changed between two run files.\n"
                     "Exit codes: 0 done, 1 below the baseline, 2 bad flags or files, 3 search failed.");
  flags.add_string("queries", "", "Queries: id<TAB>class<TAB>query (default data/relevance/queries.tsv)", &c.queries);
  flags.add_string("judgments", "", "Judgments: query_id<TAB>slug<TAB>grade (default data/relevance/judgments.tsv)",
                   &c.judgments);
  flags.add_string("index-dir", "", "Search this index directory in process (the generation CURRENT names)",
                   &c.index_dir);
  flags.add_string("server", "", "Or search this running server, http://host:port", &c.server);
  flags.add_string("run-out", "", "Write each query's top 10 to this run file", &c.run_out);
  flags.add_string("baseline", "", "Fail when nDCG@10 is below this file's 'ndcg10 <value>' by more than --margin",
                   &c.baseline);
  flags.add_double("margin", "", "Allowed drop below the baseline (default 0.02)", &c.margin, 0, 1);
  flags.add_string("diff-a", "", "Run file A for a diff", &c.diff_a);
  flags.add_string("diff-b", "", "Run file B for a diff", &c.diff_b);
  const ayc::Status parsed = flags.parse(argc, argv);
  if (int rc = ayc::handle_parse_result(flags, parsed, kProgram); rc >= 0) return rc;

  const auto queries = read_file(c.queries);
  const auto judgments = read_file(c.judgments);
  if (!queries || !judgments) return fail(2, "cannot read " + (queries ? c.judgments : c.queries));
  auto set = ayc::ranking::read_judged_set(*queries, *judgments);
  if (!set.ok()) return fail(2, set.status().message());

  if (!c.diff_a.empty() || !c.diff_b.empty()) {
    const auto a = read_file(c.diff_a), b = read_file(c.diff_b);
    if (!a || !b) return fail(2, "pass two readable run files with --diff-a and --diff-b");
    auto run_a = ayc::ranking::decode_run(*a), run_b = ayc::ranking::decode_run(*b);
    if (!run_a.ok()) return fail(2, c.diff_a + ": " + run_a.status().message());
    if (!run_b.ok()) return fail(2, c.diff_b + ": " + run_b.status().message());
    std::fputs(ayc::ranking::diff_runs(*set, *run_a, *run_b).c_str(), stdout);
    return 0;
  }
  if (c.index_dir.empty() == c.server.empty()) return fail(2, "pass one of --index-dir or --server (see --help)");
  auto run = c.index_dir.empty() ? run_on_server(c.server, *set) : run_on_index(c.index_dir, *set);
  if (!run.ok()) return fail(3, run.status().message());
  if (!c.run_out.empty()) {
    std::ofstream out(c.run_out, std::ios::binary);
    out << ayc::ranking::encode_run(*run);
    if (!out) return fail(2, "cannot write " + c.run_out);
  }
  const auto report = ayc::ranking::evaluate(*set, *run);
  std::fputs(ayc::ranking::format_report(report).c_str(), stdout);
  if (c.baseline.empty()) return 0;
  const auto recorded_text = read_file(c.baseline);
  const auto recorded = recorded_text ? recorded_ndcg(*recorded_text) : std::nullopt;
  if (!recorded) return fail(2, c.baseline + " has no line 'ndcg10 <value>'");
  std::printf("nDCG@10 %.4f, recorded %.4f, allowed drop %.3f\n", report.judged.ndcg10, *recorded, c.margin);
  int rc = 0;
  if (report.judged.ndcg10 < *recorded - c.margin) {
    std::printf("FAIL: nDCG@10 dropped by %.4f (see --run-out and --diff-a/--diff-b for the queries)\n",
                *recorded - report.judged.ndcg10);
    rc = 1;
  }
  if (report.not_sold.plain_pages > 0) {
    std::printf("FAIL: %zu queries for things not sold got a plain result page\n", report.not_sold.plain_pages);
    rc = 1;
  }
  return rc;
}
