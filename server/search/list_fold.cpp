#include "server/search/list_fold.h"

#include <algorithm>

namespace ayc::search {

namespace {

// The thread's scratch arrays, and whether a fold holds them.
struct Scratch {
  FrequencyUnion::Arrays frequencies;
  bool frequencies_busy = false;
  std::vector<std::uint64_t> bits;
  bool bits_busy = false;
};
thread_local Scratch scratch;

}  // namespace

FrequencyUnion::FrequencyUnion() : arrays_(&own_) {
  if (!scratch.frequencies_busy) {
    scratch.frequencies_busy = true;
    borrowed_ = true;
    arrays_ = &scratch.frequencies;
  }
}

FrequencyUnion::~FrequencyUnion() {
  if (hi_ >= lo_) {
    std::fill(arrays_->sums.begin() + lo_, arrays_->sums.begin() + hi_ + 1, 0u);
    std::fill(arrays_->present.begin() + (lo_ >> 6), arrays_->present.begin() + (hi_ >> 6) + 1, 0u);
  }
  if (borrowed_) scratch.frequencies_busy = false;
}

void FrequencyUnion::grow(Xapian::docid d) {
  if (arrays_->sums.size() > d) return;
  const std::size_t size = std::max<std::size_t>(std::size_t{d} + 1, arrays_->sums.size() * 2);
  arrays_->sums.resize(size, 0u);
  arrays_->present.resize((size >> 6) + 1, 0u);
}

void FrequencyUnion::add(const PackedPostings& packed) {
  if (packed.count == 0) return;
  std::uint32_t* sums = arrays_->sums.data();
  std::uint64_t* present = arrays_->present.data();
  Xapian::docid first = 0, last = 0;
  for_each_packed(packed, [&](Xapian::docid d, std::uint32_t wdf) {
    if (d >= arrays_->sums.size()) {  // rare: the arrays grow to the collection's docids once per thread
      grow(d);
      sums = arrays_->sums.data();
      present = arrays_->present.data();
    }
    if (first == 0) first = d;
    last = d;
    sums[d] += wdf;
    present[d >> 6] |= std::uint64_t{1} << (d & 63u);
  });
  lo_ = std::min(lo_, first);
  hi_ = std::max(hi_, last);
}

void FrequencyUnion::add(const PostingList& list) {
  if (list.docs.empty()) return;
  grow(list.docs.back());
  std::uint32_t* sums = arrays_->sums.data();
  std::uint64_t* present = arrays_->present.data();
  for (std::size_t i = 0; i < list.docs.size(); ++i) {
    const Xapian::docid d = list.docs[i];
    sums[d] += list.wdfs[i];
    present[d >> 6] |= std::uint64_t{1} << (d & 63u);
  }
  lo_ = std::min(lo_, list.docs.front());
  hi_ = std::max(hi_, list.docs.back());
}

PostingPtr FrequencyUnion::finish() {
  auto out = std::make_shared<PostingList>();
  if (hi_ < lo_) return out;
  // Read back through the presence bits: a word a step over the range, then
  // only the documents present (a dense union at a million products holds
  // one docid in several), each zeroed as it is read.
  std::uint32_t* sums = arrays_->sums.data();
  std::uint64_t* present = arrays_->present.data();
  const std::size_t first_word = lo_ >> 6, last_word = hi_ >> 6;
  std::size_t count = 0;
  for (std::size_t w = first_word; w <= last_word; ++w) count += static_cast<std::size_t>(__builtin_popcountll(present[w]));
  out->docs.resize(count);
  out->wdfs.resize(count);
  Xapian::docid* docs = out->docs.data();
  std::uint32_t* wdfs = out->wdfs.data();
  std::size_t k = 0;
  for (std::size_t w = first_word; w <= last_word; ++w) {
    for (std::uint64_t word = present[w]; word != 0; word &= word - 1) {
      const auto d = static_cast<Xapian::docid>((w << 6) | static_cast<unsigned>(__builtin_ctzll(word)));
      docs[k] = d;
      wdfs[k++] = sums[d];
      sums[d] = 0;
    }
    present[w] = 0;
  }
  lo_ = ~Xapian::docid(0), hi_ = 0;  // nothing left to zero
  return out;
}

MembershipUnion::MembershipUnion() : bits_(&own_) {
  if (!scratch.bits_busy) {
    scratch.bits_busy = true;
    borrowed_ = true;
    bits_ = &scratch.bits;
  }
}

MembershipUnion::~MembershipUnion() {
  if (hi_ >= lo_) std::fill(bits_->begin() + static_cast<std::ptrdiff_t>(lo_),
                            bits_->begin() + static_cast<std::ptrdiff_t>(hi_) + 1, 0u);
  if (borrowed_) scratch.bits_busy = false;
}

void MembershipUnion::grow(std::size_t word) {
  if (bits_->size() <= word) bits_->resize(std::max<std::size_t>(word + 1, bits_->size() * 2), 0u);
}

void MembershipUnion::add(const PackedPostings& packed, std::uint32_t min_wdf) {
  if (packed.count == 0) return;
  std::uint64_t* bits = bits_->data();
  std::size_t first = ~std::size_t(0), last = 0;
  for_each_packed(packed, [&](Xapian::docid d, std::uint32_t wdf) {
    const std::size_t word = d >> 6;
    if (word >= bits_->size()) {  // rare: the array grows to the collection's docids once per thread
      grow(word);
      bits = bits_->data();
    }
    // A posting below min_wdf sets no bit (ORs zero) rather than branching.
    bits[word] |= static_cast<std::uint64_t>(wdf >= min_wdf) << (d & 63u);
    first = std::min(first, word);
    last = word;
  });
  lo_ = std::min(lo_, first);
  hi_ = std::max(hi_, last);
}

void MembershipUnion::add(const PostingList& list) {
  if (list.size() == 0) return;
  if (list.docs.empty()) {  // a membership list keeping only its bits
    grow(list.bits.size() - 1);
    std::uint64_t* bits = bits_->data();
    for (std::size_t w = 0; w < list.bits.size(); ++w) bits[w] |= list.bits[w];
    lo_ = 0;
    hi_ = std::max(hi_, list.bits.size() - 1);
    return;
  }
  grow(list.docs.back() >> 6);
  std::uint64_t* bits = bits_->data();
  for (Xapian::docid d : list.docs) bits[d >> 6] |= std::uint64_t{1} << (d & 63u);
  lo_ = std::min<std::size_t>(lo_, list.docs.front() >> 6);
  hi_ = std::max<std::size_t>(hi_, list.docs.back() >> 6);
}

PostingPtr MembershipUnion::finish() {
  auto out = std::make_shared<PostingList>();
  if (hi_ < lo_) return out;
  const std::uint64_t* bits = bits_->data();
  std::size_t count = 0, top = lo_;
  for (std::size_t w = lo_; w <= hi_; ++w) {
    count += static_cast<std::size_t>(__builtin_popcountll(bits[w]));
    if (bits[w] != 0) top = w;
  }
  if (count == 0) return out;
  const Xapian::docid last = static_cast<Xapian::docid>((top << 6) | (63u - static_cast<unsigned>(__builtin_clzll(bits[top]))));
  if (count * 32 >= last) {  // dense (is_dense()): the bits alone, as membership_of() keeps them
    out->bits.assign(bits, bits + top + 1);
    out->members = static_cast<std::uint32_t>(count);
    return out;
  }
  out->docs.reserve(count);
  for (std::size_t w = lo_; w <= top; ++w) {
    for (std::uint64_t word = bits[w]; word != 0; word &= word - 1) {
      out->docs.push_back(static_cast<Xapian::docid>((w << 6) | static_cast<unsigned>(__builtin_ctzll(word))));
    }
  }
  return out;
}

PostingPtr intersect_packed(const PostingList& list, const PackedPostings& term, std::uint32_t min_wdf) {
  auto out = std::make_shared<PostingList>();
  if (list.docs.empty() || term.count == 0) return out;
  out->docs.resize(std::min<std::size_t>(list.docs.size(), term.count));
  out->wdfs.resize(out->docs.size());
  const Xapian::docid* docs = list.docs.data();
  const std::size_t n = list.docs.size();
  std::size_t i = 0, w = 0;
  for_each_packed(term, [&](Xapian::docid d, std::uint32_t wdf) {
    while (i < n && docs[i] < d) ++i;
    if (i < n && docs[i] == d && wdf >= min_wdf) {
      out->docs[w] = d;
      out->wdfs[w++] = list.wdfs[i] + wdf;
    }
  });
  out->docs.resize(w);
  out->wdfs.resize(w);
  return out;
}

}  // namespace ayc::search
