// Picking the most frequent terms or words out of counted ones (prefix
// expansion while typing, warming a generation).
//
// Thread-safety: a pure function.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

namespace ayc::search {

// The words of the `n` highest counts, highest first, ties alphabetically.
std::vector<std::string> most_frequent(std::vector<std::pair<Xapian::doccount, std::string>> counted, std::size_t n);

}  // namespace ayc::search
