// Marks the words of a text that the query matched: HTML-escaped, matches
// wrapped in <mark>...</mark>. A word matches when its lower-case form or its
// English stem equals a query word's stem, or (while typing) starts with the
// last query word.
//
// Thread-safety: callable from any thread (each thread keeps its own stem memo).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ayc::search {

std::string highlight(std::string_view text, const std::vector<std::string>& stems,
                      const std::vector<std::string>& words, std::string_view typing_prefix);

}  // namespace ayc::search
