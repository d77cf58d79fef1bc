#include <random>
#include <set>

#include <catch2/catch.hpp>

#include "server/search/list_fold.h"
#include "server/search/list_ops.h"

namespace ayc::search {
namespace {

// A term's list over docids 1..range: each docid held with probability
// 1/every, wdfs 1-9 (some at 7 or more, packed with an escape).
PostingPtr random_list(std::uint32_t seed, Xapian::docid range, std::uint32_t every) {
  std::mt19937 rng(seed);
  auto l = std::make_shared<PostingList>();
  for (Xapian::docid d = 1; d <= range; ++d) {
    if (rng() % every != 0) continue;
    l->docs.push_back(d);
    l->wdfs.push_back(1 + rng() % 9);
  }
  return l;
}

std::vector<Xapian::docid> members(const PostingList& l) {
  std::vector<Xapian::docid> out;
  append_docs(l, out);
  return out;
}

TEST_CASE("a frequency union folded from packed terms and lists is union_all of them, dense or sparse") {
  for (std::uint32_t every : {2u, 7u, 300u}) {
    std::vector<PostingPtr> lists;
    FrequencyUnion sum;
    for (std::uint32_t k = 0; k < 6; ++k) {
      lists.push_back(random_list(every * 10 + k, 5000 + k * 3000, every));
      if (k % 2 == 0) {
        sum.add(pack_postings(*lists.back()));
      } else {
        sum.add(*lists.back());
      }
    }
    const PostingPtr want = union_all(lists);
    const PostingPtr got = sum.finish();
    REQUIRE_FALSE(want->docs.empty());
    CHECK(got->docs == want->docs);
    CHECK(got->wdfs == want->wdfs);
    // Finished, the fold is empty again, and so is the thread's array the next one borrows.
    CHECK(sum.finish()->docs.empty());
    FrequencyUnion next;
    next.add(*lists[0]);
    CHECK(next.finish()->docs == lists[0]->docs);
  }
}

TEST_CASE("a frequency union keeps documents whose frequencies are zero (boolean terms)") {
  PostingList boolean, text;
  for (Xapian::docid d = 2; d < 4000; d += 3) {
    boolean.docs.push_back(d);
    boolean.wdfs.push_back(0);
  }
  for (Xapian::docid d = 5; d < 4000; d += 5) {
    text.docs.push_back(d);
    text.wdfs.push_back(2);
  }
  FrequencyUnion sum;
  sum.add(pack_postings(boolean));
  sum.add(text);
  const PostingPtr got = sum.finish();
  const PostingPtr want = union_all({std::make_shared<const PostingList>(boolean), std::make_shared<const PostingList>(text)});
  CHECK(got->docs == want->docs);
  CHECK(got->wdfs == want->wdfs);
  CHECK(got->docs.size() == boolean.docs.size() + text.docs.size() - 267);  // 267 docids hold both
}

TEST_CASE("a membership union keeps the docs a list holds, or its bits alone once dense, as membership_of") {
  for (std::uint32_t every : {3u, 31u, 33u, 500u}) {
    const PostingPtr a = random_list(every, 20000, every), b = random_list(every + 1, 9000, every);
    MembershipUnion held;
    held.add(pack_postings(*a));
    held.add(*b);
    const PostingPtr want = membership_of(*union_all({a, b}));
    const PostingPtr got = held.finish();
    CHECK(got->size() == want->size());
    CHECK(got->docs == want->docs);
    CHECK(got->bits == want->bits);
    CHECK(members(*got) == members(*want));
  }
}

TEST_CASE("a membership union reads a packed term's postings of a least wdf only, and lists that keep only bits") {
  const PostingPtr term = random_list(5, 4000, 4);
  const PostingPtr dense = membership_of(*random_list(6, 3000, 2));  // bits alone
  REQUIRE(dense->docs.empty());
  MembershipUnion held;
  held.add(pack_postings(*term), 7);
  held.add(*dense);
  const std::vector<Xapian::docid> dense_docs = members(*dense);
  std::set<Xapian::docid> want(dense_docs.begin(), dense_docs.end());
  for (std::size_t i = 0; i < term->docs.size(); ++i) {
    if (term->wdfs[i] >= 7) want.insert(term->docs[i]);
  }
  CHECK(members(*held.finish()) == std::vector<Xapian::docid>(want.begin(), want.end()));
}

TEST_CASE("a fold begun while another is open on the thread keeps its own array") {
  const PostingPtr a = random_list(1, 3000, 3), b = random_list(2, 3000, 5);
  FrequencyUnion outer;
  outer.add(*a);
  {
    FrequencyUnion inner;
    inner.add(*b);
    CHECK(inner.finish()->docs == b->docs);
  }
  const PostingPtr got = outer.finish();
  CHECK(got->docs == a->docs);
  CHECK(got->wdfs == a->wdfs);
  MembershipUnion m1;
  m1.add(*a);
  MembershipUnion m2;
  m2.add(*b);
  CHECK(members(*m2.finish()) == b->docs);
  CHECK(members(*m1.finish()) == a->docs);
}

TEST_CASE("intersecting a list with a packed term is intersect_sum, with a least wdf the term's strong postings") {
  for (std::uint32_t every : {2u, 9u, 200u}) {
    const PostingPtr list = random_list(every, 30000, every), term = random_list(every + 7, 25000, 3);
    const PostingPtr got = intersect_packed(*list, pack_postings(*term));
    const PostingPtr want = intersect_sum(*list, *term);
    REQUIRE_FALSE(want->docs.empty());
    CHECK(got->docs == want->docs);
    CHECK(got->wdfs == want->wdfs);
    PostingList strong;
    for (std::size_t i = 0; i < term->docs.size(); ++i) {
      if (term->wdfs[i] < 5) continue;
      strong.docs.push_back(term->docs[i]);
      strong.wdfs.push_back(term->wdfs[i]);
    }
    const PostingPtr strong_got = intersect_packed(*list, pack_postings(*term), 5);
    CHECK(strong_got->docs == intersect_sum(*list, strong)->docs);
    CHECK(strong_got->wdfs == intersect_sum(*list, strong)->wdfs);
  }
  CHECK(intersect_packed(PostingList{}, pack_postings(*random_list(1, 100, 2)))->docs.empty());
}

}  // namespace
}  // namespace ayc::search
