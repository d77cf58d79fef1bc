#include "server/search/facets.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "indexer/index_schema.h"

namespace ayc::search {

void SlotCounter::operator()(const Xapian::Document& doc, double) {
  std::string v = doc.get_value(slot_);
  if (v.empty()) return;
  if (!multi_) {
    ++counts_[v];
    return;
  }
  std::size_t start = 0;
  while (start <= v.size()) {
    std::size_t end = v.find(index::kListSeparator, start);
    if (end == std::string::npos) end = v.size();
    if (end > start) ++counts_[v.substr(start, end - start)];
    start = end + 1;
  }
}

std::vector<FacetCount> SlotCounter::top(std::size_t n) const {
  std::vector<FacetCount> out;
  for (const auto& [value, count] : counts_) out.push_back({value, count});
  std::sort(out.begin(), out.end(), [](const FacetCount& a, const FacetCount& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  if (out.size() > n) out.resize(n);
  return out;
}

namespace {
// 1, 2, 2.5, 5 x 10^k: a "nice" number close to x.
double nice(double x) {
  if (x <= 0) return 0;
  double p = std::pow(10.0, std::floor(std::log10(x)));
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (x <= m * p * 1.2) return m * p;
  }
  return 10 * p;
}
std::string format_edge(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}
}  // namespace

PriceBands::PriceBands(const CurrencyTable& currencies, const std::string& currency) {
  // Bands sized for Ayurvedic products: roughly INR 250 / 500 / 1000 / 2000.
  const double kBaseInr[] = {250, 500, 1000, 2000};
  for (double inr : kBaseInr) {
    double in_currency = currencies.from_base(currencies.to_base(inr, "INR").value_or(inr), currency).value_or(inr);
    double edge = nice(in_currency);
    if (edges_.empty() || edge > edges_.back()) edges_.push_back(edge);
  }
  for (double e : edges_) base_edges_.push_back(currencies.to_base(e, currency).value_or(e));
  counts_.assign(edges_.size() + 1, 0);
}

void PriceBands::operator()(const Xapian::Document& doc, double) {
  std::string v = doc.get_value(index::kSlotPrice);
  if (v.empty()) return;
  double price = Xapian::sortable_unserialise(v);
  std::size_t band = static_cast<std::size_t>(
      std::upper_bound(base_edges_.begin(), base_edges_.end(), price) - base_edges_.begin());
  ++counts_[band];
}

std::vector<FacetCount> PriceBands::bands() const {
  std::vector<FacetCount> out;
  for (std::size_t i = 0; i < counts_.size(); ++i) {
    if (counts_[i] == 0) continue;
    std::string label = i == edges_.size() ? format_edge(edges_.back()) + "+"
                                           : format_edge(i == 0 ? 0 : edges_[i - 1]) + "-" + format_edge(edges_[i]);
    out.push_back({label, counts_[i]});
  }
  return out;
}

}  // namespace ayc::search
