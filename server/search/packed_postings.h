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
#include <string>

#include "server/search/postings_list.h"

namespace ayc::search {

struct PackedPostings {
  std::string bytes;  // written by codec::Writer
  std::uint32_t count = 0;  // postings
  std::size_t memory() const { return bytes.capacity() + sizeof(PackedPostings); }
};

// `list`'s docs and wdfs (docs ascending, wdfs parallel), packed.
PackedPostings pack_postings(const PostingList& list);
// The docs and wdfs that were packed; with `min_wdf`, only the postings
// whose wdf is at least that.
PostingList unpack_postings(const PackedPostings& packed, std::uint32_t min_wdf = 0);

}  // namespace ayc::search
