#include <cmath>

#include <catch2/catch.hpp>

#include "ranking/relevance.h"

namespace ayc::ranking {
namespace {

const char* const kQueries = "id\tclass\tquery\nq1\tneed\tjoint pain\nq2\tneed\tsleep\nq3\tnot_sold\tyoga mat\n";
const char* const kJudgments = "query_id\tslug\tgrade\nq1\toil\t3\nq1\tbalm\t2\nq1\tguggulu\t1\nq2\tchurna\t3\n";

std::vector<JudgedQuery> judged_set() {
  auto set = read_judged_set(kQueries, kJudgments);
  REQUIRE(set.ok());
  return *set;
}

TEST_CASE("nDCG@10 is 1 for the ideal order and discounts a good product ranked lower") {
  const auto set = judged_set();
  CHECK(score_query(set[0], QueryRun{"q1", "all", {"oil", "balm", "guggulu"}}).ndcg10 == Approx(1.0));
  // gains 7, 3, 1 at ranks 1-3 ideally; here 3 at rank 1, 7 at rank 3.
  const double ideal = 7 + 3 / std::log2(3.0) + 1 / std::log2(4.0);
  const double got = 3 + 7 / std::log2(4.0);
  CHECK(score_query(set[0], QueryRun{"q1", "all", {"balm", "other", "oil"}}).ndcg10 == Approx(got / ideal));
  CHECK(score_query(set[0], QueryRun{"q1", "none", {}}).ndcg10 == 0);
}

TEST_CASE("P@5 counts grades 2 and 3 among the first five, zero counts empty answers") {
  const auto set = judged_set();
  const auto s = score_query(set[0], QueryRun{"q1", "all", {"guggulu", "oil", "x", "y", "z", "balm"}});
  CHECK(s.p5 == Approx(0.2));  // balm is sixth, guggulu only grade 1
  CHECK_FALSE(s.zero);
  CHECK(score_query(set[1], QueryRun{"q2", "none", {}}).zero);
}

TEST_CASE("a not-sold query's answer counts as a plain page only with hits matched as all, corrected or phonetic") {
  const auto set = judged_set();
  CHECK(score_query(set[2], QueryRun{"q3", "all", {"oil"}}).plain_page);
  CHECK(score_query(set[2], QueryRun{"q3", "corrected", {"oil"}}).plain_page);
  CHECK_FALSE(score_query(set[2], QueryRun{"q3", "relaxed", {"oil"}}).plain_page);
  CHECK_FALSE(score_query(set[2], QueryRun{"q3", "none", {}}).plain_page);
  const auto report = evaluate(set, {QueryRun{"q1", "all", {"oil", "balm", "guggulu"}}, QueryRun{"q3", "all", {"oil"}}});
  CHECK(report.judged.queries == 2);
  CHECK(report.judged.ndcg10 == Approx(0.5));  // q2 unanswered counts 0
  CHECK(report.judged.zero_rate == Approx(0.5));
  CHECK(report.not_sold.queries == 1);
  CHECK(report.not_sold.plain_pages == 1);
  CHECK_THAT(format_report(report), Catch::Contains("plain result pages: 1"));
}

TEST_CASE("a malformed judged set is refused, naming the file and line") {
  auto unknown = read_judged_set(kQueries, "h\nq9\toil\t3\n");
  CHECK(unknown.status().code() == StatusCode::kInvalidArgument);
  CHECK(unknown.status().message().find("judgments line 2") != std::string::npos);
  CHECK_FALSE(read_judged_set(kQueries, "h\nq1\toil\t4\n").ok());
  CHECK_FALSE(read_judged_set(kQueries, "h\nq1\toil\t3\nq1\toil\t2\n").ok());
  CHECK_FALSE(read_judged_set("h\nq1\tneed\n", "h\n").ok());
  CHECK_FALSE(read_judged_set("h\nq1\tneed\ta\nq1\tneed\tb\n", "h\n").ok());
}

TEST_CASE("runs survive encoding, and the diff lists exactly the queries whose top 10 or match changed") {
  const auto set = judged_set();
  const std::vector<QueryRun> a{{"q1", "all", {"oil", "balm"}}, {"q2", "all", {"churna"}}, {"q3", "all", {"oil"}}};
  auto back = decode_run(encode_run(a));
  REQUIRE(back.ok());
  REQUIRE(back->size() == 3);
  CHECK(back->at(0).slugs == std::vector<std::string>{"oil", "balm"});
  const std::vector<QueryRun> b{{"q1", "all", {"oil", "balm"}}, {"q2", "all", {"other"}}, {"q3", "none", {}}};
  const std::string diff = diff_runs(set, a, b);
  CHECK_THAT(diff, Catch::Contains("q2  [need] \"sleep\""));
  CHECK_THAT(diff, Catch::Contains("q3  [not_sold] \"yoga mat\"  match all -> none"));
  CHECK_THAT(diff, !Catch::Contains("q1 "));
  CHECK_THAT(diff, Catch::Contains("2 of 3 queries changed"));
}

}  // namespace
}  // namespace ayc::ranking
