// What a shopper typed as every part of the engine reads it (the query's
// words, the exact-match boost, autocomplete prefixes, and the keys the
// indexer gives autocomplete's suggestions): Devanagari romanized, a quantity
// typed against its unit split ("500ml" -> "500 ml", as the indexer reads
// names), then text::normalize().
//
// Thread-safety: pure function.
#pragma once

#include <string>
#include <string_view>

namespace ayc::text {

std::string query_text(std::string_view typed);

}  // namespace ayc::text
