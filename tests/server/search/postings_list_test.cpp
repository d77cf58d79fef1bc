#include <algorithm>

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

TEST_CASE("a dense scored list keeps its documents as bits and its weights as indexes into their distinct values") {
  std::vector<Xapian::docid> docs;
  std::vector<float> weights;
  for (Xapian::docid d = 3; d <= 3 * 5000; d += 3) {
    docs.push_back(d);
    weights.push_back(0.01f + 0.37f * static_cast<float>(d % 17) - (d % 5 == 0 ? 2.0f : 0.0f));
  }
  PostingList l = scored(docs, weights);
  const std::size_t before = l.bytes();
  compact_scored(l, true);
  CHECK(l.docs.empty());
  CHECK(l.weights.empty());
  CHECK(l.level_weights.size() == 34);  // 17 residues, less 2 or not
  CHECK(l.size() == docs.size());
  CHECK(l.bytes() * 3 < before);
  std::vector<Xapian::docid> doc_scratch;
  std::vector<float> weight_scratch;
  CHECK(docs_of(l, doc_scratch) == docs);
  CHECK(weights_of(l, weight_scratch) == weights);  // bit for bit, negative ones too
  for (std::size_t i = 0; i < docs.size(); ++i) {
    REQUIRE(l.weight(i) == weights[i]);
    REQUIRE(l.position(docs[i]) == static_cast<std::ptrdiff_t>(i));
  }
  CHECK(l.position(4) == -1);
  CHECK(l.max_weight() == *std::max_element(weights.begin(), weights.end()));
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

TEST_CASE("a sparse scored list keeps its docs, and weights too varied to index stay floats") {
  const std::size_t n = kCompactFrom;
  PostingList sparse = spaced(n, 100, [](std::size_t i) { return 0.5f + static_cast<float>(i % 4); });
  const std::vector<Xapian::docid> docs = sparse.docs;
  compact_scored(sparse, false);
  CHECK(sparse.docs == docs);
  CHECK(sparse.bits.empty());
  CHECK(sparse.weights.empty());
  CHECK(sparse.level_weights.size() == 4);
  CHECK(sparse.weight(3) == 3.5f);
  CHECK(sparse.weight(4) == 0.5f);

  // Half the documents with weights of their own: a table would save nothing.
  PostingList varied = spaced(n, 1, [](std::size_t i) { return static_cast<float>(i % (n / 2 + 1)); });
  const std::vector<float> floats = varied.weights;
  compact_scored(varied, false);
  CHECK(varied.weights == floats);
  CHECK(varied.levels.empty());
  CHECK(varied.docs.empty());  // dense all the same

  // More distinct weights than 16 bits can index.
  PostingList many = spaced(200'000, 1, [](std::size_t i) { return static_cast<float>(i % 70'000); });
  compact_scored(many, true);
  CHECK(many.weights.size() == 200'000);
  CHECK(many.levels.empty());
}

TEST_CASE("a scored list shorter than kCompactFrom is left as it is") {
  PostingList l = spaced(kCompactFrom - 1, 1, [](std::size_t i) { return static_cast<float>(i % 3); });
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
