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
  // Assigned ISO 3166-1 alpha-2 codes.
  static const std::string kCodes =
      " AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY"
      " BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK"
      " FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR"
      " IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK"
      " ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM"
      " PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF"
      " TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW ";
  if (key.size() == 2) {
    std::string code{static_cast<char>(key[0] & ~0x20), static_cast<char>(key[1] & ~0x20)};
    if (kCodes.find(" " + code + " ") != std::string::npos) return code;
  }
  return std::nullopt;
}

}  // namespace ayc
