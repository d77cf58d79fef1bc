#include "recsys/recommendations.h"

#include <map>
#include <random>
#include <set>

#include <catch2/catch.hpp>

#include "tests/recsys/synthetic_data.h"

namespace ayc::recsys {
namespace {

using testing::DatasetBuilder;

RecsysInputs shop(std::uint32_t seed) {
  std::mt19937 rng(seed);
  DatasetBuilder b(80, 3000);
  for (std::uint32_t i = 0; i < 80; ++i) {
    auto& it = b.item(i);
    it.ingredients = {i % 11, 11 + i % 7};
    it.form = i % 2 ? "tablet" : "powder";
    it.categories = {i % 4};
    it.indications = {i % 3 ? "Stress" : "Joint pain"};
    it.active = i % 13 != 5;
  }
  b.data().category_count = 4;
  for (int n = 0; n < 400; ++n) {
    const std::uint32_t c = rng() % 60;
    const auto first = static_cast<std::uint32_t>(rng() % 78);
    const auto second = first + 1 + static_cast<std::uint32_t>(rng() % 2);
    b.order(c, 3000 - static_cast<std::int64_t>(rng() % 200), {first, second});
  }
  RecsysInputs in;
  in.data = b.data();
  for (std::size_t i = 0; i < 80; ++i) in.ids.products.push_back("p" + std::to_string(i));
  for (std::size_t c = 0; c < in.data.customer_count; ++c) in.ids.customers.push_back("u" + std::to_string(c));
  for (int c = 0; c < 4; ++c) in.ids.categories.push_back("c" + std::to_string(c));
  return in;
}

void check_lists(const ScoredLists& lists, const Dataset& d, std::size_t k, bool per_product) {
  for (std::size_t src = 0; src < lists.size(); ++src) {
    const auto l = lists[src];
    CHECK(l.size() <= k);
    std::set<std::uint32_t> seen;
    for (std::size_t r = 0; r < l.size(); ++r) {
      CHECK(d.items[l[r].item].active);
      CHECK((l[r].score >= 0 && l[r].score < 1));
      if (per_product) CHECK(l[r].item != src);
      if (r > 0) CHECK(l[r - 1].score >= l[r].score);
      CHECK(seen.insert(l[r].item).second);
    }
  }
}

TEST_CASE("compute_recommendations fills every list within its promises") {
  const RecsysInputs in = shop(1);
  RecsysOptions o;
  o.run.k = 7;
  std::vector<std::string> stages;
  o.on_stage = [&](const std::string& s) { stages.push_back(s); };
  const auto set = compute_recommendations(in, o);
  REQUIRE(set.ok());
  CHECK(set->bought_together.size() == 80);
  CHECK(set->similar.size() == 80);
  CHECK(set->related.size() == 80);
  CHECK(set->for_you.size() == in.data.customer_count);
  CHECK(set->category_best_sellers.size() == 4);
  check_lists(set->bought_together, in.data, 7, true);
  check_lists(set->similar, in.data, 7, true);
  check_lists(set->related, in.data, 7, true);
  check_lists(set->for_you, in.data, 7, false);
  CHECK(set->buy_again.size() == in.data.customer_count);
  check_lists(set->buy_again, in.data, o.buy_again.max_items, false);
  check_lists(set->category_best_sellers, in.data, 7, false);
  CHECK(set->best_sellers.size() == 7);
  CHECK(set->similar[0].size() == 7);
  CHECK(set->similar[5].empty());  // inactive source
  CHECK(stages.back() == "done");
  const auto named = product_ids(set->similar[0], set->ids);
  REQUIRE(named.size() == 7);
  CHECK(named[0].product_id == "p" + std::to_string(set->similar[0][0].item));
}

TEST_CASE("compute_recommendations does not depend on the thread count") {
  const RecsysInputs in = shop(2);
  RecsysOptions one, many;
  one.run.threads = 1;
  many.run.threads = 3;
  const auto a = compute_recommendations(in, one);
  const auto b = compute_recommendations(in, many);
  REQUIRE((a.ok() && b.ok()));
  for (std::size_t i = 0; i < 80; ++i) {
    CHECK(std::equal(a->related[i].begin(), a->related[i].end(), b->related[i].begin(), b->related[i].end()));
  }
  for (std::size_t c = 0; c < a->for_you.size(); ++c) {
    CHECK(std::equal(a->for_you[c].begin(), a->for_you[c].end(), b->for_you[c].begin(), b->for_you[c].end()));
    CHECK(std::equal(a->buy_again[c].begin(), a->buy_again[c].end(), b->buy_again[c].begin(), b->buy_again[c].end()));
  }
}

bool same_lists(const ScoredLists& a, const ScoredLists& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!std::equal(a[i].begin(), a[i].end(), b[i].begin(), b[i].end())) return false;
  return true;
}

// Records the blocks it is handed, fails on the `fail_at`-th when set.
class RecordingSink : public ListSink {
 public:
  Status take(ListFamily family, std::size_t first, ScoredLists&& lists) override {
    if (++calls == fail_at) return Status::Unavailable("the store is full");
    auto& seen = families[family_name(family)];
    CHECK(first == seen.size());  // each family's blocks in order, none skipped
    seen.append_rows(lists);
    return Status::Ok();
  }
  std::map<std::string, ScoredLists> families;
  int calls = 0;
  int fail_at = -1;
};

TEST_CASE("lists handed over in blocks are the lists computed whole") {
  const RecsysInputs in = shop(3);
  RecsysOptions whole, blocks;
  blocks.run.block_rows = 7;  // 80 products: 12 blocks, the last one short
  const RecommendationSet set = compute_models(in.data, whole);
  RecordingSink sink;
  const auto rest = compute_models_into(in.data, blocks, sink);
  REQUIRE(rest.ok());
  CHECK(same_lists(sink.families["similar"], set.similar));
  CHECK(same_lists(sink.families["related"], set.related));
  CHECK(same_lists(sink.families["bought_together"], set.bought_together));
  CHECK(same_lists(sink.families["for_you"], set.for_you));
  CHECK(same_lists(sink.families["buy_again"], set.buy_again));
  CHECK(sink.families["similar"].size() == 80);
  // What stays in the returned set: the global and category lists only.
  CHECK(rest->best_sellers == set.best_sellers);
  CHECK(same_lists(rest->category_best_sellers, set.category_best_sellers));
  CHECK(rest->similar.size() == 0);
  CHECK(rest->for_you.size() == 0);
}

TEST_CASE("a sink's error stops the models and is returned") {
  const RecsysInputs in = shop(4);
  RecsysOptions o;
  o.run.block_rows = 10;
  RecordingSink sink;
  sink.fail_at = 3;
  const auto rest = compute_models_into(in.data, o, sink);
  REQUIRE_FALSE(rest.ok());
  CHECK(rest.status().message().find("the store is full") != std::string::npos);
  CHECK(sink.calls == 3);
  CHECK(sink.families["for_you"].size() == 0);  // nothing after the failure
}

TEST_CASE("compute_recommendations rejects damaged inputs and bad options") {
  RecsysInputs in = shop(3);
  in.data.lines.push_back({0, 0, 500, 3000, 1});
  auto r = compute_recommendations(in, {});
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == StatusCode::kInvalidArgument);

  RecsysOptions bad;
  bad.run.k = 0;
  bad.for_you.ease.lambda = 0;
  bad.buy_again.overdue_half_life = 0;
  const Status s = validate(bad);
  CHECK(s.code() == StatusCode::kInvalidArgument);
  CHECK(s.message().find("k must be") != std::string::npos);
  CHECK(s.message().find("lambda") != std::string::npos);
  CHECK(s.message().find("buy_again.overdue_half_life") != std::string::npos);
}

TEST_CASE("compute_recommendations copes with a shop without orders") {
  RecsysInputs in = shop(4);
  in.data.lines.clear();
  const auto set = compute_recommendations(in, {});
  REQUIRE(set.ok());
  CHECK(set->best_sellers.empty());
  CHECK(set->trending.empty());
  CHECK(set->bought_together[0].empty());
  CHECK_FALSE(set->similar[0].empty());
  CHECK_FALSE(set->related[0].empty());
}

}  // namespace
}  // namespace ayc::recsys
