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
  bytes_.shrink_to_fit();
}

void InternedColumn::set(Xapian::docid d, std::string_view v) {
  if (d >= index_.size() || v.empty()) return;
  auto [it, added] = numbers_.try_emplace(std::string(v), static_cast<std::uint32_t>(values_.size()));
  if (added) values_.emplace_back(v);
  index_[d] = it->second;
}

namespace {

template <typename T>
void read_numbers(Xapian::Database& db, const IndexLayout& layout, Xapian::valueno slot, std::vector<T>& out,
                  std::size_t size) {
  out.assign(size, 0);
  layout.for_each_value(db, slot, [&](Xapian::docid d, const std::string& v) {
    out[d] = static_cast<T>(Xapian::sortable_unserialise(v));
  });
}

void read_strings(Xapian::Database& db, const IndexLayout& layout, Xapian::valueno slot, StringColumn& out,
                  std::size_t size) {
  out.resize(size);
  layout.for_each_value(db, slot, [&](Xapian::docid d, const std::string& v) { out.append(d, v); });
  out.finish();
}

void read_interned(Xapian::Database& db, const IndexLayout& layout, Xapian::valueno slot, InternedColumn& out,
                   std::size_t size) {
  out.resize(size);
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
  DocTable t;
  try {
    std::size_t size = static_cast<std::size_t>(layout.last_docid(db)) + 1;
    t.live_.reserve(db.get_doccount());
    t.length_.assign(size, 0);
    double total_length = 0;
    layout.for_each_posting(db, "", [&](Xapian::docid d, Xapian::termcount, Xapian::termcount length) {
      t.live_.push_back(d);
      t.length_[d] = length;
      total_length += length;
    });
    t.average_length_ = t.live_.empty() ? 0 : total_length / static_cast<double>(t.live_.size());
    read_numbers(db, layout, index::kSlotPrior, t.prior_, size);
    read_numbers(db, layout, index::kSlotPopularity, t.popularity_, size);
    read_numbers(db, layout, index::kSlotRating, t.rating_, size);
    read_numbers(db, layout, index::kSlotCreatedAt, t.created_at_, size);
    t.block_max_prior_ = block_maxima(t.prior_);
    t.block_max_popularity_ = block_maxima(t.popularity_);
    read_strings(db, layout, index::kSlotId, t.ids_, size);
    read_strings(db, layout, index::kSlotName, t.names_, size);
    read_interned(db, layout, index::kSlotBrandName, t.brand_names_, size);
  } catch (const Xapian::Error& e) {
    return Status::DataLoss("reading document values: " + e.get_description());
  }
  for (const auto& name : t.brand_names_.values())  // stored normalised
    for (auto& w : text::split_words(name)) t.brand_words_.insert(std::move(w));
  return t;
}

}  // namespace ayc::search
