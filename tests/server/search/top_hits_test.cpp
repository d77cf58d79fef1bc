#include "server/search/top_hits.h"

#include <catch2/catch.hpp>

#include "server/search/doc_table.h"
#include "server/search/facet_columns.h"
#include "server/search/matcher.h"
#include "server/search/postings.h"
#include "tests/server/search/generated_index.h"

namespace ayc::search {
namespace {

using testing::GeneratedIndex;

TextPlan plan_of(std::vector<std::string> words) {
  TextPlan plan;
  for (auto& w : words) plan.groups.push_back(TextGroup{{{w}}});
  return plan;
}

std::vector<Xapian::docid> docids(const std::vector<RankedDoc>& ranked) {
  std::vector<Xapian::docid> out;
  for (const auto& r : ranked) out.push_back(r.doc);
  return out;
}

// Early termination against scoring every hit: the same hits in the same order.
void check_same_as_exhaustive(GeneratedIndex& idx, const Matches& m, SortOrder sort, bool has_text, std::size_t n,
                              TopStats& stats) {
  const ranking::BlendParams blend;
  auto every = top_hits(m, sort, has_text, idx.table, idx.columns, blend, n, TopOptions{true, nullptr});
  auto early = top_hits(m, sort, has_text, idx.table, idx.columns, blend, n, TopOptions{false, &stats});
  REQUIRE(every.size() == std::min(n, m.size()));
  CHECK(docids(early) == docids(every));
  for (std::size_t i = 0; i < every.size() && i < early.size(); ++i) CHECK(early[i].score == every[i].score);
}

TEST_CASE("early termination returns the same top hits as scoring every match, and skips most of a ranked index") {
  GeneratedIndex idx(60'000, true, 7);
  const Matcher matcher = idx.matcher();
  const std::vector<std::vector<std::string>> queries = {
      {"oil"}, {"oil", "hair"}, {"ashwagandha"}, {"tablet", "ashwagandha"}, {"brahmi"}, {"hair"}};
  for (const auto& words : queries) {
    const Matches m = matcher.match(plan_of(words));
    for (std::size_t n : {std::size_t{10}, std::size_t{60}}) {
      INFO(words.front() << " (" << words.size() << " words), top " << n << " of " << m.size());
      TopStats stats;
      check_same_as_exhaustive(idx, m, SortOrder::kRelevance, true, n, stats);
      // Large sets: most of the hits are never scored.
      if (m.size() > 10'000) {
        CHECK(stats.skipped_blocks > 0);
        CHECK(stats.visited * 4 < m.size());
      }
    }
  }
  // Without text (by popularity) and sorted by popularity.
  const Matches every = matcher.match(TextPlan{});
  TopStats stats;
  check_same_as_exhaustive(idx, every, SortOrder::kRelevance, false, 60, stats);
  CHECK(stats.visited * 4 < every.size());
  check_same_as_exhaustive(idx, matcher.match(plan_of({"oil"})), SortOrder::kPopularity, true, 10, stats);
  CHECK(stats.skipped_blocks > 0);
}

TEST_CASE("early termination stays exact when docids do not follow the rank, and other orders visit every hit") {
  GeneratedIndex idx(20'000, false, 11);
  const Matcher matcher = idx.matcher();
  for (const auto& words : std::vector<std::vector<std::string>>{{"oil"}, {"oil", "tablet"}, {"ashwagandha"}}) {
    const Matches m = matcher.match(plan_of(words));
    INFO(words.front() << " of " << m.size());
    TopStats stats;
    check_same_as_exhaustive(idx, m, SortOrder::kRelevance, true, 10, stats);
    check_same_as_exhaustive(idx, m, SortOrder::kPopularity, true, 10, stats);
    check_same_as_exhaustive(idx, m, SortOrder::kPriceAsc, true, 10, stats);
    CHECK(stats.visited == m.size());
    CHECK(stats.skipped_blocks == 0);
  }
}

}  // namespace
}  // namespace ayc::search
