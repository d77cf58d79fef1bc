#include <random>

#include <catch2/catch.hpp>

#include "server/search/packed_postings.h"

namespace ayc::search {
namespace {

PostingList list_of(std::vector<Xapian::docid> docs, std::vector<std::uint32_t> wdfs) {
  PostingList l;
  l.docs = std::move(docs);
  l.wdfs = std::move(wdfs);
  return l;
}

TEST_CASE("packed postings unpack to the same docids and frequencies, whatever the gaps and frequencies") {
  // Gaps around each varint length and frequencies around the inline limit of 7.
  const PostingList l = list_of({1, 2, 17, 18, 2066, 2067, 1u << 21, (1u << 21) + 16, 0xfffffff0u, 0xffffffffu},
                                {1, 0, 6, 7, 8, 1000, 1, 3, 0xffffffffu, 2});
  const PackedPostings packed = pack_postings(l);
  CHECK(packed.count == l.docs.size());
  const PostingList back = unpack_postings(packed);
  CHECK(back.docs == l.docs);
  CHECK(back.wdfs == l.wdfs);
}

TEST_CASE("an empty list packs to nothing") {
  const PackedPostings packed = pack_postings(PostingList{});
  CHECK(packed.count == 0);
  CHECK(packed.bytes.empty());
  CHECK(unpack_postings(packed).docs.empty());
}

TEST_CASE("a common term's postings take a byte each, a rarer term's two") {
  PostingList dense, sparse;
  for (Xapian::docid d = 1; d <= 10000; ++d) {
    dense.docs.push_back(d * 3);  // gap 3, wdf 1: one byte
    dense.wdfs.push_back(1);
    sparse.docs.push_back(d * 500);  // gap 500, wdf 2: two bytes
    sparse.wdfs.push_back(2);
  }
  CHECK(pack_postings(dense).bytes.size() == 10000);
  CHECK(pack_postings(sparse).bytes.size() == 20000);
  CHECK(unpack_postings(pack_postings(sparse)).docs == sparse.docs);
}

// Runs of one-byte postings (decoded eight at a time) broken at
// random positions by a long gap or a wdf of 7 or more, and by the list's end.
PostingList mixed_list(std::uint32_t seed, std::size_t n) {
  std::mt19937 rng(seed);
  PostingList l;
  Xapian::docid d = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t kind = rng() % 10;
    d += kind == 0 ? 1 + rng() % 100000 : 1 + rng() % 15;
    l.docs.push_back(d);
    l.wdfs.push_back(kind == 1 ? 7 + rng() % 300 : rng() % 7);
  }
  return l;
}

TEST_CASE("postings decoded eight at a time unpack as packed, wherever a longer posting breaks a run") {
  for (std::uint32_t seed = 1; seed <= 50; ++seed) {
    const PostingList l = mixed_list(seed, 1 + seed * 37);
    const PostingList back = unpack_postings(pack_postings(l));
    REQUIRE(back.docs == l.docs);
    REQUIRE(back.wdfs == l.wdfs);
  }
}

TEST_CASE("unpacking with a least wdf keeps exactly the postings of that wdf or more") {
  for (std::uint32_t min_wdf : {1u, 3u, 7u, 8u}) {
    const PostingList l = mixed_list(min_wdf, 5000);
    PostingList want;
    for (std::size_t i = 0; i < l.docs.size(); ++i) {
      if (l.wdfs[i] < min_wdf) continue;
      want.docs.push_back(l.docs[i]);
      want.wdfs.push_back(l.wdfs[i]);
    }
    REQUIRE_FALSE(want.docs.empty());
    REQUIRE(want.docs.size() < l.docs.size());
    const PostingList back = unpack_postings(pack_postings(l), min_wdf);
    CHECK(back.docs == want.docs);
    CHECK(back.wdfs == want.wdfs);
  }
}

}  // namespace
}  // namespace ayc::search
