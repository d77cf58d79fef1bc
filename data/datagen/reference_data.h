// Reference data the generator reads from the database instead of owning:
// the ingredient knowledge base and the currencies' exchange rates (units of
// each currency per US dollar, as in the `currencies` table), plus the price
// conversions that follow from them.
//
// Thread-safety: immutable after loading; safe to share.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "data/datagen/knowledge_base.h"

namespace ayc::datagen {

struct ReferenceData {
  KnowledgeBase kb;
  std::map<std::string, std::int64_t> rates_e4;  // "INR" -> 830000 (83.0000 per USD)

  bool has_currency(const std::string& code) const { return rates_e4.count(code) > 0; }
  // The currency a country's prices are shown in, falling back to INR when
  // the preferred one is not in the currencies table.
  std::string currency_or_inr(const std::string& preferred) const;
  // exchange_rate of `code` scaled by 10^4 (INR when unknown).
  std::int64_t rate_e4(const std::string& code) const;
};

// Converts an INR price in paise to `currency` cents, with the international
// markup overseas listings carry (duty and freight), ending in .99 or .49.
// INR passes through unchanged.
std::int64_t local_price_cents(const ReferenceData& ref, std::int64_t inr_paise,
                               const std::string& currency);

// Plain conversion without markup or rounding to a price point (shipping fees).
std::int64_t convert_cents(const ReferenceData& ref, std::int64_t inr_paise,
                           const std::string& currency);

}  // namespace ayc::datagen
