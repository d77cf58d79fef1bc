#include <algorithm>

#include <catch2/catch.hpp>

#include "index/index_schema.h"
#include "ranking/bm25.h"
#include "server/search/doc_table.h"
#include "server/search/facet_columns.h"
#include "server/search/matcher.h"
#include "server/search/postings.h"
#include "tests/support/temp_dir.h"

namespace ayc::search {
namespace {

// A real Xapian database of hand-made documents: docid i has the terms of
// docs[i - 1] (term, wdf), a price and an id.
struct SmallIndex {
  struct Doc {
    std::vector<std::pair<std::string, unsigned>> terms;
    double price = 100;
  };
  explicit SmallIndex(const std::vector<Doc>& docs, std::size_t cache_bytes = 1 << 20) : cache(cache_bytes) {
    {
      Xapian::WritableDatabase w(dir.path().string(), Xapian::DB_CREATE_OR_OVERWRITE);
      int n = 0;
      for (const auto& d : docs) {
        Xapian::Document doc;
        for (const auto& [t, wdf] : d.terms) {
          if (wdf == 0) {
            doc.add_boolean_term(t);
          } else {
            doc.add_term(t, wdf);
          }
        }
        doc.add_value(index::kSlotPrice, Xapian::sortable_serialise(d.price));
        doc.add_value(index::kSlotId, "p" + std::to_string(++n));
        doc.add_value(index::kSlotName, "product " + std::to_string(n));
        w.add_document(doc);
      }
      w.commit();
    }
    db = Xapian::Database(dir.path().string());
    table = DocTable::build(db).value();
    columns = FacetColumns::build(db).value();
  }
  Matcher matcher() { return Matcher(db, cache, table, columns); }

  testing::TempDir dir;
  Xapian::Database db;
  DocTable table;
  FacetColumns columns;
  PostingsCache cache;
};

std::vector<Xapian::docid> docs_of(const Matches& m) { return m.docs(); }

TEST_CASE("a group matches any alternative, an alternative needs all its terms") {
  SmallIndex idx({{{{"ashwagandha", 2}}},
                  {{{"withania", 1}, {"somnifera", 1}}},
                  {{{"withania", 1}}},
                  {{{"XKashwagandha", 0}}},
                  {{{"tulsi", 1}}}});
  auto m = idx.matcher().match(TextPlan{{TextGroup{{{"ashwagandha"}, {"withania", "somnifera"}, {"XKashwagandha"}}}}});
  CHECK(docs_of(m) == std::vector<Xapian::docid>{1, 2, 4});
  CHECK(m.weights()[0] > 0);
  CHECK(m.weights()[2] == 0);  // matched by a boolean term only: no weight
}

TEST_CASE("a document with two alternatives of a group is weighted as one term with their summed frequency") {
  SmallIndex idx({{{{"tablet", 1}, {"vati", 1}, {"filler", 2}}},
                  {{{"tablet", 2}, {"filler", 2}}},
                  {{{"filler", 4}}}});
  auto m = idx.matcher().match(TextPlan{{TextGroup{{{"tablet"}, {"vati"}}}}});
  REQUIRE(docs_of(m) == std::vector<Xapian::docid>{1, 2});
  double idf = ranking::bm25_idf(2, 3);
  CHECK(m.weights()[0] == Approx(ranking::bm25_weight(idf, 2, idx.table.length(1), idx.table.average_length())));
  CHECK(m.weights()[0] == Approx(m.weights()[1]));  // same length, same summed frequency
}

TEST_CASE("every group must match and in any-group mode weights add up") {
  SmallIndex idx({{{{"oil", 1}, {"joint", 1}}}, {{{"oil", 1}}}, {{{"joint", 1}}}, {{{"churna", 1}}}});
  auto m = idx.matcher();
  TextPlan both{{TextGroup{{{"oil"}}}, TextGroup{{{"joint"}}}}};
  CHECK(docs_of(m.match(both)) == std::vector<Xapian::docid>{1});
  both.any_group = true;
  auto any = m.match(both);
  REQUIRE(docs_of(any) == std::vector<Xapian::docid>{1, 2, 3});
  CHECK(any.weights()[0] > any.weights()[1]);
  CHECK(m.match(TextPlan{{TextGroup{{{"oil"}}}, TextGroup{{{"absent"}}}}}).size() == 0);
}

TEST_CASE("equal signatures mean equal match sets") {
  SmallIndex idx({{{{"oil", 1}, {"joint", 1}}}, {{{"oil", 1}}}, {{{"churna", 1}}}});
  auto m = idx.matcher();
  TextGroup oil{{{"oil"}}}, joint{{{"joint"}}}, nothing{{{"induppu"}}}, other{{{"ghritam"}}};
  auto a = m.match(TextPlan{{nothing, oil}, true});
  auto b = m.match(TextPlan{{oil, other}, true});
  CHECK(a.docs() == b.docs());
  CHECK(a.signature == b.signature);  // groups matching nothing do not count when any group will do
  auto c = m.match(TextPlan{{nothing, joint}, true});
  CHECK(c.docs() != a.docs());
  CHECK(c.signature != a.signature);
  CHECK(m.match(TextPlan{{oil, joint}, true}).signature != a.signature);
  CHECK(m.match(TextPlan{{oil, nothing}, false}).signature != a.signature);
  CHECK(m.match(TextPlan{{oil, joint}, false}).signature == m.match(TextPlan{{joint, oil}, false}).signature);
  CHECK(m.match(TextPlan{{oil, joint}, false}).signature != m.match(TextPlan{{oil, joint}, true}).signature);
  CHECK(filters_signature({{"brand", {"Bdabur"}, {}}}) != filters_signature({{"brand", {"Bzandu"}, {}}}));
}

TEST_CASE("every_group_matches tells a known word from an unknown one without scoring") {
  SmallIndex idx({{{{"oil", 1}}}, {{{"churna", 1}}}});
  auto m = idx.matcher();
  CHECK(m.every_group_matches(TextPlan{{TextGroup{{{"oil"}}}}}));
  CHECK_FALSE(m.every_group_matches(TextPlan{{TextGroup{{{"induppu"}}}}}));
  CHECK_FALSE(m.every_group_matches(TextPlan{{TextGroup{{{"oil"}}}, TextGroup{{{"induppu"}}}}}));
  CHECK_FALSE(m.every_group_matches(TextPlan{}));
}

TEST_CASE("many alternatives over most of the collection are unioned exactly") {
  std::vector<SmallIndex::Doc> docs;
  for (int i = 0; i < 300; ++i) docs.push_back({{{"w" + std::to_string(i % 7), 1}, {"all", 1}}});
  SmallIndex idx(docs);
  TextGroup g;
  for (int i = 0; i < 5; ++i) g.alternatives.push_back({"w" + std::to_string(i)});
  auto m = idx.matcher().match(TextPlan{{g}});
  std::vector<Xapian::docid> want;
  for (int i = 0; i < 300; ++i)
    if (i % 7 < 5) want.push_back(static_cast<Xapian::docid>(i + 1));
  CHECK(docs_of(m) == want);
}

TEST_CASE("intersecting short and long lists agrees with brute force at every size ratio") {
  // "common" is in every document, "mid" in every 3rd, "rare" in every 97th,
  // "edge" in the first and last only: the intersection skips ahead through
  // the longer list by galloping, which must neither miss nor invent a match.
  const int n = 2000;
  std::vector<SmallIndex::Doc> docs;
  for (int i = 1; i <= n; ++i) {
    SmallIndex::Doc d;
    d.terms.push_back({"common", 1});
    if (i % 3 == 0) d.terms.push_back({"mid", 2});
    if (i % 97 == 0) d.terms.push_back({"rare", 1});
    if (i == 1 || i == n) d.terms.push_back({"edge", 1});
    docs.push_back(d);
  }
  SmallIndex idx(docs);
  auto m = idx.matcher();
  auto brute = [&](auto keep) {
    std::vector<Xapian::docid> out;
    for (int i = 1; i <= n; ++i)
      if (keep(i)) out.push_back(static_cast<Xapian::docid>(i));
    return out;
  };
  TextGroup common{{{"common"}}}, mid{{{"mid"}}}, rare{{{"rare"}}}, edge{{{"edge"}}};
  CHECK(docs_of(m.match(TextPlan{{rare, common}})) == brute([](int i) { return i % 97 == 0; }));
  CHECK(docs_of(m.match(TextPlan{{mid, rare}})) == brute([](int i) { return i % 291 == 0; }));
  CHECK(docs_of(m.match(TextPlan{{common, edge}})) == brute([](int i) { return i == 1 || i == n; }));
  CHECK(docs_of(m.match(TextPlan{{edge, mid}})).empty());  // 2000 % 3 != 0, 1 % 3 != 0
  auto all3 = m.match(TextPlan{{common, mid, rare}});
  REQUIRE(docs_of(all3) == brute([](int i) { return i % 291 == 0; }));
  // Weights are the sum of each group's own weight.
  auto c = m.match(TextPlan{{common}}), md = m.match(TextPlan{{mid}}), r = m.match(TextPlan{{rare}});
  auto weight_of = [](const Matches& x, Xapian::docid d) {
    auto it = std::lower_bound(x.docs().begin(), x.docs().end(), d);
    return x.weights()[static_cast<std::size_t>(it - x.docs().begin())];
  };
  for (std::size_t i = 0; i < all3.size(); ++i) {
    Xapian::docid d = all3.docs()[i];
    CHECK(all3.weights()[i] == Approx(weight_of(c, d) + weight_of(md, d) + weight_of(r, d)));
  }
  // Filters intersect the same way.
  auto kept = m.restrict(c, {FilterPart{"", {"rare"}, {}}});
  CHECK(kept.docs() == brute([](int i) { return i % 97 == 0; }));
}

TEST_CASE("a filter of several terms keeps the documents any of them has, with their weights, long lists or short") {
  // A filter asks each document of the match set of its terms' lists:
  // through a dense list's bitmap (all it keeps of such a list), by a
  // cursor in a sparse one, or (few listed documents) each listed document
  // looked up in the set.
  const int n = 3000;
  std::vector<SmallIndex::Doc> docs;
  for (int i = 1; i <= n; ++i) {
    SmallIndex::Doc d;
    d.terms.push_back({"word", static_cast<unsigned>(1 + i % 4)});
    if (i % 2 == 0) d.terms.push_back({"Khalf", 0});    // long: a bitmap
    if (i % 101 == 0) d.terms.push_back({"Krare", 0});  // short: a cursor
    if (i % 5 == 0) d.terms.push_back({"Kfifth", 0});
    if (i == 7 || i == n) d.terms.push_back({"Kedge", 0});
    if (i <= 40) d.terms.push_back({"Kfirst", 0});  // short but dense: its bitmap alone
    docs.push_back(d);
  }
  SmallIndex idx(docs, 8 << 20);
  auto m = idx.matcher();
  const Matches all = m.match(TextPlan{{TextGroup{{{"word"}}}}});
  auto expect = [&](auto keep) {
    std::vector<Xapian::docid> out;
    for (int i = 1; i <= n; ++i)
      if (keep(i)) out.push_back(static_cast<Xapian::docid>(i));
    return out;
  };
  auto check = [&](const Matches& from, const std::vector<std::string>& terms, auto keep) {
    const Matches kept = m.restrict(from, {FilterPart{"", terms, {}}});
    std::vector<Xapian::docid> want;
    for (Xapian::docid d : from.docs())
      if (keep(static_cast<int>(d))) want.push_back(d);
    REQUIRE(kept.docs() == want);
    for (std::size_t i = 0; i < kept.size(); ++i) {  // each keeps its weight in `from`
      const auto at = std::lower_bound(from.docs().begin(), from.docs().end(), kept.docs()[i]) - from.docs().begin();
      CHECK(kept.weights()[i] == from.weights()[static_cast<std::size_t>(at)]);
    }
  };
  check(all, {"Khalf", "Krare"}, [](int i) { return i % 2 == 0 || i % 101 == 0; });
  check(all, {"Krare", "Kedge"}, [](int i) { return i % 101 == 0 || i == 7 || i == n; });  // few listed
  check(all, {"Kfifth", "Krare", "Kedge"}, [](int i) { return i % 5 == 0 || i % 101 == 0 || i == 7 || i == n; });
  check(all, {"Kabsent"}, [](int) { return false; });
  check(all, {"Kfirst", "Krare"}, [](int i) { return i <= 40 || i % 101 == 0; });  // few listed, one as bits
  check(all, {"Kfirst"}, [](int i) { return i <= 40; });
  // A short match set against long lists.
  const Matches fifths = m.restrict(all, {FilterPart{"", {"Kfifth"}, {}}});
  REQUIRE(fifths.docs() == expect([](int i) { return i % 5 == 0; }));
  check(fifths, {"Khalf", "Kedge"}, [](int i) { return i % 2 == 0 || i == 7 || i == n; });
}

TEST_CASE("a telling concept keeps the documents that name it, use it, say it often or hold its boolean term") {
  // Docids 1-8; "brahmi" in each a different way. Only 2, 4, 6, 7 and 8 hold it tellingly.
  using index::name_stem_term;
  using index::use_stem_term;
  SmallIndex idx({{{{"brahmi", 1}, {"oil", 1}}},                                     // once in a description
                  {{{"brahmi", Matcher::kTellingWdf}, {"oil", 1}}},                  // said three times
                  {{{"brahmi", Matcher::kTellingWdf - 1}, {"oil", 1}}},              // twice
                  {{{"brahmi", 1}, {name_stem_term("brahmi"), 0}, {"oil", 1}}},      // in the name
                  {{{"oil", 1}}},                                                    // not at all
                  {{{"brahmi", 1}, {use_stem_term("brahmi"), 0}, {"oil", 1}}},       // a use of its ingredients
                  {{{"XKbrahmi", 0}, {"oil", 1}}},                                   // a boolean term
                  {{{"bacopa", 4}, {"monnieri", 3}, {"oil", 1}}},                    // both words of an alternative, often
                  {{{"bacopa", 4}, {"monnieri", 1}, {"oil", 1}}},                    // one of them only in passing
                  {{{"bacopa", 3}, {"monnieri", 1}, {use_stem_term("monnieri"), 0}, {"oil", 1}}}});  // often, and a use
  auto m = idx.matcher();
  const TextGroup brahmi{{{"brahmi"}, {"XKbrahmi"}, {"bacopa", "monnieri"}}};
  const Matches oils = m.match(TextPlan{{TextGroup{{{"oil"}}}}});
  REQUIRE(oils.size() == 10);
  const Matches told = m.keep_telling(oils, {brahmi});
  CHECK(told.docs() == std::vector<Xapian::docid>{2, 4, 6, 7, 8, 10});
  // The phrase alone, its words' telling lists asked again (cached on the second use): the same each time.
  const TextGroup bacopa{{{"bacopa", "monnieri"}}};
  for (int i = 0; i < 3; ++i) CHECK(m.keep_telling(oils, {bacopa}).docs() == std::vector<Xapian::docid>{8, 10});
  // Weights are the match set's own.
  for (std::size_t i = 0; i < told.size(); ++i) {
    const Xapian::docid d = told.docs()[i];
    CHECK(told.weights()[i] == oils.weights()[d - 1]);
  }
  // Asked again (the telling list cached): the same.
  CHECK(m.keep_telling(oils, {brahmi}).docs() == told.docs());
}

TEST_CASE("no groups means every live document, deleted ones excluded") {
  SmallIndex idx({{{{"a", 1}}}, {{{"b", 1}}}, {{{"c", 1}}}});
  {
    Xapian::WritableDatabase w(idx.dir.path().string());
    w.delete_document(2);
    w.commit();
  }
  Xapian::Database db(idx.dir.path().string());
  DocTable table = DocTable::build(db).value();
  FacetColumns columns = FacetColumns::build(db).value();
  PostingsCache cache(1 << 20);
  Matcher m(db, cache, table, columns);
  CHECK(docs_of(m.match(TextPlan{})) == std::vector<Xapian::docid>{1, 3});
  CHECK(table.id(3) == "p3");
  CHECK(table.id(2).empty());
}

TEST_CASE("filters keep any-of their terms and a price range, and one facet's filter can be left out") {
  SmallIndex idx({{{{"Bdabur", 0}, {"KANY", 0}}, 50},
                  {{{"Bhimalaya", 0}}, 150},
                  {{{"Bzandu", 0}, {"KANY", 0}}, 300},
                  {{{"Bdabur", 0}}, 900}});
  auto m = idx.matcher();
  Matches all = m.match(TextPlan{});
  std::vector<FilterPart> filters = {{"brand", {"Bdabur", "Bzandu"}, {}},
                                     {"price", {}, std::make_pair(100.0, 1000.0)}};
  CHECK(docs_of(m.restrict(all, filters)) == std::vector<Xapian::docid>{3, 4});
  CHECK(docs_of(m.restrict(all, filters, "brand")) == std::vector<Xapian::docid>{2, 3, 4});
  CHECK(docs_of(m.restrict(all, filters, "price")) == std::vector<Xapian::docid>{1, 3, 4});
  CHECK(docs_of(m.restrict(all, {{"", {"KANY"}, {}}})) == std::vector<Xapian::docid>{1, 3});
}

TEST_CASE("a term first read for its packed bytes holds the postings a first read for its arrays holds") {
  std::vector<SmallIndex::Doc> docs;
  for (int i = 1; i <= 300; ++i) {
    // Gaps of one to a hundred docids, wdfs up to 40 (past the packed format's inline limit of 7).
    if (i % 7 == 0 || i % 97 == 0 || i < 20) docs.push_back({{{"herb", static_cast<unsigned>(1 + i % 40)}}});
    docs.push_back({{{"other", 1}}});
  }
  SmallIndex idx(docs);
  PostingsCache other_cache(1 << 20);
  const PostingList packed_first = unpack_postings(*idx.cache.get_packed(idx.db, "herb"));
  const PostingPtr arrays_first = other_cache.get(idx.db, "herb");
  REQUIRE(arrays_first->docs.size() > 50);
  CHECK(packed_first.docs == arrays_first->docs);
  CHECK(packed_first.wdfs == arrays_first->wdfs);
  CHECK(idx.cache.get_packed(idx.db, "absent")->count == 0);
}

TEST_CASE("the postings cache reads a term once, keeps it packed and drops the least recently used beyond its budget") {
  std::vector<SmallIndex::Doc> docs;
  for (int i = 0; i < 100; ++i) docs.push_back({{{"common", 1}, {"t" + std::to_string(i % 4), 1}}});
  // Packed, "common" takes ~140 bytes and each "t" list ~60: room for three or four lists.
  SmallIndex idx(docs, 300);
  auto first = idx.cache.get(idx.db, "common");
  CHECK(first->docs.size() == 100);
  CHECK(idx.cache.stats().misses == 1);
  CHECK(idx.cache.stats().bytes < 100 * 8 / 4);  // a quarter of the unpacked arrays at most
  auto again = idx.cache.get(idx.db, "common");  // unpacked from the cache, not read again
  CHECK(idx.cache.stats().hits == 1);
  CHECK(again->docs == first->docs);
  CHECK(again->wdfs == first->wdfs);
  CHECK(idx.cache.count(idx.db, "common") == 100);
  CHECK(idx.cache.stats().hits == 2);
  CHECK(idx.cache.stats().term_bytes == idx.cache.stats().bytes);  // only terms' own lists so far
  for (int i = 0; i < 4; ++i) CHECK(idx.cache.get(idx.db, "t" + std::to_string(i))->docs.size() == 25);
  auto s = idx.cache.stats();
  CHECK(s.evictions > 0);
  CHECK(s.bytes <= 300);
  CHECK(idx.cache.get(idx.db, "absent")->docs.empty());
  CHECK(idx.cache.count(idx.db, "absent") == 0);
  CHECK(idx.cache.stats().misses == s.misses + 1);  // an absent term is remembered too
}

TEST_CASE("a large postings cache spreads its lists over shards and keeps within its whole budget") {
  PostingsCache cache(std::size_t{128} << 20);  // four shards of 32 MiB
  int computed = 0;
  auto big = [&] {  // 12 MiB of docids
    ++computed;
    auto l = std::make_shared<PostingList>();
    l->docs.resize(std::size_t{3} << 20);
    return PostingPtr(std::move(l));
  };
  for (int i = 0; i < 30; ++i) cache.get_or_compute("\x05list" + std::to_string(i), big);
  CHECK(computed == 30);
  auto s = cache.stats();
  CHECK(s.bytes <= cache.max_bytes());
  CHECK(s.terms >= 4);  // each shard keeps at least its latest list
  CHECK(s.terms <= 8);  // and at most two of 12 MiB in its 32
  CHECK(s.evictions == 30 - s.terms);
  CHECK(s.misses == 30);
  cache.get_or_compute("\x05list29", big);  // the last one stored is still there
  CHECK(computed == 30);
  CHECK(cache.stats().hits == 1);
}

TEST_CASE("a list asked again outlives a run of lists asked once, and the protected ones still leave beyond the budget") {
  PostingsCache cache(8192);  // one shard; each list below takes ~470 bytes
  int computed = 0;
  auto list = [&] {
    ++computed;
    auto l = std::make_shared<PostingList>();
    l->docs.assign(100, 1);
    return PostingPtr(std::move(l));
  };
  cache.get_or_compute("\x02hot", list);
  cache.get_or_compute("\x02hot", list);  // asked again: protected
  for (int i = 0; i < 100; ++i) cache.get_or_compute("\x02once" + std::to_string(i), list);
  CHECK(cache.stats().evictions > 80);
  CHECK(cache.stats().bytes <= 8192);
  const int before = computed;
  cache.get_or_compute("\x02hot", list);
  CHECK(computed == before);  // still there: a plain LRU would have dropped it 80 lists ago
  // Lists asked twice, more than the protected segment holds: the least
  // recent fall back to probation and leave.
  for (int i = 0; i < 40; ++i) {
    cache.get_or_compute("\x02twice" + std::to_string(i), list);
    cache.get_or_compute("\x02twice" + std::to_string(i), list);
    CHECK(cache.stats().bytes <= 8192);
  }
  const int again = computed;
  cache.get_or_compute("\x02twice39", list);
  CHECK(computed == again);
  cache.get_or_compute("\x02twice0", list);
  CHECK(computed == again + 1);
}

TEST_CASE("a list admitted on second use is computed twice, then kept, while one admitted on first use is kept at once") {
  PostingsCache cache(1 << 20);
  int computed = 0;
  auto list = [&] {
    ++computed;
    auto l = std::make_shared<PostingList>();
    l->docs = {1, 2, 3};
    return PostingPtr(std::move(l));
  };
  using A = PostingsCache::Admission;
  cache.get_or_compute("\x03once", list, A::kSecondUse);
  CHECK(cache.stats().terms == 0);
  auto kept = cache.get_or_compute("\x03once", list, A::kSecondUse);
  CHECK(cache.stats().terms == 1);
  CHECK(cache.get_or_compute("\x03once", list, A::kSecondUse) == kept);
  CHECK(computed == 2);
  cache.get_or_compute("\x02group", list);
  CHECK(cache.stats().terms == 2);
  cache.get_or_compute("\x02group", list);
  CHECK(computed == 3);
  CHECK(cache.stats().term_bytes == 0);  // computed lists, not terms' own
}

TEST_CASE("a scored list is compacted when it is stored, not when it serves one search") {
  PostingsCache cache(8 << 20);
  auto list = [] {
    auto l = std::make_shared<PostingList>();
    for (Xapian::docid d = 1; d <= 5000; ++d) {
      l->docs.push_back(d);
      l->weights.push_back(static_cast<float>(d % 3) + 0.25f);
    }
    return l;
  };
  using A = PostingsCache::Admission;
  const PostingPtr once = cache.get_or_compute_scored("\x03once", list, false, A::kSecondUse);
  CHECK(once->docs.size() == 5000);  // computed for one search: walked as it is
  CHECK(once->weights.size() == 5000);
  const PostingPtr kept = cache.get_or_compute_scored("\x03once", list, false, A::kSecondUse);
  CHECK(kept->docs.empty());
  CHECK(kept->size() == 5000);
  CHECK(kept->level_weights.size() == 3);
  CHECK(kept->weight(1) == 2.25f);  // docid 2
  CHECK(cache.get_or_compute_scored("\x03once", list, false, A::kSecondUse) == kept);
  const PostingPtr group = cache.get_or_compute_scored("\x02group", list, true);  // kept at once: compacted at once
  CHECK(group->docs.empty());
  CHECK(group->position(5000) == 4999);
  CHECK(cache.stats().bytes < 2 * 5000 * 3);
}

TEST_CASE("a match set is computed once per signature, whatever words led to it") {
  SmallIndex idx({{{{"oil", 1}, {"joint", 1}}}, {{{"oil", 1}}}, {{{"joint", 2}, {"taila", 1}}}});
  auto m = idx.matcher();
  TextGroup oil{{{"oil"}, {"taila"}}}, joint{{{"joint"}}};
  auto first = m.match(TextPlan{{oil, joint}});
  m.match(TextPlan{{oil, joint}});  // a match set is kept from its second use
  const auto misses = idx.cache.stats().misses;
  auto again = m.match(TextPlan{{joint, oil}});  // other order, same groups
  CHECK(idx.cache.stats().misses == misses);     // nothing read or computed
  CHECK(again.docs() == first.docs());
  CHECK(again.weights() == first.weights());
  CHECK(again.signature == first.signature);
  REQUIRE(first.docs() == std::vector<Xapian::docid>{1, 3});
}

TEST_CASE("a group asked twice counts once, in either mode") {
  SmallIndex idx({{{{"oil", 1}, {"joint", 1}}}, {{{"oil", 3}}}, {{{"churna", 1}}}});
  auto m = idx.matcher();
  TextGroup oil{{{"oil"}}}, joint{{{"joint"}}};
  for (bool any : {false, true}) {
    INFO(any);
    auto once = m.match(TextPlan{{oil, joint}, any});
    auto twice = m.match(TextPlan{{oil, joint, oil}, any});
    CHECK(twice.docs() == once.docs());
    CHECK(twice.weights() == once.weights());
    CHECK(twice.signature == once.signature);
  }
  CHECK(m.match(TextPlan{{oil, oil}}).weights() == m.match(TextPlan{{oil}}).weights());
}

TEST_CASE("a bitmap finds a document's position in its list") {
  PostingList list;
  list.docs = {1, 63, 64, 65, 127, 128, 500};
  add_bitmap(list);
  for (std::size_t i = 0; i < list.docs.size(); ++i) CHECK(list.position(list.docs[i]) == static_cast<std::ptrdiff_t>(i));
  for (Xapian::docid absent : {0u, 2u, 62u, 66u, 129u, 499u, 501u, 100000u}) CHECK(list.position(absent) == -1);
  PostingList empty;
  add_bitmap(empty);
  CHECK(empty.bits.empty());
}

TEST_CASE("intersections through a long group's bitmap keep the same documents and weights") {
  // "common" is in every document (a bitmap), "rare" in every seventh,
  // "mid" in every third: both narrowing paths, checked against each other.
  std::vector<SmallIndex::Doc> docs;
  for (int i = 1; i <= 700; ++i) {
    SmallIndex::Doc d;
    d.terms.push_back({"common", static_cast<unsigned>(1 + i % 3)});
    if (i % 7 == 0) d.terms.push_back({"rare", 1});
    if (i % 3 == 0) d.terms.push_back({"mid", 2});
    docs.push_back(d);
  }
  SmallIndex idx(docs, 8 << 20);
  auto m = idx.matcher();
  TextGroup common{{{"common"}}}, rare{{{"rare"}}}, mid{{{"mid"}}};
  auto rare_common = m.match(TextPlan{{rare, common}});
  REQUIRE(rare_common.size() == 100);
  auto alone = m.match(TextPlan{{rare}});
  auto all_common = m.match(TextPlan{{common}});
  REQUIRE_FALSE(all_common.list->bits.empty());
  for (std::size_t i = 0; i < rare_common.size(); ++i) {
    const Xapian::docid d = rare_common.docs()[i];
    CHECK(d % 7 == 0);
    const auto at = all_common.list->position(d);
    REQUIRE(at >= 0);
    CHECK(rare_common.weights()[i] == Approx(alone.weights()[i] + all_common.weights()[static_cast<std::size_t>(at)]));
  }
  auto three = m.match(TextPlan{{common, mid, rare}});
  CHECK(three.size() == 700 / 21);
  for (Xapian::docid d : three.docs()) CHECK(d % 21 == 0);
}

TEST_CASE("a dense group keeps its documents only in its bitmap and every path lists them as before") {
  // "common" is in every document, "half" in every second, "rare" (said
  // three times: telling) in every seventh; document i costs i.
  std::vector<SmallIndex::Doc> docs;
  // Long enough for both dense groups to be compacted (kCompactFrom).
  constexpr Xapian::docid kDocs = 9100;
  for (Xapian::docid i = 1; i <= kDocs; ++i) {
    SmallIndex::Doc d;
    d.terms.push_back({"common", static_cast<unsigned>(1 + i % 3)});
    if (i % 2 == 0) d.terms.push_back({"half", static_cast<unsigned>(1 + i % 5)});
    if (i % 7 == 0) d.terms.push_back({"rare", 3});
    d.price = i;
    docs.push_back(d);
  }
  SmallIndex idx(docs, 8 << 20);
  auto m = idx.matcher();
  TextGroup common{{{"common"}}}, half{{{"half"}}}, rare{{{"rare"}}};
  const Matches all = m.match(TextPlan{{common}}), halves = m.match(TextPlan{{half}}), rares = m.match(TextPlan{{rare}});
  // The cached lists: no docs, their count kept, weights indexed (a handful
  // of distinct values), far less than 8 bytes a document.
  REQUIRE(all.list->docs.empty());
  REQUIRE(halves.list->docs.empty());
  CHECK(rares.list->docs.size() == kDocs / 7);  // dense but short: left as it was
  CHECK(all.size() == kDocs);
  CHECK(halves.size() == kDocs / 2);
  CHECK(halves.list->weights.empty());
  CHECK(halves.list->level_weights.size() < 100);
  CHECK(halves.list->bytes() < kDocs / 2 * 3);
  auto weight_at = [](const Matches& x, Xapian::docid d) -> float {
    const auto& ds = x.docs();
    const auto it = std::lower_bound(ds.begin(), ds.end(), d);
    REQUIRE((it != ds.end() && *it == d));
    return x.weights()[static_cast<std::size_t>(it - ds.begin())];
  };
  std::vector<Xapian::docid> even, every, either;
  for (Xapian::docid d = 1; d <= kDocs; ++d) {
    every.push_back(d);
    if (d % 2 == 0) even.push_back(d);
    if (d % 2 == 0 || d % 7 == 0) either.push_back(d);
  }
  CHECK(all.docs() == every);
  CHECK(halves.docs() == even);
  REQUIRE(halves.weights().size() == kDocs / 2);
  // Weights follow the documents: a document with more of the word weighs more.
  CHECK(weight_at(halves, 8) > weight_at(halves, 10));  // wdf 4 against 1
  // Two dense groups intersected: their bitmaps ANDed.
  const Matches both = m.match(TextPlan{{half, common}});
  CHECK(both.docs() == even);
  for (Xapian::docid d : {2u, 350u, kDocs}) {
    CHECK(weight_at(both, d) == weight_at(halves, d) + weight_at(all, d));
  }
  // A third group, rarer: it leads, the two bitmaps narrow it (weights added rarest first).
  const Matches three = m.match(TextPlan{{common, rare, half}});
  REQUIRE(three.size() == kDocs / 14);
  for (Xapian::docid d : three.docs()) CHECK(d % 14 == 0);
  CHECK(weight_at(three, 14) == weight_at(rares, 14) + weight_at(halves, 14) + weight_at(all, 14));
  // Any-group: a dense and a sparse group merged.
  const Matches any = m.match(TextPlan{{half, rare}, true});
  CHECK(any.docs() == either);
  CHECK(weight_at(any, 14) == weight_at(halves, 14) + weight_at(rares, 14));
  CHECK(weight_at(any, 7) == weight_at(rares, 7));
  // First the halves, then the rest.
  const Matches ordered = m.first_then(halves, all);
  CHECK(ordered.docs() == every);
  CHECK(weight_at(ordered, 4) == weight_at(halves, 4) + Matcher::kFirstBonus);
  CHECK(weight_at(ordered, 5) == weight_at(all, 5));
  // A price filter and a telling concept over a dense list.
  const Matches cheap = m.restrict(halves, {{"price", {}, std::make_pair(99.5, 200.5)}});
  std::vector<Xapian::docid> cheap_even;
  for (Xapian::docid d = 100; d <= 200; d += 2) cheap_even.push_back(d);
  CHECK(cheap.docs() == cheap_even);
  CHECK(weight_at(cheap, 150) == weight_at(halves, 150));
  const Matches told = m.keep_telling(halves, {rare});
  REQUIRE(told.size() == kDocs / 14);
  for (Xapian::docid d : told.docs()) CHECK(d % 14 == 0);
  CHECK(weight_at(told, 14) == weight_at(halves, 14));
  // A copy given another list lists that list's documents, not the first one's.
  Matches copy = halves;
  (void)copy.docs();
  copy.list = all.list;
  CHECK(copy.docs() == every);
}

}  // namespace
}  // namespace ayc::search
