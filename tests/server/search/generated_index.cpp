#include "tests/server/search/generated_index.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <string>

#include "index/index_schema.h"

namespace ayc::testing {

GeneratedIndex::GeneratedIndex(std::size_t n, bool by_rank, unsigned seed) : cache(64u << 20) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  // Value k of `count` with a weight falling as 1 / (k + 1).
  auto skewed = [&](int count) {
    double total = 0;
    for (int k = 0; k < count; ++k) total += 1.0 / (k + 1);
    double u = unit(rng) * total;
    for (int k = 0; k < count; ++k) {
      u -= 1.0 / (k + 1);
      if (u <= 0) return k;
    }
    return count - 1;
  };
  {
    Xapian::WritableDatabase w(dir.path().string(), Xapian::DB_CREATE_OR_OVERWRITE);
    const std::pair<const char*, double> words[] = {
        {"oil", 0.6}, {"hair", 0.3}, {"ashwagandha", 0.08}, {"tablet", 0.4}, {"brahmi", 0.02}};
    for (std::size_t i = 0; i < n; ++i) {
      Xapian::Document doc;
      for (const auto& [word, share] : words) {
        if (unit(rng) < share) doc.add_term(word, 1 + static_cast<unsigned>(unit(rng) * 5));
      }
      doc.add_term("filler" + std::to_string(i % 97), 1 + static_cast<unsigned>(unit(rng) * 20));
      const double rank = 1.0 - static_cast<double>(i) / static_cast<double>(n);
      const double prior = by_rank ? std::clamp(rank + (unit(rng) - 0.5) * 0.1, 0.0, 1.0) : unit(rng);
      const double popularity = by_rank ? 100 * prior * prior : 100 * unit(rng);
      doc.add_value(index::kSlotPrior, Xapian::sortable_serialise(prior));
      doc.add_value(index::kSlotPopularity, Xapian::sortable_serialise(popularity));
      doc.add_value(index::kSlotRating, Xapian::sortable_serialise(5 * unit(rng)));
      doc.add_value(index::kSlotPrice, Xapian::sortable_serialise(std::exp(std::log(10.0) + unit(rng) * std::log(500.0))));
      doc.add_value(index::kSlotBrand, "brand-" + std::to_string(skewed(24)));
      doc.add_value(index::kSlotForm, "form-" + std::to_string(skewed(6)));
      std::string categories = "category-" + std::to_string(skewed(12));
      if (unit(rng) < 0.3) categories += std::string(1, index::kListSeparator) + "category-" + std::to_string(skewed(12));
      doc.add_value(index::kSlotCategories, categories);
      doc.add_value(index::kSlotId, "p" + std::to_string(i + 1));
      doc.add_value(index::kSlotName, "product " + std::to_string(i + 1));
      w.add_document(doc);
    }
    w.commit();
  }
  db = Xapian::Database(dir.path().string());
  table = search::DocTable::build(db).value();
  columns = search::FacetColumns::build(db).value();
}

}  // namespace ayc::testing
