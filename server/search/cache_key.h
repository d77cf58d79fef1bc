// Keys of the in-memory caches, built one way everywhere: each part is
// written with its length before it, so two different lists of parts never
// give the same key, whatever bytes a part holds (a shopper's query may hold
// any byte, separators included).
//
//   cache_key({"autocomplete", std::to_string(limit), q})
//
// Thread-safety: a pure function.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace ayc::search {

std::string cache_key(std::initializer_list<std::string_view> parts);
// Appends one part to a key being built (what cache_key() does for each).
void append_key_part(std::string& key, std::string_view part);

}  // namespace ayc::search
