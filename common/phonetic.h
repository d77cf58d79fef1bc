// A key under which the ways Indian names are romanised meet.
//
// "Dashamoolarishta", "Dashmularishta" and "Dasamularishtam" are one
// formulation; "churna", "churan", "choornam"; "ghrita", "ghrit", "ghritam";
// "kumkumadi", "kunkumadi". Spelling correction (two edits) reaches some of
// these; the key reaches them all: inherent vowels and aspiration dropped,
// long vowels and doubled letters shortened, w/v, f/ph, z/j, m/n before a
// consonant and the Malayalam "-am" ending read alike. The indexer stores
// the key of every name, brand and ingredient word; the server looks a
// query word up by its key only when the index does not hold the word.
//
// Pure and thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace ayc::text {

// The key of a word of ASCII lower-case letters, at least 4 of them
// ("dashmularishta" -> "dsmulrist"); empty for anything else or when the key
// would be shorter than 3 letters ("amla").
std::string phonetic_key(std::string_view word);

}  // namespace ayc::text
