// Curated words for free text: review titles and sentences, search queries
// (typos, Hinglish, nonsense), user agents and order notes.
//
// Thread-safety: immutable static data.
#pragma once

#include <span>
#include <utility>

namespace ayc::datagen {

// Review pieces by star rating (1..5). "{ind}" is replaced by an indication,
// "{brand}" by the brand, "{form}" by the product form.
std::span<const char* const> review_titles(int rating);
std::span<const char* const> review_openings(int rating);
std::span<const char* const> review_effects(int rating);
std::span<const char* const> review_closings(int rating);
std::span<const char* const> review_form_remarks(const char* form);
std::span<const char* const> review_service_remarks(bool positive);

// Common misspellings shoppers type, each with the term it should have been.
std::span<const std::pair<const char*, const char*>> query_misspellings();
// Hinglish symptom searches and the indication each means.
std::span<const std::pair<const char*, const char*>> query_hinglish();
// Templates for indication searches: "ayurvedic medicine for {ind}".
std::span<const char* const> indication_query_templates();
// Words appended to product searches: "price", "capsules", "buy online".
std::span<const char* const> query_modifiers();
// Searches that match nothing.
std::span<const char* const> nonsense_queries();
std::span<const char* const> user_agents();
std::span<const char* const> customer_notes();

}  // namespace ayc::datagen
