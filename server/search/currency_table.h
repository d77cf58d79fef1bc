// Exchange rates of one index generation (the `currencies` table at index
// time) and conversion between the store's base currency and what a shopper
// asks for.
//
// Thread-safety: immutable after construction; share freely.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace ayc::search {

class CurrencyTable {
 public:
  CurrencyTable() = default;
  // `rates_text` is the feature store's "currencies" meta value: lines of "CODE per_usd symbol".
  static Result<CurrencyTable> parse(std::string_view base_currency, std::string_view rates_text);

  const std::string& base() const { return base_; }
  bool known(std::string_view code) const { return rates_.count(std::string(code)) > 0; }
  // Converts an amount in the base currency to `code` (rounded to cents).
  std::optional<double> from_base(double amount, std::string_view code) const;
  // Converts an amount in `code` to the base currency (not rounded).
  std::optional<double> to_base(double amount, std::string_view code) const;
  // "USD, EUR, ..." for error messages.
  std::string codes() const;

 private:
  std::string base_;
  std::map<std::string, double> rates_;  // code -> units per US dollar
};

}  // namespace ayc::search
