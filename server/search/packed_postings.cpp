#include "server/search/packed_postings.h"

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

PostingList unpack_postings(const PackedPostings& packed) {
  PostingList out;
  out.docs.resize(packed.count);
  out.wdfs.resize(packed.count);
  const auto* p = reinterpret_cast<const std::uint8_t*>(packed.bytes.data());
  Xapian::docid doc = 0;
  for (std::uint32_t i = 0; i < packed.count; ++i) {
    std::uint64_t v;
    if (*p < 0x80) {  // one byte: a gap below 16 and a small wdf, the common case
      v = *p++;
    } else {
      v = get_varint(p);
    }
    doc += static_cast<Xapian::docid>(v >> 3);
    std::uint32_t wdf = static_cast<std::uint32_t>(v & 7u);
    if (wdf == kWdfInline) wdf += static_cast<std::uint32_t>(get_varint(p));
    out.docs[i] = doc;
    out.wdfs[i] = wdf;
  }
  return out;
}

}  // namespace ayc::search
