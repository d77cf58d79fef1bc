#include <catch2/catch.hpp>

#include "index/generations.h"
#include "server/search/searcher.h"
#include "server/search/warmer.h"
#include "tests/server/search/search_index_fixture.h"

namespace ayc::search {
namespace {

// The spelling table's words, most frequent first (ties alphabetically), read directly.
std::vector<std::string> words_by_frequency(const IndexSnapshot& snap) {
  auto lease = snap.borrow_xapian();
  REQUIRE(lease.ok());
  std::vector<std::pair<Xapian::doccount, std::string>> words;
  for (auto it = lease->db().spellings_begin(); it != lease->db().spellings_end(); ++it) {
    words.emplace_back(it.get_termfreq(), *it);
  }
  std::sort(words.begin(), words.end(),
            [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  std::vector<std::string> out;
  for (auto& w : words) out.push_back(w.second);
  return out;
}

TEST_CASE("warming searches the most frequent words, so their searches find everything cached") {
  ayc::testing::SearchIndexFixture fx;
  const IndexSnapshot& snap = *fx.snapshot;
  const std::vector<std::string> words = words_by_frequency(snap);
  REQUIRE(words.size() > 3);

  auto none = warm(snap, 0);
  REQUIRE(none.ok());
  CHECK(none->searches == 0);
  CHECK(snap.postings().stats().misses == 0);

  auto warmed = warm(snap, 2);
  REQUIRE(warmed.ok());
  CHECK(warmed->searches == 2);
  const PostingsCacheStats after_warm = snap.postings().stats();
  CHECK(after_warm.misses > 0);
  CHECK(after_warm.terms > 0);

  // The two most frequent words were searched: nothing of theirs is read again.
  for (std::size_t i = 0; i < 2; ++i) {
    SearchRequest req;
    req.q = words[i];
    INFO(req.q);
    auto result = run_search(snap, req);
    REQUIRE(result.ok());
    CHECK(result->total > 0);
  }
  CHECK(snap.postings().stats().misses == after_warm.misses);

  // A word that was not warmed is read now.
  SearchRequest cold;
  cold.q = words.back();
  REQUIRE(run_search(snap, cold).ok());
  CHECK(snap.postings().stats().misses > after_warm.misses);

  // Asking for more words than the catalogue has searches each once.
  auto all = warm(snap, 1'000'000);
  REQUIRE(all.ok());
  CHECK(all->searches == words.size());
}

TEST_CASE("warming within a time budget stops in time, and a second call searches the words left") {
  ayc::testing::SearchIndexFixture fx;
  const IndexSnapshot& snap = *fx.snapshot;
  const std::size_t words = words_by_frequency(snap).size();
  REQUIRE(words > 3);
  auto first = warm(snap, 1'000'000, 1e-9);  // over before the first word
  REQUIRE(first.ok());
  CHECK(first->out_of_time);
  CHECK(first->searches == 0);
  auto rest = warm(snap, 1'000'000, 0, first->searches);
  REQUIRE(rest.ok());
  CHECK_FALSE(rest->out_of_time);
  CHECK(first->searches + rest->searches == words);
  auto none_left = warm(snap, 1'000'000, 0, words);
  REQUIRE(none_left.ok());
  CHECK(none_left->searches == 0);
  auto enough = warm(snap, 1'000'000, 3600);
  REQUIRE(enough.ok());
  CHECK_FALSE(enough->out_of_time);
  CHECK(enough->searches == words);
}

TEST_CASE("warming stops once the posting lists fill half of their cache") {
  ayc::testing::SearchIndexFixture fx;
  index::Generations gens(fx.dir.path() / "index");
  SnapshotOptions options;
  options.caches.postings_cache_bytes = 2;  // the first word's lists alone are over half of it
  auto tiny = IndexSnapshot::load(gens.path_of(**gens.current()), options);
  REQUIRE(tiny.ok());
  auto warmed = warm(**tiny, 1'000'000);
  REQUIRE(warmed.ok());
  CHECK(warmed->searches == 1);
}

TEST_CASE("an automatic posting-list budget is sized by the generation's products, a set one is kept") {
  CHECK(postings_cache_bytes_for(0) == std::size_t{256} << 20);
  CHECK(postings_cache_bytes_for(100'000) == std::size_t{256} << 20);
  CHECK(postings_cache_bytes_for(1'000'000) == std::size_t{576} * 1'000'000);
  ayc::testing::SearchIndexFixture fx;
  index::Generations gens(fx.dir.path() / "index");
  SnapshotOptions options;
  options.caches.postings_cache_bytes = 0;
  auto automatic = IndexSnapshot::load(gens.path_of(**gens.current()), options);
  REQUIRE(automatic.ok());
  CHECK((*automatic)->postings().max_bytes() == postings_cache_bytes_for((*automatic)->document_count()));
  options.caches.postings_cache_bytes = std::size_t{3} << 20;
  auto set = IndexSnapshot::load(gens.path_of(**gens.current()), options);
  REQUIRE(set.ok());
  CHECK((*set)->postings().max_bytes() == std::size_t{3} << 20);
}

}  // namespace
}  // namespace ayc::search
