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

void StringColumn::keep_prefix(const StringColumn& from, Xapian::docid last, std::size_t n) {
  const std::size_t kept = std::min<std::size_t>(static_cast<std::size_t>(last) + 2, from.offsets_.size());
  offsets_.assign(from.offsets_.begin(), from.offsets_.begin() + static_cast<std::ptrdiff_t>(kept));
  bytes_.assign(from.bytes_, 0, kept == 0 ? 0 : offsets_.back());
  filled_ = kept == 0 ? 0 : static_cast<Xapian::docid>(kept - 1);
  if (offsets_.empty()) offsets_.push_back(0);
  offsets_.resize(n + 1, 0);
}

void InternedColumn::keep_prefix(const InternedColumn& from, Xapian::docid last, std::size_t n) {
  const std::size_t kept = std::min<std::size_t>(static_cast<std::size_t>(last) + 1, from.index_.size());
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
    read_strings(db, layout, index::kSlotId, t.ids_, size);
    read_strings(db, layout, index::kSlotName, t.names_, size);
    read_interned(db, layout, index::kSlotBrandName, t.brand_names_, size);
  } catch (const Xapian::Error& e) {
    return Status::DataLoss("reading document values: " + e.get_description());
  }
  t.finish_build();
  return t;
}

Result<DocTable> DocTable::extend(const DocTable& before, Xapian::Database& delta, const IndexLayout& layout) {
  const Xapian::docid base_last = layout.base_last_docid();
  DocTable t;
  try {
    const std::size_t size = static_cast<std::size_t>(base_last) + delta.get_lastdocid() + 1;
    auto keep = [&](auto& out, const auto& in) {
      out.assign(in.begin(), in.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(in.size(), base_last + 1)));
      out.resize(size, 0);
    };
    t.live_.reserve(before.live_.size() + delta.get_doccount());
    for (Xapian::docid d : before.live_) {
      if (d <= base_last && !layout.hidden(d)) t.live_.push_back(d);
    }
    keep(t.length_, before.length_);
    for (auto it = delta.postlist_begin(""); it != delta.postlist_end(""); ++it) {
      t.live_.push_back(base_last + *it);
      t.length_[base_last + *it] = it.get_doclength();
    }
    double total_length = 0;
    for (Xapian::docid d : t.live_) total_length += t.length_[d];
    t.average_length_ = t.live_.empty() ? 0 : total_length / static_cast<double>(t.live_.size());
    const IndexLayout delta_alone = IndexLayout::offset_by(base_last);
    auto numbers = [&](Xapian::valueno slot, auto& out, const auto& in) {
      keep(out, in);
      delta_alone.for_each_value(delta, slot, [&](Xapian::docid d, const std::string& v) {
        out[d] = static_cast<typename std::decay_t<decltype(out)>::value_type>(Xapian::sortable_unserialise(v));
      });
    };
    numbers(index::kSlotPrior, t.prior_, before.prior_);
    numbers(index::kSlotPopularity, t.popularity_, before.popularity_);
    numbers(index::kSlotRating, t.rating_, before.rating_);
    numbers(index::kSlotCreatedAt, t.created_at_, before.created_at_);
    t.ids_.keep_prefix(before.ids_, base_last, size);
    delta_alone.for_each_value(delta, index::kSlotId, [&](Xapian::docid d, const std::string& v) { t.ids_.append(d, v); });
    t.ids_.finish();
    t.names_.keep_prefix(before.names_, base_last, size);
    delta_alone.for_each_value(delta, index::kSlotName, [&](Xapian::docid d, const std::string& v) { t.names_.append(d, v); });
    t.names_.finish();
    t.brand_names_.keep_prefix(before.brand_names_, base_last, size);
    delta_alone.for_each_value(delta, index::kSlotBrandName, [&](Xapian::docid d, const std::string& v) { t.brand_names_.set(d, v); });
    t.brand_names_.finish();
  } catch (const Xapian::Error& e) {
    return Status::DataLoss("reading the delta's document values: " + e.get_description());
  }
  t.finish_build();
  return t;
}

std::unordered_map<std::string_view, Xapian::docid> DocTable::by_id() const {
  std::unordered_map<std::string_view, Xapian::docid> out;
  out.reserve(live_.size());
  for (Xapian::docid d : live_) out.emplace(id(d), d);
  return out;
}

void DocTable::finish_build() {
  block_max_prior_ = block_maxima(prior_);
  block_max_popularity_ = block_maxima(popularity_);
  for (const auto& name : brand_names_.values())  // stored normalised
    for (auto& w : text::split_words(name)) brand_words_.insert(std::move(w));
}

}  // namespace ayc::search
