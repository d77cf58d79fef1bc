// Offline relevance evaluation of search on a judged query set
// (data/relevance/): each query has a class and graded judgments (0-3) of
// products by slug; a run is the top 10 slugs the engine returned for each
// query and how it matched. Metrics, the usual ones of search teams:
//   nDCG@10  gain 2^grade - 1, discount log2(rank + 1), against the ideal
//            order of every judged product (unjudged products count 0);
//   P@5      share of the first five that are graded 2 or 3;
//   zero     share of queries with no result at all.
// Queries of class `not_sold` have no judgments: what counts there is
// whether the answer is a plain result page (hits, matched as all,
// corrected or phonetic) instead of an honest "none" or a marked relaxed
// guess.
//
// Thread-safety: pure functions and plain values.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace ayc::ranking {

inline constexpr std::string_view kNotSoldClass = "not_sold";

struct JudgedQuery {
  std::string id;
  std::string cls;
  std::string text;
  std::map<std::string, int> grades;  // slug -> 1..3
};

// queries.tsv ("id<TAB>class<TAB>query", a header line first) and
// judgments.tsv ("query_id<TAB>slug<TAB>grade", header first).
// InvalidArgument naming the line for a malformed line, an unknown query id,
// a grade outside 0-3, a duplicate id or judgment.
Result<std::vector<JudgedQuery>> read_judged_set(std::string_view queries_tsv, std::string_view judgments_tsv);

struct QueryRun {
  std::string id;
  std::string match;               // the answer's `match` ("all", "relaxed", ...)
  std::vector<std::string> slugs;  // the top hits, best first (at most 10 kept)
};

// A run file: "id<TAB>match<TAB>slug,slug,..." per line.
std::string encode_run(const std::vector<QueryRun>& run);
Result<std::vector<QueryRun>> decode_run(std::string_view text);

struct QueryScore {
  double ndcg10 = 0;
  double p5 = 0;
  bool zero = false;
  bool plain_page = false;  // hits matched as all/corrected/phonetic
};

QueryScore score_query(const JudgedQuery& q, const QueryRun& run);

struct ClassRow {
  std::string cls;  // "all judged" for the summary row
  std::size_t queries = 0;
  double ndcg10 = 0, p5 = 0, zero_rate = 0;
  std::size_t plain_pages = 0;  // not_sold: answers that were a plain result page
};

struct Report {
  std::vector<ClassRow> classes;  // sorted by class, not_sold included
  ClassRow judged;                // every class but not_sold
  ClassRow not_sold;
};

// Queries without a run entry count as answered with nothing.
Report evaluate(const std::vector<JudgedQuery>& set, const std::vector<QueryRun>& run);
std::string format_report(const Report& report);

// The queries whose top 10 (or match) differ between two runs, one line
// each: "id  query  [match a -> match b]  a: slugs | b: slugs".
std::string diff_runs(const std::vector<JudgedQuery>& set, const std::vector<QueryRun>& a,
                      const std::vector<QueryRun>& b);

}  // namespace ayc::ranking
