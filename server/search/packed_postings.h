// A term's posting list held compactly: each posting as one varint of its
// docid gap and its within-document frequency (gap << 3 | min(wdf, 7), and
// the rest of a wdf of 7 or more as a second varint). Docids of a term are
// close together and most wdfs are small, so a posting takes one or two
// bytes instead of the eight of the unpacked arrays.
//
// Thread-safety: immutable values.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "index/binary_codec.h"
#include "server/search/postings_list.h"

namespace ayc::search {

struct PackedPostings {
  std::string bytes;  // written by codec::Writer
  std::uint32_t count = 0;  // postings
  std::size_t memory() const { return bytes.capacity() + sizeof(PackedPostings); }
};

namespace packed_detail {

inline constexpr std::uint32_t kWdfInline = 7;  // wdfs below this fit in the gap's varint

// pack_postings() wrote these bytes in this process, so they are read
// without codec::Reader's check of every byte against the buffer's end.
inline std::uint64_t get_varint(const std::uint8_t*& p) {
  std::uint64_t v = 0;
  for (unsigned shift = 0;; shift += 7) {
    const std::uint8_t b = *p++;
    v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
    if (b < 0x80) return v;
  }
}

}  // namespace packed_detail

// Calls visit(docid, wdf) for each packed posting, in docid order: the one
// decoder of the format, for callers that fold postings into something
// (a bitmap, a dense sum) without unpacking them into arrays first.
template <typename Visit>
void for_each_packed(const PackedPostings& packed, Visit&& visit) {
  using packed_detail::get_varint;
  using packed_detail::kWdfInline;
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
          visit(doc, v & 7u);
        }
        p += 8;
        left -= 8;
        continue;
      }
    }
    // One byte (a gap below 16 and a small wdf) is the common case.
    const std::uint64_t v = *p < 0x80 ? *p++ : get_varint(p);
    doc += static_cast<Xapian::docid>(v >> 3);
    std::uint32_t wdf = static_cast<std::uint32_t>(v & 7u);
    if (wdf == kWdfInline) wdf += static_cast<std::uint32_t>(get_varint(p));
    visit(doc, wdf);
    --left;
  }
}

// Packs postings given one at a time in docid order (a term's postings as
// the index iterates them, without arrays in between).
class PostingPacker {
 public:
  explicit PostingPacker(std::size_t expected) { bytes_.reserve(expected * 2 + 16); }
  void add(Xapian::docid d, std::uint32_t wdf) {
    const std::uint32_t low = wdf < packed_detail::kWdfInline ? wdf : packed_detail::kWdfInline;
    bytes_.varint((static_cast<std::uint64_t>(d - previous_) << 3) | low);
    if (low == packed_detail::kWdfInline) bytes_.varint(wdf - packed_detail::kWdfInline);
    previous_ = d;
    ++count_;
  }
  PackedPostings finish();

 private:
  codec::Writer bytes_;
  Xapian::docid previous_ = 0;
  std::uint32_t count_ = 0;
};

// `list`'s docs and wdfs (docs ascending, wdfs parallel), packed.
PackedPostings pack_postings(const PostingList& list);
// The docs and wdfs that were packed; with `min_wdf`, only the postings
// whose wdf is at least that.
PostingList unpack_postings(const PackedPostings& packed, std::uint32_t min_wdf = 0);

}  // namespace ayc::search
