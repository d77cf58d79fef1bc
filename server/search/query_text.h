// What a shopper typed as every part of the engine reads it (the query's
// words, the exact-match boost, autocomplete prefixes): Devanagari romanized,
// a quantity typed against its unit split ("500ml" -> "500 ml", as the
// indexer reads names), then text::normalize().
//
// Thread-safety: pure function.
#pragma once

#include <string>
#include <string_view>

namespace ayc::search {

std::string query_text(std::string_view typed);

}  // namespace ayc::search
