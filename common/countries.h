// Country names and codes as stores write them ("India", "IN", "USA",
// "United Kingdom") normalised to ISO 3166-1 alpha-2 ("IN", "US", "GB").
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ayc {

// "in" / "India" / "Bharat" -> "IN"; unknown names -> nullopt.
std::optional<std::string> country_code(std::string_view name_or_code);

}  // namespace ayc
