#include "server/search/packed_postings.h"

#include <cstring>

#include "index/binary_codec.h"

namespace ayc::search {

namespace {

// codec::Reader's varint checks every byte against the buffer's end; these
// bytes are made in this process by pack_postings() and unpacked on the
// search path, so they are read without the checks.
std::uint64_t get_varint(const std::uint8_t*& p) {
  std::uint64_t v = 0;
  for (unsigned shift = 0;; shift += 7) {
    const std::uint8_t b = *p++;
    v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
    if (b < 0x80) return v;
  }
}

constexpr std::uint32_t kWdfInline = 7;  // wdfs below this fit in the gap's varint

}  // namespace

PackedPostings pack_postings(const PostingList& list) {
  codec::Writer w;
  w.reserve(list.docs.size() * 2);
  Xapian::docid previous = 0;
  for (std::size_t i = 0; i < list.docs.size(); ++i) {
    const std::uint32_t wdf = i < list.wdfs.size() ? list.wdfs[i] : 0;
    const std::uint32_t low = wdf < kWdfInline ? wdf : kWdfInline;
    w.varint((static_cast<std::uint64_t>(list.docs[i] - previous) << 3) | low);
    if (low == kWdfInline) w.varint(wdf - kWdfInline);
    previous = list.docs[i];
  }
  PackedPostings out;
  out.count = static_cast<std::uint32_t>(list.docs.size());
  out.bytes = w.take();
  out.bytes.shrink_to_fit();
  return out;
}

PostingList unpack_postings(const PackedPostings& packed, std::uint32_t min_wdf) {
  PostingList out;
  if (min_wdf == 0) {
    out.docs.reserve(packed.count);
    out.wdfs.reserve(packed.count);
  }
  // Decoded into a small buffer and appended a batch at a time: no
  // zero-filled arrays, no capacity check a posting, and a posting below
  // min_wdf is dropped without a branch (its slot is reused).
  constexpr std::size_t kBatch = 64;
  Xapian::docid docs[kBatch + 8];
  std::uint32_t wdfs[kBatch + 8];
  std::size_t k = 0;
  auto flush = [&] {
    out.docs.insert(out.docs.end(), docs, docs + k);
    out.wdfs.insert(out.wdfs.end(), wdfs, wdfs + k);
    k = 0;
  };
  const auto* p = reinterpret_cast<const std::uint8_t*>(packed.bytes.data());
  const auto* const end = p + packed.bytes.size();
  Xapian::docid doc = 0;
  std::uint32_t left = packed.count;
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  while (left > 0) {
    // Eight one-byte postings (a gap below 16, a wdf below 7: most of a
    // common term's) decoded together: no byte has its high bit set, none
    // has the escape wdf 7 in its low bits (7 + 1 sets bit 3).
    if (left >= 8 && end - p >= 8) {
      std::uint64_t x;
      std::memcpy(&x, p, sizeof x);
      if ((x & (kOnes * 0x80)) == 0 && (((x & (kOnes * 7)) + kOnes) & (kOnes * 8)) == 0) {
        for (unsigned b = 0; b < 8; ++b) {
          const auto v = static_cast<std::uint32_t>((x >> (8 * b)) & 0xff);
          doc += v >> 3;
          docs[k] = doc;
          wdfs[k] = v & 7u;
          k += (v & 7u) >= min_wdf;
        }
        p += 8;
        left -= 8;
        if (k >= kBatch) flush();
        continue;
      }
    }
    std::uint64_t v;
    if (*p < 0x80) {  // one byte: a gap below 16 and a small wdf, the common case
      v = *p++;
    } else {
      v = get_varint(p);
    }
    doc += static_cast<Xapian::docid>(v >> 3);
    std::uint32_t wdf = static_cast<std::uint32_t>(v & 7u);
    if (wdf == kWdfInline) wdf += static_cast<std::uint32_t>(get_varint(p));
    docs[k] = doc;
    wdfs[k] = wdf;
    k += wdf >= min_wdf;
    --left;
    if (k >= kBatch) flush();
  }
  flush();
  return out;
}

}  // namespace ayc::search
