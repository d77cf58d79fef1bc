#include "server/search/packed_postings.h"

#include "index/binary_codec.h"

namespace ayc::search {

PackedPostings pack_postings(const PostingList& list) {
  codec::Writer w;
  w.reserve(list.docs.size() * 2);
  Xapian::docid previous = 0;
  for (std::size_t i = 0; i < list.docs.size(); ++i) {
    const std::uint32_t wdf = i < list.wdfs.size() ? list.wdfs[i] : 0;
    const std::uint32_t low = wdf < packed_detail::kWdfInline ? wdf : packed_detail::kWdfInline;
    w.varint((static_cast<std::uint64_t>(list.docs[i] - previous) << 3) | low);
    if (low == packed_detail::kWdfInline) w.varint(wdf - packed_detail::kWdfInline);
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
  Xapian::docid docs[kBatch];
  std::uint32_t wdfs[kBatch];
  std::size_t k = 0;
  auto flush = [&] {
    out.docs.insert(out.docs.end(), docs, docs + k);
    out.wdfs.insert(out.wdfs.end(), wdfs, wdfs + k);
    k = 0;
  };
  for_each_packed(packed, [&](Xapian::docid doc, std::uint32_t wdf) {
    docs[k] = doc;
    wdfs[k] = wdf;
    k += wdf >= min_wdf;
    if (k >= kBatch) flush();
  });
  flush();
  return out;
}

}  // namespace ayc::search
