#include "data/datagen/reference_data.h"

namespace ayc::datagen {

namespace {
constexpr std::int64_t kOverseasMarkupPercent = 135;

std::int64_t inr_rate(const ReferenceData& ref) {
  auto it = ref.rates_e4.find("INR");
  return it == ref.rates_e4.end() || it->second <= 0 ? 830000 : it->second;
}
}  // namespace

std::string ReferenceData::currency_or_inr(const std::string& preferred) const {
  return has_currency(preferred) ? preferred : "INR";
}

std::int64_t ReferenceData::rate_e4(const std::string& code) const {
  auto it = rates_e4.find(code);
  return it == rates_e4.end() ? inr_rate(*this) : it->second;
}

std::int64_t convert_cents(const ReferenceData& ref, std::int64_t inr_paise,
                           const std::string& currency) {
  if (currency == "INR") return inr_paise;
  const __int128 scaled = static_cast<__int128>(inr_paise) * ref.rate_e4(currency);
  return static_cast<std::int64_t>((scaled + inr_rate(ref) / 2) / inr_rate(ref));
}

std::int64_t local_price_cents(const ReferenceData& ref, std::int64_t inr_paise,
                               const std::string& currency) {
  if (currency == "INR") return inr_paise;
  std::int64_t cents = convert_cents(ref, inr_paise, currency) * kOverseasMarkupPercent / 100;
  // Price points: x.49 or x.99, never below 1.99.
  std::int64_t whole = cents / 100;
  std::int64_t frac = cents % 100;
  std::int64_t out = frac < 50 ? whole * 100 + 49 : whole * 100 + 99;
  return out < 199 ? 199 : out;
}

}  // namespace ayc::datagen
