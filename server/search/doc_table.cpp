#include "server/search/doc_table.h"

#include <algorithm>

#include "common/text.h"
#include "index/index_schema.h"

namespace ayc::search {

void StringColumn::append(Xapian::docid d, std::string_view v) {
  while (filled_ < d) offsets_[++filled_] = bytes_.size();  // docids without a value: empty
  bytes_.append(v);
  offsets_[++filled_] = bytes_.size();
}

void StringColumn::finish() {
  while (filled_ + 1 < offsets_.size()) offsets_[++filled_] = bytes_.size();
  // Trimmed when much is spare, not for the room keep_prefix() left: at a
  // million products a column is tens of MiB, and each copy of it delays
  // serving a new generation.
  if (bytes_.capacity() > bytes_.size() + bytes_.size() / 8 + 4096) bytes_.shrink_to_fit();
}

void StringColumn::keep_prefix(const StringColumn& from, std::size_t kept, std::size_t n) {
  // offsets_[d + 1] is where d's value ends: kept docids need kept + 1 of them.
  const std::size_t offsets = std::min(kept + 1, from.offsets_.size());
  offsets_.assign(from.offsets_.begin(), from.offsets_.begin() + static_cast<std::ptrdiff_t>(offsets));
  if (offsets_.empty()) offsets_.push_back(0);
  // Room for the docids after the kept ones at twice the average value, so
  // appending them does not copy the column again.
  const std::size_t per_doc = offsets_.back() / std::max<std::size_t>(offsets_.size(), 1) + 1;
  bytes_.clear();
  bytes_.reserve(offsets_.back() + 2 * per_doc * (n + 1 - std::min(n + 1, offsets_.size())));
  bytes_.append(from.bytes_, 0, offsets_.back());
  filled_ = static_cast<Xapian::docid>(offsets_.size() - 1);
  offsets_.resize(n + 1, 0);
}

void InternedColumn::keep_prefix(const InternedColumn& from, std::size_t kept, std::size_t n) {
  kept = std::min(kept, from.index_.size());
  index_.assign(from.index_.begin(), from.index_.begin() + static_cast<std::ptrdiff_t>(kept));
  index_.resize(n, 0);
  values_ = from.values_;
  numbers_.clear();
  for (std::uint32_t i = 1; i < values_.size(); ++i) numbers_.emplace(values_[i], i);
}

void InternedColumn::set(Xapian::docid d, std::string_view v) {
  if (d >= index_.size() || v.empty()) return;
  auto [it, added] = numbers_.try_emplace(std::string(v), static_cast<std::uint32_t>(values_.size()));
  if (added) values_.emplace_back(v);
  index_[d] = it->second;
}

namespace {

// `from`'s values of the first `kept` docids, sized for `size`.
template <typename T>
std::vector<T> first_of(const std::vector<T>& from, std::size_t kept, std::size_t size) {
  std::vector<T> out(from.begin(), from.begin() + static_cast<std::ptrdiff_t>(std::min(kept, from.size())));
  out.resize(size, T{});
  return out;
}

// Each column keeps `from`'s values of the first `kept` docids and reads the
// rest from `db` as `layout` numbers them.
template <typename T>
void read_numbers(Xapian::Database& db, const IndexLayout& layout, Xapian::valueno slot, const std::vector<T>& from,
                  std::size_t kept, std::vector<T>& out, std::size_t size) {
  out = first_of(from, kept, size);
  layout.for_each_value(db, slot, [&](Xapian::docid d, const std::string& v) {
    out[d] = static_cast<T>(Xapian::sortable_unserialise(v));
  });
}

void read_strings(Xapian::Database& db, const IndexLayout& layout, Xapian::valueno slot, const StringColumn& from,
                  std::size_t kept, StringColumn& out, std::size_t size) {
  out.keep_prefix(from, kept, size);
  layout.for_each_value(db, slot, [&](Xapian::docid d, const std::string& v) { out.append(d, v); });
  out.finish();
}

void read_interned(Xapian::Database& db, const IndexLayout& layout, Xapian::valueno slot, const InternedColumn& from,
                   std::size_t kept, InternedColumn& out, std::size_t size) {
  out.keep_prefix(from, kept, size);
  layout.for_each_value(db, slot, [&](Xapian::docid d, const std::string& v) { out.set(d, v); });
  out.finish();
}

}  // namespace

std::vector<float> DocTable::block_maxima(const std::vector<float>& v) {
  std::vector<float> out((v.size() >> kBlockShift) + 1, 0.0f);
  for (std::size_t d = 0; d < v.size(); ++d) out[d >> kBlockShift] = std::max(out[d >> kBlockShift], v[d]);
  return out;
}

Result<DocTable> DocTable::build(Xapian::Database& db, const IndexLayout& layout) {
  static const DocTable kNone;
  return read(db, layout, kNone, 0, layout);
}

Result<DocTable> DocTable::extend(const DocTable& before, Xapian::Database& delta, const IndexLayout& layout) {
  const Xapian::docid base_last = layout.base_last_docid();
  return read(delta, IndexLayout::offset_by(base_last), before, base_last + 1, layout);
}

Result<DocTable> DocTable::read(Xapian::Database& db, const IndexLayout& read_as, const DocTable& from,
                                std::size_t kept, const IndexLayout& layout) {
  DocTable t;
  try {
    const std::size_t size = static_cast<std::size_t>(read_as.last_docid(db)) + 1;
    t.live_.reserve(from.live_.size() + db.get_doccount());
    for (Xapian::docid d : from.live_) {
      if (d < kept && !layout.hidden(d)) t.live_.push_back(d);
    }
    t.length_ = first_of(from.length_, kept, size);
    read_as.for_each_posting(db, "", [&](Xapian::docid d, Xapian::termcount, Xapian::termcount length) {
      t.live_.push_back(d);
      t.length_[d] = length;
    });
    double total_length = 0;
    for (Xapian::docid d : t.live_) total_length += t.length_[d];
    t.average_length_ = t.live_.empty() ? 0 : total_length / static_cast<double>(t.live_.size());
    read_numbers(db, read_as, index::kSlotPrior, from.prior_, kept, t.prior_, size);
    read_numbers(db, read_as, index::kSlotPopularity, from.popularity_, kept, t.popularity_, size);
    read_numbers(db, read_as, index::kSlotRating, from.rating_, kept, t.rating_, size);
    read_numbers(db, read_as, index::kSlotCreatedAt, from.created_at_, kept, t.created_at_, size);
    read_strings(db, read_as, index::kSlotId, from.ids_, kept, t.ids_, size);
    read_strings(db, read_as, index::kSlotName, from.names_, kept, t.names_, size);
    read_interned(db, read_as, index::kSlotBrandName, from.brand_names_, kept, t.brand_names_, size);
  } catch (const Xapian::Error& e) {
    return Status::DataLoss("reading document values: " + e.get_description());
  }
  t.block_max_prior_ = block_maxima(t.prior_);
  t.block_max_popularity_ = block_maxima(t.popularity_);
  for (const auto& name : t.brand_names_.values())  // stored normalised
    for (auto& w : text::split_words(name)) t.brand_words_.insert(std::move(w));
  return t;
}

std::unordered_map<std::string_view, Xapian::docid> DocTable::by_id() const {
  std::unordered_map<std::string_view, Xapian::docid> out;
  out.reserve(live_.size());
  for (Xapian::docid d : live_) out.emplace(id(d), d);
  return out;
}

}  // namespace ayc::search
