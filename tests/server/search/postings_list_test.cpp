#include <algorithm>
#include <cmath>

#include <catch2/catch.hpp>

#include "server/search/postings_list.h"

namespace ayc::search {
namespace {

PostingList scored(std::vector<Xapian::docid> docs, std::vector<float> weights) {
  PostingList l;
  l.docs = std::move(docs);
  l.weights = std::move(weights);
  return l;
}

TEST_CASE("a dense scored list keeps its documents as bits and its weights as 16-bit levels") {
  std::vector<Xapian::docid> docs;
  std::vector<float> weights;
  for (Xapian::docid d = 3; d <= 3 * 5000; d += 3) {
    docs.push_back(d);
    weights.push_back(0.01f + 0.37f * static_cast<float>(d % 17));
  }
  const float top = *std::max_element(weights.begin(), weights.end());
  PostingList l = scored(docs, weights);
  const std::size_t before = l.bytes();
  compact_scored(l, true);
  CHECK(l.docs.empty());
  CHECK(l.weights.empty());
  CHECK(l.size() == docs.size());
  CHECK(l.bytes() * 3 < before);
  std::vector<Xapian::docid> doc_scratch;
  std::vector<float> weight_scratch;
  CHECK(docs_of(l, doc_scratch) == docs);
  const std::vector<float>& back = weights_of(l, weight_scratch);
  REQUIRE(back.size() == weights.size());
  for (std::size_t i = 0; i < docs.size(); ++i) {
    CHECK(std::abs(back[i] - weights[i]) <= top / 65535.0f);
    CHECK(l.weight(i) == back[i]);
    CHECK(l.position(docs[i]) == static_cast<std::ptrdiff_t>(i));
    // Equal weights stay equal and a larger one never comes out smaller.
    if (i > 0 && weights[i] == weights[i - 1]) CHECK(back[i] == back[i - 1]);
    if (i > 0 && weights[i] > weights[i - 1]) CHECK(back[i] >= back[i - 1]);
  }
  CHECK(l.position(4) == -1);
}

// A list of n documents `gap` apart, weighted by `weight(i)`.
template <typename Weight>
PostingList spaced(std::size_t n, Xapian::docid gap, Weight weight) {
  PostingList l;
  for (std::size_t i = 0; i < n; ++i) {
    l.docs.push_back(static_cast<Xapian::docid>(1 + i * gap));
    l.weights.push_back(weight(i));
  }
  return l;
}

TEST_CASE("a sparse scored list keeps its docs, and weights that cannot be quantised stay floats") {
  const std::size_t n = kCompactFrom;
  PostingList sparse = spaced(n, 100, [](std::size_t i) { return 0.5f + static_cast<float>(i % 4); });
  const std::vector<Xapian::docid> docs = sparse.docs;
  compact_scored(sparse, false);
  CHECK(sparse.docs == docs);
  CHECK(sparse.bits.empty());
  CHECK(sparse.weights.empty());
  CHECK(sparse.weight(3) == Approx(3.5f));
  CHECK(sparse.weight(0) == Approx(0.5f).margin(3.5f / 65535));

  PostingList negative = spaced(n, 1, [](std::size_t i) { return i == 7 ? -0.5f : 1.0f; });
  compact_scored(negative, false);
  CHECK(negative.weights.size() == n);
  CHECK(negative.weight(7) == -0.5f);
  CHECK(negative.levels.empty());

  PostingList zero = spaced(n, 1, [](std::size_t) { return 0.0f; });
  compact_scored(zero, false);
  CHECK(zero.docs.empty());
  for (std::size_t i = 0; i < n; ++i) REQUIRE(zero.weight(i) == 0.0f);
}

TEST_CASE("a scored list shorter than kCompactFrom is left as it is") {
  PostingList l = spaced(kCompactFrom - 1, 1, [](std::size_t i) { return static_cast<float>(i); });
  const PostingList before = l;
  compact_scored(l, true);
  CHECK(l.docs == before.docs);
  CHECK(l.weights == before.weights);
  CHECK(l.bits.empty());
}

TEST_CASE("a membership list without docs lists its documents from its bits") {
  PostingList l;
  l.docs = {0, 63, 64, 65, 4000};
  add_bitmap(l, false);
  drop_docs(l);
  CHECK(l.docs.empty());
  CHECK(l.members == 5);
  std::vector<Xapian::docid> out = {7};
  append_docs(l, out);
  CHECK(out == std::vector<Xapian::docid>{7, 0, 63, 64, 65, 4000});
  PostingList empty;
  std::vector<Xapian::docid> scratch;
  CHECK(docs_of(empty, scratch).empty());
}

}  // namespace
}  // namespace ayc::search
