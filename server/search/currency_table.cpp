#include "server/search/currency_table.h"

#include <cmath>
#include <sstream>

namespace ayc::search {

Result<CurrencyTable> CurrencyTable::parse(std::string_view base_currency, std::string_view rates_text) {
  CurrencyTable t;
  t.base_ = std::string(base_currency);
  std::istringstream in{std::string(rates_text)};
  std::string code;
  double per_usd = 0;
  std::string rest;
  while (in >> code >> per_usd) {
    std::getline(in, rest);
    if (per_usd > 0) t.rates_[code] = per_usd;
  }
  if (t.rates_.count(t.base_) == 0) {
    return Status::DataLoss("the index has no exchange rate for its base currency " + t.base_);
  }
  return t;
}

std::optional<double> CurrencyTable::from_base(double amount, std::string_view code) const {
  auto to = rates_.find(std::string(code));
  if (to == rates_.end()) return std::nullopt;
  double v = amount / rates_.at(base_) * to->second;
  return std::round(v * 100.0) / 100.0;
}

std::optional<double> CurrencyTable::to_base(double amount, std::string_view code) const {
  auto from = rates_.find(std::string(code));
  if (from == rates_.end()) return std::nullopt;
  return amount / from->second * rates_.at(base_);
}

std::string CurrencyTable::codes() const {
  std::string out;
  for (const auto& [code, rate] : rates_) out += (out.empty() ? "" : ", ") + code;
  return out;
}

}  // namespace ayc::search
