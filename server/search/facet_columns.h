// Facet values of every document, held in memory by docid, so counting
// facets over tens of thousands of matches costs an array lookup per match
// instead of a value-stream read per facet. Built once per snapshot from the
// index's value slots (brand, form, categories, price).
//
// FacetCounter counts the facets over a search's matches with them, several
// in one pass.
//
// Thread-safety: FacetColumns is immutable after build(); one FacetCounter per search.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/status.h"
#include "server/search/currency_table.h"
#include "server/search/index_layout.h"
#include "server/search/search_types.h"

namespace ayc::search {

class PriceBands;

class FacetColumns {
 public:
  // From the database `layout` opened, by engine docid.
  static Result<FacetColumns> build(Xapian::Database& db, const IndexLayout& layout = {});
  // The same from `before`, the columns of a generation with the same base
  // (layout.same_base()), and `delta`, the delta database alone. Call
  // pack() after either.
  static Result<FacetColumns> extend(const FacetColumns& before, Xapian::Database& delta, const IndexLayout& layout);

  struct Column {
    std::vector<std::string> names;              // dense value id -> value
    // Multi-valued slots (categories): docid -> [offsets[d], offsets[d+1]) in ids.
    std::vector<std::uint32_t> offsets;
    std::vector<std::uint32_t> ids;
    // Single-valued slots (brand, form): docid -> value id + 1 (0: none).
    std::vector<std::uint32_t> single;
  };
  const Column& brand() const { return brand_; }
  const Column& form() const { return form_; }
  const Column& category() const { return category_; }
  // Base-currency price of docid `d`, or a negative number when unknown.
  double price(Xapian::docid d) const { return d < price_.size() ? price_[d] : -1; }

  // A document's facet values in one 8-byte row, so counting a match costs
  // one memory access rather than one per column, and a million products'
  // rows (8 MB) stay in the processor's caches far better than 32-byte rows
  // holding their category ids did (at 1M products those missed the cache
  // and were a sixth of a search's time). A product's categories (with
  // their ancestors) are one id of the distinct category sets the
  // catalogue uses (a few hundred; category_sets()): counted per set, each
  // set's count is added to its categories once at the end (FacetCounter::top).
  struct Row {
    static constexpr std::uint8_t kNoBand = 0xFF;
    std::uint32_t categories = 0;  // category set id (0: the empty set)
    std::uint16_t brand = 0;       // value id + 1; 0: none
    std::uint8_t form = 0;         // value id + 1; 0: none
    std::uint8_t band = kNoBand;   // price band in the bands given to pack(), or kNoBand
  };
  static_assert(sizeof(Row) == 8, "eight rows to a cache line");
  // The distinct category sets of the rows: set s holds category ids
  // ids[offsets[s], offsets[s+1]) (set 0 is empty).
  const Column& category_sets() const { return category_sets_; }
  // Builds the rows, price bands by `bands` (the base currency's). Leaves
  // none when a column has too many values for a row (rows() empty).
  void pack(const PriceBands& bands);
  const std::vector<Row>& rows() const { return rows_; }
  // The base-currency band edges the rows' bands were computed with.
  const std::vector<double>& row_band_edges() const { return row_band_edges_; }

 private:
  // `db`'s values numbered as `read_as` says, after `from`'s first `kept` docids.
  static Result<FacetColumns> read(Xapian::Database& db, const IndexLayout& read_as, const FacetColumns& from,
                                   std::size_t kept);

  Column brand_, form_, category_;
  std::vector<double> price_;
  std::vector<Row> rows_;
  Column category_sets_;  // offsets and ids only
  std::vector<double> row_band_edges_;
};

enum class FacetKind { kBrand = 0, kCategory = 1, kForm = 2, kPrice = 3 };
inline constexpr unsigned facet_bit(FacetKind k) { return 1u << static_cast<unsigned>(k); }
inline constexpr unsigned kAllFacets = 0xF;

// Price bands sized for Ayurvedic products (roughly INR 250 / 500 / 1000 /
// 2000), rounded to nice numbers in the shopper's currency.
class PriceBands {
 public:
  PriceBands(const CurrencyTable& fx, const std::string& currency);
  std::size_t count() const { return edges_.size() + 1; }
  // The band of a base-currency price.
  std::size_t band(double base_price) const {
    std::size_t b = 0;
    while (b < base_edges_.size() && base_price >= base_edges_[b]) ++b;
    return b;
  }
  // "0-250", "250-500", ..., "2000+".
  std::string label(std::size_t band) const;
  // The edges in the base currency (band() compares with them).
  const std::vector<double>& base_edges() const { return base_edges_; }

 private:
  std::vector<double> edges_;       // in the shopper's currency
  std::vector<double> base_edges_;  // the same edges in the base currency
};

// One facet value by its id (a value of the facet's column; price: the band) with its count.
struct FacetIdCount {
  std::uint32_t id = 0;
  std::uint32_t count = 0;
};
// A search's four facets as ids, indexed by FacetKind: compact enough to
// cache tens of thousands of match sets' counts.
struct FacetIds {
  std::vector<FacetIdCount> kinds[4];
  bool exhaustive = true;  // false: some counts estimated from a sample (facet_counts.h)
};

// The values behind `ids` of one facet, with their counts.
std::vector<FacetCount> name_facet(const FacetColumns& columns, const PriceBands& bands, FacetKind kind,
                                   const std::vector<FacetIdCount>& ids);

// Counts the four facets over sets of documents, several in one pass.
class FacetCounter {
 public:
  FacetCounter(const FacetColumns& columns, const PriceBands& bands);
  // Counts the facets in `which` (facet_bit()s) over `docs`.
  void add(const std::vector<Xapian::docid>& docs, unsigned which);
  // Values most frequent first (ties by name; price: bands in order), at most n.
  std::vector<FacetIdCount> top(FacetKind kind, std::size_t n) const;

 private:
  void add_rows(const std::vector<Xapian::docid>& docs, unsigned which);

  const FacetColumns& columns_;
  const PriceBands& bands_;
  std::vector<std::uint32_t> counts_[4];
  std::vector<std::uint32_t> set_counts_;  // by category set id, when counted by rows
};

}  // namespace ayc::search
