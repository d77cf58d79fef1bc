// Facet counting over Xapian matches: brand, category (a product counts for
// its category and every ancestor), form and price ranges.
//
// Thread-safety: one FacetCounter per search.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <xapian.h>

#include "server/search/currency_table.h"
#include "server/search/search_types.h"

namespace ayc::search {

// Counts the values of one slot; multi-valued slots hold values separated by
// index::kListSeparator.
class SlotCounter : public Xapian::MatchSpy {
 public:
  SlotCounter(Xapian::valueno slot, bool multi_valued) : slot_(slot), multi_(multi_valued) {}
  void operator()(const Xapian::Document& doc, double wt) override;
  std::vector<FacetCount> top(std::size_t n) const;

 private:
  Xapian::valueno slot_;
  bool multi_;
  std::map<std::string, std::uint64_t> counts_;
};

// Price bands with edges in the shopper's currency, counted from the
// base-currency price slot.
class PriceBands : public Xapian::MatchSpy {
 public:
  PriceBands(const CurrencyTable& currencies, const std::string& currency);
  void operator()(const Xapian::Document& doc, double wt) override;
  // "0-250", "250-500", ..., "2000+" with counts; empty bands omitted.
  std::vector<FacetCount> bands() const;

 private:
  std::vector<double> edges_;       // in the shopper's currency
  std::vector<double> base_edges_;  // the same edges in the base currency
  std::vector<std::uint64_t> counts_;
};

}  // namespace ayc::search
