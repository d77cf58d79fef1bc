#include "server/search/packed_postings.h"

namespace ayc::search {

PackedPostings PostingPacker::finish() {
  PackedPostings out;
  out.count = count_;
  out.bytes = bytes_.take();
  out.bytes.shrink_to_fit();
  return out;
}

PackedPostings pack_postings(const PostingList& list) {
  PostingPacker packer(list.docs.size());
  for (std::size_t i = 0; i < list.docs.size(); ++i) packer.add(list.docs[i], i < list.wdfs.size() ? list.wdfs[i] : 0);
  return packer.finish();
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
