// A small, hand-written catalogue for indexer and server tests: brands,
// a category tree, distribution centres in India and the US, five products in
// different states, reviews and one order. Ids are fixed so tests can name them.
#pragma once

#include <pqxx/pqxx>

namespace ayc::testing {

inline constexpr const char* kAshwagandhaChurna = "00000000-0000-4000-8000-000000000001";
inline constexpr const char* kMahanarayanOil = "00000000-0000-4000-8000-000000000002";
inline constexpr const char* kTulsiDropsDraft = "00000000-0000-4000-8000-000000000003";
inline constexpr const char* kTriphalaDiscontinued = "00000000-0000-4000-8000-000000000004";
inline constexpr const char* kChyawanprash = "00000000-0000-4000-8000-000000000005";

void load_small_catalog(pqxx::connection& conn);

// On top of the small catalogue: a second customer who bought Ashwagandha
// Churna on three days 30 days apart (the last 30 days ago, so a refill is
// due) and Mahanarayan Oil once, with the first of them.
inline constexpr const char* kRegularCustomer = "40000000-0000-4000-8000-000000000002";
void load_regular_customer(pqxx::connection& conn);

}  // namespace ayc::testing
