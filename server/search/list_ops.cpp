#include "server/search/list_ops.h"

#include <algorithm>

#include "server/search/list_fold.h"

namespace ayc::search {

namespace {

// Documents in either list, frequencies summed (written as intersect_sum).
PostingPtr union_sum(const PostingList& a, const PostingList& b) {
  auto out = std::make_shared<PostingList>();
  out->docs.resize(a.docs.size() + b.docs.size());
  out->wdfs.resize(out->docs.size());
  Xapian::docid* docs = out->docs.data();
  std::uint32_t* wdfs = out->wdfs.data();
  std::size_t i = 0, j = 0, w = 0;
  const std::size_t na = a.docs.size(), nb = b.docs.size();
  while (i < na && j < nb) {
    const Xapian::docid da = a.docs[i], db = b.docs[j];
    if (da < db) {
      docs[w] = da;
      wdfs[w++] = a.wdfs[i++];
    } else if (db < da) {
      docs[w] = db;
      wdfs[w++] = b.wdfs[j++];
    } else {
      docs[w] = da;
      wdfs[w++] = a.wdfs[i++] + b.wdfs[j++];
    }
  }
  for (; i < na; ++i, ++w) docs[w] = a.docs[i], wdfs[w] = a.wdfs[i];
  for (; j < nb; ++j, ++w) docs[w] = b.docs[j], wdfs[w] = b.wdfs[j];
  out->docs.resize(w);
  out->wdfs.resize(w);
  return out;
}

// Many lists covering a good part of the collection: summed into a dense
// array and read back in docid order, instead of merged pairwise.
PostingPtr union_dense(const std::vector<PostingPtr>& lists) {
  FrequencyUnion sum;
  for (const auto& l : lists) sum.add(*l);
  return sum.finish();
}

// Writes to out_docs/out_weights the documents of the n in docs/weights
// that `p` holds (weights carried, not yet p's added), and returns how many.
// The output may be the input itself (narrowing in place). A long `p` has a
// bitmap: one bit test per document. Otherwise lists of similar length are
// intersected through a dense scratch array of marks (sequential writes and
// reads, no unpredictable branches); a much longer `p` is galloped through.
std::size_t keep_held(const Xapian::docid* docs, const float* weights, std::size_t n, const PostingList& p,
                      Xapian::docid* out_docs, float* out_weights) {
  std::size_t w = 0;
  if (!p.bits.empty()) {
    for (std::size_t i = 0; i < n; ++i) {
      out_docs[w] = docs[i];
      out_weights[w] = weights[i];
      w += p.has(docs[i]);
    }
  } else if (n >= 256 && !p.docs.empty() && p.docs.size() <= 8 * n) {
    thread_local std::vector<std::uint8_t> marks;  // 1: held by p
    const Xapian::docid hi = std::max(docs[n - 1], p.docs.back());
    if (marks.size() <= hi) marks.resize(hi + 1, 0);
    for (Xapian::docid d : p.docs) marks[d] = 1;
    for (std::size_t i = 0; i < n; ++i) {
      out_docs[w] = docs[i];
      out_weights[w] = weights[i];
      w += marks[docs[i]];
    }
    for (Xapian::docid d : p.docs) marks[d] = 0;
  } else {
    std::size_t j = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const Xapian::docid d = docs[i];
      j = skip_to(p.docs, j, d);
      if (j == p.docs.size()) break;
      if (p.docs[j] != d) continue;
      out_docs[w] = d;
      out_weights[w++] = weights[i];
    }
  }
  return w;
}

// Adds to each of weights[0..n) the weight `p` gives docs[i], which p holds:
// its position found through the bitmap's ranks, else by galloping.
void add_weights(const Xapian::docid* docs, float* weights, std::size_t n, const PostingList& p) {
  if (!p.ranks.empty()) {
    for (std::size_t i = 0; i < n; ++i) weights[i] += p.weight(static_cast<std::size_t>(p.position(docs[i])));
    return;
  }
  std::size_t j = 0;
  for (std::size_t i = 0; i < n; ++i) {
    j = skip_to(p.docs, j, docs[i]);
    weights[i] += p.weight(j);
  }
}

// Writes to out_docs/out_weights the documents both `a` and `b` hold (each
// with its bitmap and ranks), a's weight plus b's, and returns how many: one
// AND a word of 64 docids, not a bit test a document.
std::size_t and_bitmaps(const PostingList& a, const PostingList& b, Xapian::docid* out_docs, float* out_weights) {
  const std::size_t words = std::min(a.bits.size(), b.bits.size());
  std::size_t w = 0;
  for (std::size_t i = 0; i < words; ++i) {
    for (std::uint64_t both = a.bits[i] & b.bits[i]; both != 0; both &= both - 1) {
      const unsigned bit = static_cast<unsigned>(__builtin_ctzll(both));
      const std::uint64_t below = (std::uint64_t{1} << bit) - 1;
      const std::size_t at_a = a.ranks[i] + static_cast<std::size_t>(__builtin_popcountll(a.bits[i] & below));
      const std::size_t at_b = b.ranks[i] + static_cast<std::size_t>(__builtin_popcountll(b.bits[i] & below));
      out_docs[w] = static_cast<Xapian::docid>((i << 6) | bit);
      out_weights[w++] = a.weight(at_a) + b.weight(at_b);
    }
  }
  return w;
}

// keep_in_any() for an `m` with a bitmap: the lists ORed a word of 64 docids
// at a time (a membership list's bits as they are, a short list's docs set
// one by one), ANDed with m's word, and m's weights read at the positions
// its bits count (a running count: no ranks needed). A word a step over m's
// range instead of a bit test per list for each of m's documents: at a
// million products a broad match set (a body part, a need) holds hundreds
// of thousands of documents, and a relaxed search asks several.
std::shared_ptr<PostingList> keep_in_any_words(const PostingList& m, const std::vector<PostingPtr>& lists,
                                               std::size_t listed) {
  thread_local std::vector<std::uint64_t> any;
  const std::size_t words = m.bits.size();
  any.assign(words, 0);
  for (const auto& l : lists) {
    if (!l->bits.empty()) {
      const std::size_t n = std::min(words, l->bits.size());
      for (std::size_t w = 0; w < n; ++w) any[w] |= l->bits[w];
    } else {
      for (Xapian::docid d : l->docs) {
        if ((d >> 6) < words) any[d >> 6] |= std::uint64_t{1} << (d & 63u);
      }
    }
  }
  auto out = std::make_shared<PostingList>();
  out->docs.reserve(std::min(m.size(), listed));
  out->weights.reserve(out->docs.capacity());
  std::size_t below = 0;  // m's documents in the words before w
  for (std::size_t w = 0; w < words; ++w) {
    const std::uint64_t own = m.bits[w];
    for (std::uint64_t both = own & any[w]; both != 0; both &= both - 1) {
      const unsigned bit = static_cast<unsigned>(__builtin_ctzll(both));
      const std::size_t at = below + static_cast<std::size_t>(__builtin_popcountll(own & ((std::uint64_t{1} << bit) - 1)));
      out->docs.push_back(static_cast<Xapian::docid>((w << 6) | bit));
      out->weights.push_back(m.weight(at));
    }
    below += static_cast<std::size_t>(__builtin_popcountll(own));
  }
  return out;
}

}  // namespace

// Documents in both lists, frequencies summed. Written by index into
// arrays sized for the most there can be, then cut (no capacity check a
// posting).
PostingPtr intersect_sum(const PostingList& a, const PostingList& b) {
  auto out = std::make_shared<PostingList>();
  out->docs.resize(std::min(a.docs.size(), b.docs.size()));
  out->wdfs.resize(out->docs.size());
  std::size_t i = 0, j = 0, w = 0;
  while (i < a.docs.size() && j < b.docs.size()) {
    if (a.docs[i] < b.docs[j]) {
      ++i;
    } else if (b.docs[j] < a.docs[i]) {
      ++j;
    } else {
      out->docs[w] = a.docs[i];
      out->wdfs[w++] = a.wdfs[i] + b.wdfs[j];
      ++i, ++j;
    }
  }
  out->docs.resize(w);
  out->wdfs.resize(w);
  return out;
}

PostingPtr union_all(std::vector<PostingPtr> lists) {
  lists.erase(std::remove_if(lists.begin(), lists.end(), [](const PostingPtr& l) { return l->docs.empty(); }),
              lists.end());
  if (lists.empty()) return std::make_shared<PostingList>();
  if (lists.size() == 1) return lists.front();
  std::size_t total = 0;
  Xapian::docid lo = ~Xapian::docid(0), hi = 0;
  for (const auto& l : lists) {
    total += l->docs.size();
    lo = std::min(lo, l->docs.front());
    hi = std::max(hi, l->docs.back());
  }
  if (lists.size() > 2 && total * 4 > static_cast<std::size_t>(hi - lo)) return union_dense(lists);
  // Pairwise, smallest first, so each posting is merged O(log k) times.
  while (lists.size() > 1) {
    std::sort(lists.begin(), lists.end(), [](const PostingPtr& a, const PostingPtr& b) {
      return a->docs.size() > b->docs.size();
    });
    PostingPtr a = std::move(lists.back());
    lists.pop_back();
    PostingPtr b = std::move(lists.back());
    lists.back() = union_sum(*a, *b);
  }
  return lists.front();
}

// The scored list `m` keeps of the documents in any of `lists` (each
// ascending, or membership lists), without building their union: a union
// of long lists walks the docid range they span (a million entries at a
// million products), while what is asked is which of m's documents they hold.
std::shared_ptr<PostingList> keep_in_any(const PostingList& m, std::vector<PostingPtr> lists) {
  lists.erase(std::remove_if(lists.begin(), lists.end(), [](const PostingPtr& l) { return l->size() == 0; }),
              lists.end());
  auto out = std::make_shared<PostingList>();
  if (lists.empty() || m.size() == 0) return out;
  std::size_t listed = 0;
  for (const auto& l : lists) listed += l->size();
  if (!m.bits.empty() && listed * 8 >= m.size()) return keep_in_any_words(m, lists, listed);
  std::vector<Xapian::docid> expanded;
  const std::vector<Xapian::docid>& m_docs = docs_of(m, expanded);
  if (listed * 8 < m_docs.size()) {
    // Few listed documents: each looked up in m.
    std::vector<Xapian::docid> allowed;
    allowed.reserve(listed);
    for (const auto& l : lists) append_docs(*l, allowed);
    if (lists.size() > 1) {
      std::sort(allowed.begin(), allowed.end());
      allowed.erase(std::unique(allowed.begin(), allowed.end()), allowed.end());
    }
    std::size_t i = 0;
    for (Xapian::docid d : allowed) {
      i = skip_to(m_docs, i, d);
      if (i == m_docs.size()) break;
      if (m_docs[i] != d) continue;
      out->docs.push_back(d);
      out->weights.push_back(m.weight(i));
    }
    return out;
  }
  // Each of m's documents asked of the lists: a bit test where a list has
  // its bitmap, else a cursor that only moves forward.
  out->docs.reserve(std::min(m_docs.size(), listed));
  out->weights.reserve(out->docs.capacity());
  std::vector<std::size_t> at(lists.size(), 0);
  for (std::size_t i = 0; i < m_docs.size(); ++i) {
    const Xapian::docid d = m_docs[i];
    for (std::size_t k = 0; k < lists.size(); ++k) {
      const PostingList& l = *lists[k];
      bool held;
      if (!l.bits.empty()) {
        held = l.has(d);
      } else {
        at[k] = skip_to(l.docs, at[k], d);
        held = at[k] < l.docs.size() && l.docs[at[k]] == d;
      }
      if (held) {
        out->docs.push_back(d);
        out->weights.push_back(m.weight(i));
        break;
      }
    }
  }
  return out;
}

// `list`'s documents for membership questions (keep_in_any), in the
// smaller form: once it holds more than 1/32 of the docids up to its last,
// its bitmap alone (no ranks, no docs: 1 bit a docid instead of 32 bits a
// document), else its docs (no frequencies or weights).
PostingPtr membership_of(const PostingList& list) {
  auto held = std::make_shared<PostingList>();
  held->docs = list.docs;
  if (is_dense(*held)) {
    add_bitmap(*held, false);
    drop_docs(*held);
  }
  return held;
}

// Documents of every group (scored lists, two or more: match() answers one
// group with its own list), their weights added: the rarest narrowed by each
// of the others.
std::shared_ptr<PostingList> intersect_scored(std::vector<PostingPtr> groups) {
  std::sort(groups.begin(), groups.end(), [](const PostingPtr& a, const PostingPtr& b) {
    return a->size() < b->size();
  });
  // Narrowed into scratch arrays that only ever grow (no fresh pages per
  // search; the rarest list is read, not copied), then copied out at the
  // final, usually much smaller, size.
  thread_local std::vector<Xapian::docid> scratch_docs;
  thread_local std::vector<float> scratch_weights;
  const PostingList& rarest = *groups[0];
  const std::size_t n = rarest.size();
  if (scratch_docs.size() < n) {
    scratch_docs.resize(n);
    scratch_weights.resize(n);
  }
  // Most candidates of the rarest list are dropped by one group or another:
  // every group is asked first whether it holds them (a bit test where it
  // has a bitmap), and only the documents left are weighed, each group's
  // weight added in the groups' order (the sums are those of narrowing and
  // weighing group by group).
  std::size_t kept, first = 1;
  if (rarest.docs.empty() && !rarest.ranks.empty() && !groups[1]->ranks.empty()) {
    // Two dense lists keeping only their bitmaps ("hair oil"): their words ANDed.
    kept = and_bitmaps(rarest, *groups[1], scratch_docs.data(), scratch_weights.data());
    first = 2;
  } else {
    std::vector<Xapian::docid> expanded;
    std::vector<float> listed_weights;
    kept = keep_held(docs_of(rarest, expanded).data(), weights_of(rarest, listed_weights).data(), n, *groups[1],
                     scratch_docs.data(), scratch_weights.data());
  }
  for (std::size_t g = 2; g < groups.size() && kept > 0; ++g) {
    kept = keep_held(scratch_docs.data(), scratch_weights.data(), kept, *groups[g], scratch_docs.data(),
                     scratch_weights.data());
  }
  for (std::size_t g = first; g < groups.size() && kept > 0; ++g) {
    add_weights(scratch_docs.data(), scratch_weights.data(), kept, *groups[g]);
  }
  auto out = std::make_shared<PostingList>();
  out->docs.assign(scratch_docs.begin(), scratch_docs.begin() + static_cast<std::ptrdiff_t>(kept));
  out->weights.assign(scratch_weights.begin(), scratch_weights.begin() + static_cast<std::ptrdiff_t>(kept));
  return out;
}

// Documents of any group (scored lists), each weighted by the groups it has.
std::shared_ptr<PostingList> union_scored(const std::vector<PostingPtr>& groups) {
  auto out = std::make_shared<PostingList>();
  std::vector<Xapian::docid> expanded;
  std::vector<float> listed_weights;
  for (const auto& g : groups) {
    const std::vector<Xapian::docid>& g_docs = docs_of(*g, expanded);
    if (out->docs.empty()) {
      out->docs = g_docs;
      out->weights = weights_of(*g, listed_weights);
      continue;
    }
    auto merged = std::make_shared<PostingList>();
    merged->docs.reserve(out->docs.size() + g_docs.size());
    merged->weights.reserve(merged->docs.capacity());
    const auto& a = *out;
    std::size_t i = 0, j = 0;
    while (i < a.docs.size() || j < g_docs.size()) {
      if (j == g_docs.size() || (i < a.docs.size() && a.docs[i] < g_docs[j])) {
        merged->docs.push_back(a.docs[i]);
        merged->weights.push_back(a.weights[i++]);
      } else if (i == a.docs.size() || g_docs[j] < a.docs[i]) {
        merged->docs.push_back(g_docs[j]);
        merged->weights.push_back(g->weight(j++));
      } else {
        merged->docs.push_back(a.docs[i]);
        merged->weights.push_back(a.weights[i++] + g->weight(j++));
      }
    }
    out = std::move(merged);
  }
  out->docs.shrink_to_fit();  // cached: no room reserved for overlaps that did not happen
  out->weights.shrink_to_fit();
  return out;
}

}  // namespace ayc::search
