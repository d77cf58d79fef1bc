#include "server/search/postings_list.h"

#include <cmath>

namespace ayc::search {

void add_bitmap(PostingList& list, bool with_ranks) {
  list.bits.clear();
  list.ranks.clear();
  if (list.docs.empty()) return;
  const std::size_t words = (list.docs.back() >> 6) + 1;
  list.bits.assign(words, 0);
  for (Xapian::docid d : list.docs) list.bits[d >> 6] |= std::uint64_t{1} << (d & 63u);
  if (!with_ranks) return;
  list.ranks.resize(words);
  std::uint32_t below = 0;
  for (std::size_t w = 0; w < words; ++w) {
    list.ranks[w] = below;
    below += static_cast<std::uint32_t>(__builtin_popcountll(list.bits[w]));
  }
}

void drop_docs(PostingList& list) {
  if (list.bits.empty() || list.docs.empty()) return;
  list.members = static_cast<std::uint32_t>(list.docs.size());
  std::vector<Xapian::docid>().swap(list.docs);  // its memory too
}

void append_docs(const PostingList& list, std::vector<Xapian::docid>& out) {
  if (!list.docs.empty() || list.members == 0) {
    out.insert(out.end(), list.docs.begin(), list.docs.end());
    return;
  }
  for (std::size_t w = 0; w < list.bits.size(); ++w) {
    for (std::uint64_t word = list.bits[w]; word != 0; word &= word - 1) {
      out.push_back(static_cast<Xapian::docid>((w << 6) | static_cast<unsigned>(__builtin_ctzll(word))));
    }
  }
}

const std::vector<Xapian::docid>& docs_of(const PostingList& list, std::vector<Xapian::docid>& scratch) {
  if (!list.docs.empty() || list.members == 0) return list.docs;
  scratch.clear();
  scratch.reserve(list.members);
  append_docs(list, scratch);
  return scratch;
}

void compact_scored(PostingList& list, bool with_ranks) {
  if (list.size() < kCompactFrom) return;
  if (!list.docs.empty() && list.docs.size() * 32 >= list.docs.back()) {
    if (list.bits.empty() || (with_ranks && list.ranks.empty())) add_bitmap(list, with_ranks);
    drop_docs(list);
  }
  if (list.weights.empty()) return;
  float top = 0;
  for (float w : list.weights) {
    if (!(w >= 0.0f) || !std::isfinite(w)) return;  // negative or not a number: kept as is
    top = std::max(top, w);
  }
  list.level = top / 65535.0f;
  const float per_level = list.level > 0 ? 1.0f / list.level : 0.0f;
  list.levels.resize(list.weights.size());
  for (std::size_t i = 0; i < list.weights.size(); ++i) {
    list.levels[i] = static_cast<std::uint16_t>(std::min(65535.0f, list.weights[i] * per_level + 0.5f));
  }
  std::vector<float>().swap(list.weights);
}

float PostingList::max_weight() const {
  float top = 0;
  for (float w : weights) top = std::max(top, w);
  std::uint16_t top_level = 0;
  for (std::uint16_t l : levels) top_level = std::max(top_level, l);
  return std::max(top, static_cast<float>(top_level) * level);
}

const std::vector<float>& weights_of(const PostingList& list, std::vector<float>& scratch) {
  if (!list.weights.empty() || list.levels.empty()) return list.weights;
  scratch.resize(list.levels.size());
  for (std::size_t i = 0; i < list.levels.size(); ++i) scratch[i] = static_cast<float>(list.levels[i]) * list.level;
  return scratch;
}

// The first position at or after `from` whose docid is >= d: galloping
// (1, 2, 4, ... ahead, then a binary search), so intersecting a short list
// with a long one costs O(short * log(gap)), not a walk over the long one.
std::size_t skip_to(const std::vector<Xapian::docid>& docs, std::size_t from, Xapian::docid d) {
  if (from >= docs.size() || docs[from] >= d) return from;
  std::size_t lo = from, step = 1;  // docs[lo] < d
  while (lo + step < docs.size() && docs[lo + step] < d) {
    lo += step;
    step *= 2;
  }
  const std::size_t hi = std::min(docs.size(), lo + step + 1);
  return static_cast<std::size_t>(std::lower_bound(docs.begin() + static_cast<std::ptrdiff_t>(lo) + 1,
                                                   docs.begin() + static_cast<std::ptrdiff_t>(hi), d) -
                                  docs.begin());
}

const PostingPtr& empty_postings() {
  static const PostingPtr empty = std::make_shared<PostingList>();
  return empty;
}

}  // namespace ayc::search
