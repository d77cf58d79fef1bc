#include "server/search/facet_columns.h"

#include <algorithm>
#include <cmath>
#include <charconv>
#include <unordered_map>

#include "index/index_schema.h"

namespace ayc::search {

namespace {

// Reads one slot into a column: a single-valued slot into `single`, a
// multi-valued one (values joined by index::kListSeparator) into offsets/ids.
// `from`'s values of the first `kept` docids are kept, the rest read from `db`.
FacetColumns::Column read_column(Xapian::Database& db, const IndexLayout& layout, Xapian::valueno slot, bool multi,
                                 const FacetColumns::Column& from, std::size_t kept) {
  FacetColumns::Column col;
  const std::size_t size = static_cast<std::size_t>(layout.last_docid(db)) + 1;
  col.names = from.names;
  std::unordered_map<std::string, std::uint32_t> ids;
  for (std::uint32_t i = 0; i < col.names.size(); ++i) ids.emplace(col.names[i], i);
  auto id_of = [&](const std::string& v) {
    auto [it, inserted] = ids.emplace(v, static_cast<std::uint32_t>(col.names.size()));
    if (inserted) col.names.push_back(v);
    return it->second;
  };
  if (!multi) {
    col.single.assign(from.single.begin(), from.single.begin() + std::min<std::ptrdiff_t>(kept, from.single.size()));
    col.single.resize(size, 0);
    layout.for_each_value(db, slot, [&](Xapian::docid d, const std::string& v) { col.single[d] = id_of(v) + 1; });
    return col;
  }
  std::vector<std::vector<std::uint32_t>> per_doc(size - kept);  // the docids after the kept ones
  layout.for_each_value(db, slot, [&](Xapian::docid d, const std::string& v) {
    auto& out = per_doc[d - kept];
    std::size_t start = 0;
    while (start <= v.size()) {
      std::size_t end = v.find(index::kListSeparator, start);
      if (end == std::string::npos) end = v.size();
      if (end > start) out.push_back(id_of(v.substr(start, end - start)));
      start = end + 1;
    }
  });
  // offsets[d + 1] is where d's ids end: kept docids need kept + 1 of them.
  col.offsets.reserve(size + 1);
  col.offsets.assign(from.offsets.begin(),
                     from.offsets.begin() + std::min<std::ptrdiff_t>(kept + 1, from.offsets.size()));
  if (col.offsets.empty()) col.offsets.push_back(0);
  col.ids.assign(from.ids.begin(), from.ids.begin() + col.offsets.back());
  while (col.offsets.size() < kept + 1) col.offsets.push_back(col.offsets.back());
  for (const auto& d : per_doc) {
    col.ids.insert(col.ids.end(), d.begin(), d.end());
    col.offsets.push_back(static_cast<std::uint32_t>(col.ids.size()));
  }
  return col;
}

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
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 6);
  return ec == std::errc() ? std::string(buf, end) : std::string("0");
}

const FacetColumns::Column& column_of(const FacetColumns& columns, FacetKind kind) {
  return kind == FacetKind::kBrand ? columns.brand() : kind == FacetKind::kForm ? columns.form() : columns.category();
}

}  // namespace

Result<FacetColumns> FacetColumns::build(Xapian::Database& db, const IndexLayout& layout) {
  static const FacetColumns kNone;
  return read(db, layout, kNone, 0);
}

Result<FacetColumns> FacetColumns::extend(const FacetColumns& before, Xapian::Database& delta,
                                          const IndexLayout& layout) {
  const Xapian::docid base_last = layout.base_last_docid();
  return read(delta, IndexLayout::offset_by(base_last), before, base_last + 1);
}

Result<FacetColumns> FacetColumns::read(Xapian::Database& db, const IndexLayout& read_as, const FacetColumns& from,
                                        std::size_t kept) {
  FacetColumns f;
  try {
    f.brand_ = read_column(db, read_as, index::kSlotBrand, false, from.brand_, kept);
    f.form_ = read_column(db, read_as, index::kSlotForm, false, from.form_, kept);
    f.category_ = read_column(db, read_as, index::kSlotCategories, true, from.category_, kept);
    f.price_.assign(from.price_.begin(), from.price_.begin() + std::min<std::ptrdiff_t>(kept, from.price_.size()));
    f.price_.resize(read_as.last_docid(db) + 1, -1.0);
    read_as.for_each_value(db, index::kSlotPrice, [&](Xapian::docid d, const std::string& v) {
      f.price_[d] = Xapian::sortable_unserialise(v);
    });
  } catch (const Xapian::Error& e) {
    return Status::DataLoss("reading facet values: " + e.get_description());
  }
  return f;
}

void FacetColumns::pack(const PriceBands& bands) {
  rows_.clear();
  category_sets_ = Column{};
  row_band_edges_ = bands.base_edges();
  if (brand_.names.size() >= 0xFFFF || form_.names.size() >= 0xFF || bands.count() >= Row::kNoBand) return;
  // Each distinct list of category ids once (keyed by its bytes, read into
  // one reused buffer: a key is copied only for a new set); set 0 is the
  // empty one.
  std::unordered_map<std::string, std::uint32_t> set_of;
  std::string key;
  category_sets_.offsets = {0, 0};
  set_of.emplace(std::string(), 0);
  rows_.resize(price_.size());
  for (std::size_t d = 0; d < rows_.size(); ++d) {
    Row& r = rows_[d];
    if (d < brand_.single.size()) r.brand = static_cast<std::uint16_t>(brand_.single[d]);
    if (d < form_.single.size()) r.form = static_cast<std::uint8_t>(form_.single[d]);
    if (d + 1 < category_.offsets.size() && category_.offsets[d] < category_.offsets[d + 1]) {
      const std::uint32_t* begin = category_.ids.data() + category_.offsets[d];
      const std::uint32_t* end = category_.ids.data() + category_.offsets[d + 1];
      key.assign(reinterpret_cast<const char*>(begin), reinterpret_cast<const char*>(end));
      auto at = set_of.find(key);
      if (at == set_of.end()) {
        at = set_of.emplace(key, static_cast<std::uint32_t>(set_of.size())).first;
        category_sets_.ids.insert(category_sets_.ids.end(), begin, end);
        category_sets_.offsets.push_back(static_cast<std::uint32_t>(category_sets_.ids.size()));
      }
      r.categories = at->second;
    }
    if (price_[d] >= 0) r.band = static_cast<std::uint8_t>(bands.band(price_[d]));
  }
}

PriceBands::PriceBands(const CurrencyTable& fx, const std::string& currency) {
  for (double inr : {250.0, 500.0, 1000.0, 2000.0}) {
    double base = fx.to_base(inr, "INR").value_or(inr);
    double edge = nice(fx.from_base(base, currency).value_or(inr));
    if (edges_.empty() || edge > edges_.back()) edges_.push_back(edge);
  }
  for (double e : edges_) base_edges_.push_back(fx.to_base(e, currency).value_or(e));
}

std::string PriceBands::label(std::size_t band) const {
  if (band >= edges_.size()) return format_edge(edges_.back()) + "+";
  return format_edge(band == 0 ? 0 : edges_[band - 1]) + "-" + format_edge(edges_[band]);
}

FacetCounter::FacetCounter(const FacetColumns& columns, const PriceBands& bands) : columns_(columns), bands_(bands) {
  counts_[static_cast<int>(FacetKind::kBrand)].assign(columns.brand().names.size(), 0);
  counts_[static_cast<int>(FacetKind::kForm)].assign(columns.form().names.size(), 0);
  counts_[static_cast<int>(FacetKind::kCategory)].assign(columns.category().names.size(), 0);
  counts_[static_cast<int>(FacetKind::kPrice)].assign(bands.count(), 0);
}

void FacetCounter::add_rows(const std::vector<Xapian::docid>& docs, unsigned which) {
  const auto& rows = columns_.rows();
  auto& brands = counts_[static_cast<int>(FacetKind::kBrand)];
  auto& forms = counts_[static_cast<int>(FacetKind::kForm)];
  auto& prices = counts_[static_cast<int>(FacetKind::kPrice)];
  const bool want_brand = which & facet_bit(FacetKind::kBrand), want_form = which & facet_bit(FacetKind::kForm),
             want_category = which & facet_bit(FacetKind::kCategory),
             want_price = which & facet_bit(FacetKind::kPrice);
  if (want_category && set_counts_.empty()) set_counts_.assign(columns_.category_sets().offsets.size() - 1, 0);
  // The rows' price bands are the base currency's; another currency's bands
  // (edges rounded in that currency) come from the price.
  const bool row_bands = columns_.row_band_edges() == bands_.base_edges();
  // A match set's documents are scattered over the rows: each row is asked
  // for well before it is counted, so the memory reads overlap.
  constexpr std::size_t kAhead = 16;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    if (i + kAhead < docs.size() && docs[i + kAhead] < rows.size()) __builtin_prefetch(&rows[docs[i + kAhead]]);
    const Xapian::docid d = docs[i];
    if (d >= rows.size()) continue;
    const FacetColumns::Row r = rows[d];
    if (want_brand && r.brand != 0) ++brands[r.brand - 1];
    if (want_form && r.form != 0) ++forms[r.form - 1];
    if (want_category) ++set_counts_[r.categories];
    if (want_price && r.band != FacetColumns::Row::kNoBand) ++prices[row_bands ? r.band : bands_.band(columns_.price(d))];
  }
}

void FacetCounter::add(const std::vector<Xapian::docid>& docs, unsigned which) {
  if (!columns_.rows().empty()) {
    add_rows(docs, which);
    return;
  }
  // No rows (a column with more values than a row holds): column by column.
  const auto& brand = columns_.brand().single;
  const auto& form = columns_.form().single;
  const FacetColumns::Column& category = columns_.category();
  auto& brands = counts_[static_cast<int>(FacetKind::kBrand)];
  auto& forms = counts_[static_cast<int>(FacetKind::kForm)];
  auto& categories = counts_[static_cast<int>(FacetKind::kCategory)];
  auto& prices = counts_[static_cast<int>(FacetKind::kPrice)];
  bool want_brand = which & facet_bit(FacetKind::kBrand), want_form = which & facet_bit(FacetKind::kForm),
       want_category = which & facet_bit(FacetKind::kCategory), want_price = which & facet_bit(FacetKind::kPrice);
  for (Xapian::docid d : docs) {
    if (want_brand && d < brand.size() && brand[d] != 0) ++brands[brand[d] - 1];
    if (want_form && d < form.size() && form[d] != 0) ++forms[form[d] - 1];
    if (want_category && d + 1 < category.offsets.size()) {
      for (std::uint32_t i = category.offsets[d]; i < category.offsets[d + 1]; ++i) ++categories[category.ids[i]];
    }
    if (want_price) {
      double price = columns_.price(d);
      if (price >= 0) ++prices[bands_.band(price)];
    }
  }
}

std::vector<FacetIdCount> FacetCounter::top(FacetKind kind, std::size_t n) const {
  std::vector<std::uint32_t> by_set;  // categories counted by rows: each set's count added to its categories
  if (kind == FacetKind::kCategory && !set_counts_.empty()) {
    by_set = counts_[static_cast<int>(kind)];
    const FacetColumns::Column& sets = columns_.category_sets();
    for (std::size_t s = 1; s < set_counts_.size(); ++s) {
      if (set_counts_[s] == 0) continue;
      for (std::uint32_t i = sets.offsets[s]; i < sets.offsets[s + 1]; ++i) by_set[sets.ids[i]] += set_counts_[s];
    }
  }
  const auto& counts = by_set.empty() ? counts_[static_cast<int>(kind)] : by_set;
  std::vector<FacetIdCount> out;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    if (counts[i] > 0) out.push_back({static_cast<std::uint32_t>(i), counts[i]});
  }
  if (kind == FacetKind::kPrice) return out;  // bands in order
  const auto& names = column_of(columns_, kind).names;
  auto before = [&](const FacetIdCount& a, const FacetIdCount& b) {
    return a.count != b.count ? a.count > b.count : names[a.id] < names[b.id];
  };
  if (out.size() > n) {
    std::partial_sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(n), out.end(), before);
    out.resize(n);
  } else {
    std::sort(out.begin(), out.end(), before);
  }
  return out;
}

std::vector<FacetCount> name_facet(const FacetColumns& columns, const PriceBands& bands, FacetKind kind,
                                   const std::vector<FacetIdCount>& ids) {
  std::vector<FacetCount> out;
  out.reserve(ids.size());
  if (kind == FacetKind::kPrice) {
    for (const auto& v : ids) out.push_back({bands.label(v.id), v.count});
    return out;
  }
  const auto& names = column_of(columns, kind).names;
  for (const auto& v : ids) out.push_back({names[v.id], v.count});
  return out;
}

}  // namespace ayc::search
