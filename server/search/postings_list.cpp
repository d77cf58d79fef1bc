#include "server/search/postings_list.h"

#include <cstring>

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

namespace {

// Replaces `list`'s weights by indexes into a table of their distinct
// values when there are few enough (at most 65,536, and fewer than half its
// documents, or the table would not save anything); else leaves them.
// Exact: every weight is read back bit for bit.
void index_weights(PostingList& list) {
  const std::size_t n = list.weights.size();
  const std::size_t most = std::min<std::size_t>(std::size_t{1} << 16, n / 2);
  if (most == 0) return;
  // Open addressing on the bits of each value (a multiplicative hash's top
  // bits); a slot holds index + 1 (0: free).
  unsigned log_slots = 1;
  while ((std::size_t{1} << log_slots) < 2 * most) ++log_slots;
  const std::size_t slots = std::size_t{1} << log_slots;
  thread_local std::vector<std::uint32_t> keys;
  thread_local std::vector<std::uint32_t> at;
  keys.assign(slots, 0);
  at.assign(slots, 0);
  std::vector<float> values;
  std::vector<std::uint16_t> levels(n);
  for (std::size_t i = 0; i < n; ++i) {
    std::uint32_t bits;
    std::memcpy(&bits, &list.weights[i], sizeof bits);
    std::size_t slot = static_cast<std::uint32_t>(bits * 0x9E3779B1u) >> (32 - log_slots);
    while (at[slot] != 0 && keys[slot] != bits) slot = (slot + 1) & (slots - 1);
    if (at[slot] == 0) {
      if (values.size() == most) return;  // too many distinct weights
      values.push_back(list.weights[i]);
      keys[slot] = bits;
      at[slot] = static_cast<std::uint32_t>(values.size());
    }
    levels[i] = static_cast<std::uint16_t>(at[slot] - 1);
  }
  values.shrink_to_fit();
  list.levels = std::move(levels);
  list.level_weights = std::move(values);
  std::vector<float>().swap(list.weights);
}

}  // namespace

void compact_scored(PostingList& list, bool with_ranks) {
  if (list.size() < kCompactFrom) return;
  if (is_dense(list)) {
    if (list.bits.empty() || (with_ranks && list.ranks.empty())) add_bitmap(list, with_ranks);
    drop_docs(list);
  }
  index_weights(list);
}

float PostingList::max_weight() const {
  float top = 0;
  for (float w : weights) top = std::max(top, w);
  for (float w : level_weights) top = std::max(top, w);
  return top;
}

const std::vector<float>& weights_of(const PostingList& list, std::vector<float>& scratch) {
  if (!list.weights.empty() || list.levels.empty()) return list.weights;
  scratch.resize(list.levels.size());
  for (std::size_t i = 0; i < list.levels.size(); ++i) scratch[i] = list.level_weights[list.levels[i]];
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
