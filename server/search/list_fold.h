// Unions of many posting lists folded into one array indexed by docid
// instead of merged list by list, with term lists decoded straight from
// their packed bytes (no unpacked arrays in between). These are the two
// unions a search computes over the whole collection the first time it
// meets a concept: a group's alternatives with their frequencies summed
// (a symptom's dozens of herbs and words), and the documents holding a
// concept tellingly (Matcher::keep_telling); and a phrase's words
// intersected with packed terms. At a million products these were most of
// the cost of a search that meets a new concept.
//
// Thread-safety: each thread folds into its own scratch array (zeroed
// again as a fold finishes); a second fold begun on a thread while one is
// open there uses an array of its own.
#pragma once

#include <cstdint>
#include <vector>

#include "server/search/packed_postings.h"
#include "server/search/postings_list.h"

namespace ayc::search {

// Documents of every list added, their frequencies summed: the same list
// as union_all() of them.
class FrequencyUnion {
 public:
  FrequencyUnion();
  ~FrequencyUnion();
  FrequencyUnion(const FrequencyUnion&) = delete;
  FrequencyUnion& operator=(const FrequencyUnion&) = delete;

  void add(const PackedPostings& packed);
  void add(const PostingList& list);  // docs and wdfs
  // The union; the fold is empty again after it.
  PostingPtr finish();

  struct Arrays {
    std::vector<std::uint32_t> sums;      // wdf sum by docid
    std::vector<std::uint64_t> present;   // bit d: docid d added
  };

 private:
  void grow(Xapian::docid d);
  Arrays own_;
  Arrays* arrays_;
  bool borrowed_ = false;
  Xapian::docid lo_ = ~Xapian::docid(0), hi_ = 0;  // docids touched
};

// Documents of any list added, for membership questions: the same as
// membership_of() their union (a bitmap alone once it holds 1 docid in 32
// of its range, else the docs).
class MembershipUnion {
 public:
  MembershipUnion();
  ~MembershipUnion();
  MembershipUnion(const MembershipUnion&) = delete;
  MembershipUnion& operator=(const MembershipUnion&) = delete;

  // The packed postings whose wdf is at least min_wdf.
  void add(const PackedPostings& packed, std::uint32_t min_wdf = 0);
  void add(const PostingList& list);  // its docs, or its bits when it keeps none
  PostingPtr finish();  // once

 private:
  void grow(std::size_t word);
  std::vector<std::uint64_t> own_;
  std::vector<std::uint64_t>* bits_;
  bool borrowed_ = false;
  std::size_t lo_ = ~std::size_t(0), hi_ = 0;  // words touched
};

// The documents of `list` (docs and wdfs) that packed `term` holds with a
// wdf of at least min_wdf, frequencies summed: intersect_sum() without
// unpacking the term (a phrase's common word, "indian" in half the
// catalogue, is decoded and compared, not written out).
PostingPtr intersect_packed(const PostingList& list, const PackedPostings& term, std::uint32_t min_wdf = 0);

}  // namespace ayc::search
