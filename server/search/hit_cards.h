// What a search hit shows of each product of a generation — display name,
// brand, slug, short description, primary image, price, MRP, rating, review
// count and where it is in stock — held in memory by docid. Read once per snapshot from the
// feature store, so a result page is rendered without a feature-store read
// per hit: with a long tail of queries the products shown outnumber any LRU
// of decoded products, which then misses on nearly every hit.
//
// Thread-safety: immutable after build().
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "common/status.h"
#include "index/feature_store.h"
#include "server/search/doc_table.h"

namespace ayc::search {

struct HitCard {
  bool present = false;  // false: the generation has no product for this docid
  std::string_view slug, name, brand_name, short_description, image_url;
  double price = 0;  // selling price, store base currency
  double mrp = 0;    // list price (MRP), store base currency; 0 when unknown
  double rating = 0;
  std::uint32_t review_count = 0;
};

class HitCards {
 public:
  // Cards for the products of `store` that `docs` indexes (by product id).
  static Result<HitCards> build(const index::FeatureStore& store, const DocTable& docs);
  // The same with the docids of `docs`'s products by id (DocTable::by_id()).
  static Result<HitCards> build(const index::FeatureStore& store, const DocTable& docs,
                                const std::unordered_map<std::string_view, Xapian::docid>& docid_of);
  // The same from `before`, the cards of a generation with the same base
  // database, whose last docid is `base_last`: its cards of base documents
  // are kept and those of the documents after (the delta's) read from `store`.
  static Result<HitCards> extend(const HitCards& before, const index::FeatureStore& store, const DocTable& docs,
                                 Xapian::docid base_last);

  HitCard at(Xapian::docid d) const;
  // A page's cards are read one after another: ask for every card's
  // position and numbers first, then (those arrived) for its text.
  void prefetch(Xapian::docid d) const {
    if (d >= ends_.size()) return;
    __builtin_prefetch(&start_[d]);
    __builtin_prefetch(&ends_[d]);
    __builtin_prefetch(&numbers_[d]);
  }
  void prefetch_text(Xapian::docid d) const {
    if (d >= ends_.size()) return;
    const char* record = record_text(d).data();
    const std::uint32_t length = std::min<std::uint32_t>(ends_[d][kFields - 1], 512);  // what a hit shows
    for (std::uint32_t at = 0; at < length; at += 64) __builtin_prefetch(record + at);
  }
  // As features::ProductFeatures::in_stock_in: in stock in `country` (ISO
  // code); an empty country means anywhere.
  bool in_stock_in(Xapian::docid d, std::string_view country) const;
  std::size_t bytes() const;

 private:
  struct Numbers {
    double price = 0;
    double mrp = 0;
    double rating = 0;
    std::uint32_t review_count = 0;
  };
  // Per docid: one record "slug\0name\0brand\0short description\0image url\0countries"
  // (countries in stock, space-separated: none when out of stock
  // everywhere); PostgreSQL text never holds a NUL byte. `ends_` holds where
  // each field ends, from the record's start (the last: the record's
  // length, 0 when the docid has no product), so a hit is read without
  // scanning its texts.
  static constexpr int kFields = 6;
  using Ends = std::array<std::uint32_t, kFields>;
  bool has(Xapian::docid d) const { return d < ends_.size() && ends_[d][kFields - 1] != 0; }
  std::string_view field(Xapian::docid d, int i) const;
  // The text from d's record on: base_text_ holds build()'s records, shared
  // by every generation extend() makes from it (hundreds of MiB at a
  // million products, copied by each incremental switch before); a start
  // at or past its end is in delta_text_, which holds extend()'s records.
  std::string_view record_text(Xapian::docid d) const {
    const std::size_t base = base_text_ ? base_text_->size() : 0;
    return start_[d] < base ? std::string_view(*base_text_).substr(start_[d])
                            : std::string_view(delta_text_).substr(start_[d] - base);
  }
  // Appends d's record to `text`, whose first byte is at `offset` of the records' space.
  void add(Xapian::docid d, const features::ProductFeatures& p, std::string& text, std::size_t offset);
  std::shared_ptr<const std::string> base_text_;
  std::string delta_text_;
  std::vector<std::uint64_t> start_;
  std::vector<Ends> ends_;
  std::vector<Numbers> numbers_;
};

}  // namespace ayc::search
