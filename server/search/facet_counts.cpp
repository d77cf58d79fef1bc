#include "server/search/facet_counts.h"

#include <algorithm>

namespace ayc::search {

namespace {

bool narrows(const std::vector<FilterPart>& filters, const std::string& facet) {
  return std::any_of(filters.begin(), filters.end(), [&](const FilterPart& f) { return f.facet == facet; });
}

// Every `stride`-th of `docs` (all of them when stride is 1).
std::vector<Xapian::docid> every_nth(const std::vector<Xapian::docid>& docs, std::size_t stride) {
  std::vector<Xapian::docid> out;
  out.reserve(docs.size() / stride + 1);
  for (std::size_t i = 0; i < docs.size(); i += stride) out.push_back(docs[i]);
  return out;
}

// The counts of one facet, counted over every `stride`-th document, scaled
// back to the whole set (rounded; a value seen in the sample counts at least 1).
void scale_counts(std::vector<FacetIdCount>& counts, std::size_t whole, std::size_t sampled) {
  if (sampled == whole || sampled == 0) return;
  const double factor = static_cast<double>(whole) / static_cast<double>(sampled);
  for (auto& c : counts) c.count = std::max<std::uint32_t>(1, static_cast<std::uint32_t>(c.count * factor + 0.5));
}

}  // namespace

FacetIds count_facets(const Matcher& matcher, const Matches& text, const Matches& hits,
                      const std::vector<FilterPart>& filters, const FacetColumns& columns, const PriceBands& bands,
                      std::size_t exact_limit) {
  // One pass over the documents per distinct set counted. A set larger than
  // exact_limit is sampled evenly (docids follow the static rank, so an
  // even stride samples every rank alike) and its counts scaled.
  struct Counted {
    FacetCounter counter;
    std::size_t whole = 0, sampled = 0;
  };
  auto count = [&](const std::vector<Xapian::docid>& docs, unsigned which, Counted& c) {
    c.whole = docs.size();
    if (docs.size() <= exact_limit) {
      c.sampled = docs.size();
      c.counter.add(docs, which);
      return;
    }
    const std::size_t stride = (docs.size() + exact_limit - 1) / exact_limit;
    const std::vector<Xapian::docid> sample = every_nth(docs, stride);
    c.sampled = sample.size();
    c.counter.add(sample, which);
  };
  FacetIds out;
  Counted over_hits{FacetCounter(columns, bands)};
  unsigned over_hits_bits = 0;
  for (const auto& [name, kind] : kFacetKinds) {
    // Counted as if its own filter were off, so a shopper can widen the choice.
    if (narrows(filters, name)) {
      Counted own{FacetCounter(columns, bands)};
      count(matcher.restrict(text, filters, name).docs(), facet_bit(kind), own);
      auto& ids = out.kinds[static_cast<int>(kind)];
      ids = own.counter.top(kind, kFacetValues);
      scale_counts(ids, own.whole, own.sampled);
      out.exhaustive = out.exhaustive && own.whole == own.sampled;
    } else {
      over_hits_bits |= facet_bit(kind);
    }
  }
  count(hits.docs(), over_hits_bits, over_hits);
  for (const auto& [name, kind] : kFacetKinds) {
    if (!(over_hits_bits & facet_bit(kind))) continue;
    auto& ids = out.kinds[static_cast<int>(kind)];
    ids = over_hits.counter.top(kind, kFacetValues);
    scale_counts(ids, over_hits.whole, over_hits.sampled);
    out.exhaustive = out.exhaustive && over_hits.whole == over_hits.sampled;
  }
  return out;
}

}  // namespace ayc::search
