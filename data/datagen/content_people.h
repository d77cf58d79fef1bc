// Curated people and places: countries the store ships to, cities with their
// states and postal-code patterns, regional Indian and overseas names, streets.
//
// Thread-safety: immutable static data.
#pragma once

#include <span>

namespace ayc::datagen {

struct CountryContent {
  const char* code;          // ISO 3166 alpha-2
  const char* name;          // as written in addresses ("India")
  const char* currency;      // order currency (a code in the currencies table)
  double customer_share;
  const char* phone_prefix;  // "+91"
  const char* center_code;   // distribution centre serving it; "" = by city
  const char* languages;     // '|' preferred_language values, most common first
};

// Region letters: S(outh), N(orth), W(est), E(ast) India; O(verseas).
struct CityContent {
  const char* city;
  const char* state;
  const char* country_code;
  const char* postal_pattern;  // '#' digit, '@' capital letter
  char region;
  double weight;               // share of customers within the country
  const char* center_code;     // for India: the centre that ships there
  const char* timezone;
};

std::span<const CountryContent> countries();
std::span<const CityContent> cities();

// Indian names: first names by gender, surnames by region.
std::span<const char* const> indian_first_names(char gender);
std::span<const char* const> indian_last_names(char region);
std::span<const char* const> western_first_names(char gender);
std::span<const char* const> western_last_names();
std::span<const char* const> arabic_first_names(char gender);
std::span<const char* const> arabic_last_names();

std::span<const char* const> indian_streets();
std::span<const char* const> indian_buildings();
std::span<const char* const> indian_landmarks();
std::span<const char* const> overseas_streets(const char* country_code);
std::span<const char* const> email_domains(const char* country_code);

}  // namespace ayc::datagen
