#include <map>
#include <random>

#include <catch2/catch.hpp>

#include "server/search/list_ops.h"

namespace ayc::search {
namespace {

// A scored list over docids 1..range: each docid held with probability
// 1/every, weights from a few distinct values (so a long one's compact form
// indexes them), in the shape `shape` says.
enum class Shape { kPlain, kBits, kCompact };

PostingPtr scored_list(std::uint32_t seed, Xapian::docid range, std::uint32_t every, Shape shape) {
  std::mt19937 rng(seed);
  auto l = std::make_shared<PostingList>();
  for (Xapian::docid d = 1; d <= range; ++d) {
    if (rng() % every != 0) continue;
    l->docs.push_back(d);
    l->weights.push_back(0.25f * static_cast<float>(1 + rng() % 40));
  }
  if (shape == Shape::kBits && is_dense(*l)) add_bitmap(*l);
  if (shape == Shape::kCompact) compact_scored(*l, true);
  return l;
}

// Every list's weight by docid, the reference the intersection is checked against.
std::map<Xapian::docid, float> by_doc(const PostingList& l) {
  std::vector<Xapian::docid> scratch;
  std::vector<float> weights_scratch;
  const auto& docs = docs_of(l, scratch);
  const auto& weights = weights_of(l, weights_scratch);
  std::map<Xapian::docid, float> out;
  for (std::size_t i = 0; i < docs.size(); ++i) out[docs[i]] = weights[i];
  return out;
}

// The documents every list holds, weights added rarest first (the order
// intersect_scored adds them in, so the float sums are the same).
std::map<Xapian::docid, float> reference(std::vector<PostingPtr> lists) {
  std::stable_sort(lists.begin(), lists.end(), [](const PostingPtr& a, const PostingPtr& b) {
    return a->size() < b->size();
  });
  std::map<Xapian::docid, float> acc = by_doc(*lists[0]);
  for (std::size_t k = 1; k < lists.size(); ++k) {
    const auto other = by_doc(*lists[k]);
    std::map<Xapian::docid, float> kept;
    for (const auto& [d, w] : acc) {
      auto it = other.find(d);
      if (it != other.end()) kept[d] = w + it->second;
    }
    acc = std::move(kept);
  }
  return acc;
}

TEST_CASE("intersect_scored keeps the documents of every group with their weights summed, whatever their shape") {
  // Densities from a rare word to one in most documents, in every shape:
  // galloping, the scratch marks, bit tests, and two bitmaps ANDed.
  const std::uint32_t densities[] = {2, 3, 9, 40, 600};
  const Shape shapes[] = {Shape::kPlain, Shape::kBits, Shape::kCompact};
  std::uint32_t seed = 1;
  for (std::size_t groups = 2; groups <= 4; ++groups) {
    for (std::uint32_t first : densities) {
      for (Shape shape : shapes) {
        std::vector<PostingPtr> lists;
        for (std::size_t g = 0; g < groups; ++g) {
          const std::uint32_t every = g == 0 ? first : densities[(seed + g) % 5];
          const Shape own = g % 2 == 0 ? shape : shapes[(seed + g) % 3];
          lists.push_back(scored_list(seed, 20000 + 1000 * static_cast<Xapian::docid>(g), every, own));
          ++seed;
        }
        INFO("groups " << groups << ", first 1 in " << first << ", seed " << seed);
        const auto want = reference(lists);
        const auto got = intersect_scored(lists);
        REQUIRE(got->docs.size() == want.size());
        std::size_t i = 0;
        for (const auto& [d, w] : want) {
          CHECK(got->docs[i] == d);
          CHECK(got->weights[i] == w);
          ++i;
        }
      }
    }
  }
}

TEST_CASE("intersect_scored of groups with nothing in common is empty") {
  auto odd = std::make_shared<PostingList>(), even = std::make_shared<PostingList>();
  for (Xapian::docid d = 1; d < 9000; ++d) {
    auto& l = d % 2 ? *odd : *even;
    l.docs.push_back(d);
    l.weights.push_back(1.0f);
  }
  add_bitmap(*even);
  const PostingPtr rare = scored_list(7, 9000, 50, Shape::kPlain);
  CHECK(intersect_scored({odd, even})->docs.empty());
  CHECK(intersect_scored({rare, odd, even})->docs.empty());
}

}  // namespace
}  // namespace ayc::search
