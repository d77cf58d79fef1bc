// Set operations over posting lists (postings_list.h) that the matcher
// builds its lists with: term lists (docs with wdfs) intersected and
// unioned with their frequencies summed, scored lists intersected and
// unioned with their weights added, and membership tests of a scored list
// against lists it is only asked whether they hold a document.
//
// Thread-safety: pure functions of their inputs (each thread keeps its own
// scratch arrays).
#pragma once

#include <memory>
#include <vector>

#include "server/search/postings_list.h"

namespace ayc::search {

// Documents in both term lists, frequencies summed.
PostingPtr intersect_sum(const PostingList& a, const PostingList& b);
// Documents in any of the term lists, frequencies summed (one input list is returned as it is).
PostingPtr union_all(std::vector<PostingPtr> lists);
// The documents of scored list `m` (with m's weights) that any of `lists`
// holds (each ascending, or a membership list), without building their union.
std::shared_ptr<PostingList> keep_in_any(const PostingList& m, std::vector<PostingPtr> lists);
// `list`'s documents for membership questions only: its bitmap once dense, else its docs.
PostingPtr membership_of(const PostingList& list);
// Documents of every scored list (two or more), their weights added.
std::shared_ptr<PostingList> intersect_scored(std::vector<PostingPtr> groups);
// Documents of any scored list, each weighted by the lists it is in.
std::shared_ptr<PostingList> union_scored(const std::vector<PostingPtr>& groups);

}  // namespace ayc::search
