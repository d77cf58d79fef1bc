// A posting list in memory: documents ascending, with their
// within-document frequencies or (a scored list) their weights, and an
// optional membership bitmap; and the walks over such lists.
//
// Thread-safety: a PostingList is immutable once published.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include <xapian.h>

namespace ayc::search {

struct PostingList {
  std::vector<Xapian::docid> docs;   // ascending
  std::vector<std::uint32_t> wdfs;   // parallel to docs (empty in a scored list)
  std::vector<float> weights;        // a scored list's BM25 weights, parallel to docs (else empty)
  // A cached scored list's weights, indexed instead (compact_scored()):
  // weight i is level_weights[levels[i]], exactly as computed.
  std::vector<std::uint16_t> levels;
  std::vector<float> level_weights;  // the distinct weights
  // Optional membership bitmap of a long list (add_bitmap()): bit d of
  // `bits` is set when d is in docs; `ranks[w]` counts the docs below word w,
  // so a document's position in docs is found without a search. A list
  // asked only whether it holds a document has the bits without the ranks,
  // and once dense only the bits: `docs` empty, `members` counting them.
  // A dense scored list keeps its bits, ranks and weights but not its docs
  // (drop_docs()): docs_of() lists them from the bits when they are walked.
  std::vector<std::uint64_t> bits;
  std::vector<std::uint32_t> ranks;
  std::uint32_t members = 0;  // of a list keeping no docs (else 0)
  // How many documents it holds.
  std::size_t size() const { return docs.empty() ? members : docs.size(); }
  // The weight of its i-th document (a scored list).
  float weight(std::size_t i) const { return weights.empty() ? level_weights[levels[i]] : weights[i]; }
  // The largest of its weights (0 when it has none).
  float max_weight() const;
  // What it holds in memory (capacity, not size: a list narrowed in place keeps its first length).
  std::size_t bytes() const {
    return docs.capacity() * sizeof(Xapian::docid) + wdfs.capacity() * sizeof(std::uint32_t) +
           weights.capacity() * sizeof(float) + bits.capacity() * sizeof(std::uint64_t) +
           ranks.capacity() * sizeof(std::uint32_t) + levels.capacity() * sizeof(std::uint16_t) +
           level_weights.capacity() * sizeof(float) + 64;
  }
  // Whether bit d is set. Needs the bitmap.
  bool has(Xapian::docid d) const {
    const std::size_t w = d >> 6;
    return w < bits.size() && ((bits[w] >> (d & 63u)) & 1u) != 0;
  }
  // The position of `d` in docs, or -1 when absent. Needs the bitmap and its ranks.
  std::ptrdiff_t position(Xapian::docid d) const {
    const std::size_t w = d >> 6;
    if (w >= bits.size()) return -1;
    const std::uint64_t word = bits[w];
    const unsigned b = d & 63u;
    if (((word >> b) & 1u) == 0) return -1;
    return static_cast<std::ptrdiff_t>(ranks[w]) + __builtin_popcountll(word & ((std::uint64_t{1} << b) - 1));
  }
};

// The first position at or after `from` in `docs` (ascending) whose docid
// is >= d: galloping, so walking a short list through a long one costs
// O(short * log(gap)).
std::size_t skip_to(const std::vector<Xapian::docid>& docs, std::size_t from, Xapian::docid d);

// Adds the membership bitmap to `list` (docs ascending), with its ranks
// unless only membership will be asked (PostingList::has()).
void add_bitmap(PostingList& list, bool with_ranks = true);
// Whether `list` (docs ascending) holds 1 docid in 32 or more of the range
// up to its last: where a bitmap (1 bit a docid) is worth having, and then
// smaller than its docs (32 bits a document).
inline bool is_dense(const PostingList& list) {
  return !list.docs.empty() && list.docs.size() * 32 >= list.docs.back();
}
// Drops the docs of a list that has its bitmap (their count kept in
// `members`): a dense list's bits take 1 bit a docid of its range, its docs
// 32 bits a document, so a list holding 1 docid in 4 keeps an eighth.
// Weights, wdfs and ranks stay, in docid order.
void drop_docs(PostingList& list);
// Appends the documents of `list`, ascending: its docs, or its bits' when it keeps none.
void append_docs(const PostingList& list, std::vector<Xapian::docid>& out);
// A scored list made smaller to be cached, exactly: its weights as 16-bit
// indexes into a table of their distinct values (a group's weights depend
// only on a document's frequency, length and name: at a million products a
// list of 49,000 documents has 780 on average) and, once it holds 1 docid
// in 32 of its range, its docs kept only as bits (with ranks when
// `with_ranks`, for position()). Lists shorter than kCompactFrom are left
// as they are: they take little memory, and listing their documents and
// weights on each use would cost more than it saves.
constexpr std::size_t kCompactFrom = 4096;
void compact_scored(PostingList& list, bool with_ranks);
// The weights of scored `list`, parallel to its documents: its weights,
// or its indexed ones written into `scratch`.
const std::vector<float>& weights_of(const PostingList& list, std::vector<float>& scratch);
// The documents of `list`, ascending: its docs, or, for a list that keeps
// none (drop_docs()), the bits' documents written into `scratch`.
const std::vector<Xapian::docid>& docs_of(const PostingList& list, std::vector<Xapian::docid>& scratch);
using PostingPtr = std::shared_ptr<const PostingList>;
// One shared empty list.
const PostingPtr& empty_postings();

}  // namespace ayc::search
