#include <map>
#include <random>
#include <set>

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

// A membership list over docids 1..range (1 in `every`): its docs, or
// once dense only its bits (as telling lists and filters are kept).
PostingPtr membership_list(std::uint32_t seed, Xapian::docid range, std::uint32_t every) {
  std::mt19937 rng(seed);
  PostingList l;
  for (Xapian::docid d = 1; d <= range; ++d)
    if (rng() % every == 0) l.docs.push_back(d);
  return membership_of(l);
}

TEST_CASE("keep_in_any keeps the scored list's documents some list holds, with their weights, whatever the shapes") {
  // The scored list plain, with a bitmap, or compact (docs dropped, weights
  // indexed); the lists dense bitmaps, sparse docs, few or many of them.
  const Shape shapes[] = {Shape::kPlain, Shape::kBits, Shape::kCompact};
  std::uint32_t seed = 100;
  for (Shape shape : shapes) {
    for (std::uint32_t m_every : {2u, 5u, 300u}) {
      for (std::uint32_t l_every : {3u, 50u, 4000u}) {
        for (std::size_t count : {1u, 3u}) {
          const PostingPtr m = scored_list(seed++, 30000, m_every, shape);
          std::vector<PostingPtr> lists;
          std::set<Xapian::docid> held;
          for (std::size_t k = 0; k < count; ++k) {
            // One list reaches past m's last docid.
            lists.push_back(membership_list(seed++, k == 0 ? 40000 : 25000, l_every * static_cast<std::uint32_t>(k + 1)));
            std::vector<Xapian::docid> docs;
            append_docs(*lists.back(), docs);
            held.insert(docs.begin(), docs.end());
          }
          INFO("m 1 in " << m_every << ", lists 1 in " << l_every << ", " << count << " lists, seed " << seed);
          std::vector<Xapian::docid> want_docs;
          std::vector<float> want_weights;
          for (const auto& [d, w] : by_doc(*m)) {
            if (!held.count(d)) continue;
            want_docs.push_back(d);
            want_weights.push_back(w);
          }
          const auto got = keep_in_any(*m, lists);
          CHECK(got->docs == want_docs);
          CHECK(got->weights == want_weights);
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
