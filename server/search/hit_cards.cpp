#include "server/search/hit_cards.h"

#include <algorithm>
#include <unordered_map>

#include "index/features.h"

namespace ayc::search {

Result<HitCards> HitCards::build(const index::FeatureStore& store, const DocTable& docs) {
  return build(store, docs, docs.by_id());
}

Result<HitCards> HitCards::build(const index::FeatureStore& store, const DocTable& docs,
                                 const std::unordered_map<std::string_view, Xapian::docid>& docid_of) {
  const Xapian::docid last = docs.live().empty() ? 0 : docs.live().back();
  HitCards cards;
  auto text = std::make_shared<std::string>();
  cards.start_.assign(last + 1, 0);
  cards.ends_.assign(last + 1, Ends{});
  cards.numbers_.assign(last + 1, Numbers{});
  Status bad;
  Status scanned = store.for_each(index::FeatureStore::Family::kProducts, [&](std::string_view key, std::string_view v) {
    auto it = docid_of.find(key);
    if (it == docid_of.end()) return true;  // not searchable (inactive, discontinued)
    auto p = features::decode_product(v);
    if (!p) {
      bad = Status::DataLoss("undecodable product " + std::string(key) + " in the feature store: reindex");
      return false;
    }
    cards.add(it->second, *p, *text, 0);
    return true;
  });
  AYC_RETURN_IF_ERROR(scanned);
  AYC_RETURN_IF_ERROR(bad);
  text->shrink_to_fit();
  cards.base_text_ = std::move(text);
  return cards;
}

Result<HitCards> HitCards::extend(const HitCards& before, const index::FeatureStore& store, const DocTable& docs,
                                  Xapian::docid base_last) {
  const auto& live = docs.live();
  const Xapian::docid last = live.empty() ? 0 : live.back();
  HitCards cards;
  const auto kept = static_cast<std::ptrdiff_t>(std::min<std::size_t>(base_last + 1, before.ends_.size()));
  cards.start_.assign(before.start_.begin(), before.start_.begin() + kept);
  cards.ends_.assign(before.ends_.begin(), before.ends_.begin() + kept);
  cards.numbers_.assign(before.numbers_.begin(), before.numbers_.begin() + kept);
  cards.start_.resize(std::max<std::size_t>(last + 1, kept), 0);
  cards.ends_.resize(cards.start_.size(), Ends{});
  cards.numbers_.resize(cards.start_.size(), Numbers{});
  // The base's records are shared, not copied; the delta's are read again.
  cards.base_text_ = before.base_text_;
  const std::size_t base = cards.base_text_ ? cards.base_text_->size() : 0;
  for (auto it = std::upper_bound(live.begin(), live.end(), base_last); it != live.end(); ++it) {
    AYC_ASSIGN_OR_RETURN(auto p, store.product(docs.id(*it)));
    if (p.has_value()) cards.add(*it, *p, cards.delta_text_, base);
  }
  return cards;
}

void HitCards::add(Xapian::docid d, const features::ProductFeatures& p, std::string& text, std::size_t offset) {
  const std::size_t start = text.size();
  start_[d] = offset + start;
  Ends& ends = ends_[d];
  int i = 0;
  for (const std::string* field : {&p.slug, &p.name, &p.brand_name, &p.short_description, &p.image_url}) {
    text += *field;
    ends[i++] = static_cast<std::uint32_t>(text.size() - start);
    text += '\0';
  }
  bool first = true;
  for (const auto& [country, units] : p.stock_by_country) {
    if (units <= 0) continue;
    if (!first) text += ' ';
    text += country;
    first = false;
  }
  // Never 0, even for a product with empty texts: it has the separators.
  ends[kFields - 1] = static_cast<std::uint32_t>(text.size() - start);
  numbers_[d] = Numbers{p.price, p.mrp, p.rating, p.review_count};
}

std::string_view HitCards::field(Xapian::docid d, int i) const {
  const Ends& ends = ends_[d];
  const std::uint32_t begin = i == 0 ? 0 : ends[i - 1] + 1;  // after the previous field's NUL
  return record_text(d).substr(begin, ends[i] - begin);
}

HitCard HitCards::at(Xapian::docid d) const {
  HitCard card;
  if (!has(d)) return card;
  card.present = true;
  card.slug = field(d, 0);
  card.name = field(d, 1);
  card.brand_name = field(d, 2);
  card.short_description = field(d, 3);
  card.image_url = field(d, 4);
  const Numbers& n = numbers_[d];
  card.price = n.price;
  card.mrp = n.mrp;
  card.rating = n.rating;
  card.review_count = n.review_count;
  return card;
}

bool HitCards::in_stock_in(Xapian::docid d, std::string_view country) const {
  if (!has(d)) return false;
  std::string_view rest = field(d, kFields - 1);
  if (country.empty()) return !rest.empty();  // units are never negative: in stock somewhere
  while (!rest.empty()) {
    std::size_t space = rest.find(' ');
    if (rest.substr(0, space) == country) return true;
    rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
  }
  return false;
}

std::size_t HitCards::bytes() const {
  return (base_text_ ? base_text_->capacity() : 0) + delta_text_.capacity() +
         start_.capacity() * sizeof(std::uint64_t) + ends_.capacity() * sizeof(Ends) +
         numbers_.capacity() * sizeof(Numbers);
}

}  // namespace ayc::search
