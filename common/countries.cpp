#include "common/countries.h"

#include <unordered_map>

#include "common/text.h"

namespace ayc {

std::optional<std::string> country_code(std::string_view name_or_code) {
  static const std::unordered_map<std::string, std::string> kNames = {
      {"india", "IN"}, {"bharat", "IN"}, {"united states", "US"}, {"united states of america", "US"},
      {"usa", "US"}, {"us", "US"}, {"america", "US"}, {"united kingdom", "GB"}, {"uk", "GB"},
      {"great britain", "GB"}, {"england", "GB"}, {"britain", "GB"}, {"united arab emirates", "AE"},
      {"uae", "AE"}, {"australia", "AU"}, {"canada", "CA"}, {"germany", "DE"}, {"deutschland", "DE"},
      {"france", "FR"}, {"netherlands", "NL"}, {"singapore", "SG"}, {"malaysia", "MY"},
      {"sri lanka", "LK"}, {"nepal", "NP"}, {"new zealand", "NZ"}, {"saudi arabia", "SA"},
      {"qatar", "QA"}, {"kuwait", "KW"}, {"oman", "OM"}, {"bahrain", "BH"}, {"japan", "JP"},
      {"mexico", "MX"}, {"south africa", "ZA"}, {"ireland", "IE"}, {"italy", "IT"}, {"spain", "ES"},
      {"switzerland", "CH"}, {"sweden", "SE"}, {"mauritius", "MU"}, {"kenya", "KE"},
      {"bangladesh", "BD"}, {"hong kong", "HK"}, {"thailand", "TH"}, {"indonesia", "ID"},
  };
  std::string key = text::normalize(name_or_code);
  if (key.empty()) return std::nullopt;
  if (auto it = kNames.find(key); it != kNames.end()) return it->second;
  if (key.size() == 2 && key[0] >= 'a' && key[0] <= 'z' && key[1] >= 'a' && key[1] <= 'z') {
    return std::string{static_cast<char>(key[0] - 32), static_cast<char>(key[1] - 32)};
  }
  return std::nullopt;
}

}  // namespace ayc
