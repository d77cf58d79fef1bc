#include "server/search/cache_sizes.h"

namespace ayc::search {

namespace {

// A string's heap block (none while it fits the small-string buffer).
std::size_t heap(const std::string& s) { return s.capacity() > 15 ? s.capacity() + 1 : 0; }

}  // namespace

std::size_t approx_bytes(const std::string& s) { return sizeof(std::string) + heap(s); }

std::size_t approx_bytes(const std::vector<std::string>& v) {
  std::size_t n = sizeof(v) + v.capacity() * sizeof(std::string);
  for (const auto& s : v) n += heap(s);
  return n;
}

std::size_t approx_bytes(const features::ProductFeatures& p) {
  std::size_t n = sizeof(p);
  for (const std::string* s : {&p.id, &p.slug, &p.sku, &p.name, &p.brand_name, &p.brand_slug, &p.short_description,
                               &p.form, &p.type, &p.image_url, &p.status}) {
    n += heap(*s);
  }
  n += approx_bytes(p.category_slugs) - sizeof(p.category_slugs);
  n += p.stock_by_country.capacity() * sizeof(p.stock_by_country.front());
  for (const auto& [country, units] : p.stock_by_country) n += heap(country);
  return n;
}

std::size_t approx_bytes(const std::vector<features::ScoredItem>& v) {
  std::size_t n = sizeof(v) + v.capacity() * sizeof(features::ScoredItem);
  for (const auto& item : v) n += heap(item.id);
  return n;
}

std::size_t approx_bytes(const FacetIds& f) {
  std::size_t n = sizeof(f);
  for (const auto& kind : f.kinds) n += kind.capacity() * sizeof(FacetIdCount);
  return n;
}

std::size_t approx_bytes(const TextGroup& g) {
  std::size_t n = sizeof(g) + g.alternatives.capacity() * sizeof(std::vector<std::string>);
  for (const auto& alternative : g.alternatives) n += approx_bytes(alternative) - sizeof(alternative);
  n += approx_bytes(g.words) - sizeof(g.words);
  return n;
}

std::size_t approx_bytes(const std::vector<RankedDoc>& v) { return sizeof(v) + v.capacity() * sizeof(RankedDoc); }

}  // namespace ayc::search
