#include "server/search/hit_cards.h"

#include <algorithm>
#include <unordered_map>

#include "indexer/features.h"

namespace ayc::search {

namespace {

// The next NUL-terminated field of `rest` (the whole rest for the last one).
std::string_view next_field(std::string_view& rest) {
  std::size_t end = rest.find('\0');
  std::string_view field = rest.substr(0, end);
  rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
  return field;
}

}  // namespace

Result<HitCards> HitCards::build(const indexer::FeatureStore& store, const DocTable& docs) {
  std::unordered_map<std::string_view, Xapian::docid> docid_of;
  docid_of.reserve(docs.live().size());
  Xapian::docid last = 0;
  for (Xapian::docid d : docs.live()) {
    docid_of.emplace(docs.id(d), d);
    last = std::max(last, d);
  }
  HitCards cards;
  cards.start_.assign(last + 1, 0);
  cards.length_.assign(last + 1, 0);
  cards.numbers_.assign(last + 1, Numbers{});
  Status bad;
  Status scanned = store.for_each(indexer::FeatureStore::Family::kProducts, [&](std::string_view key, std::string_view v) {
    auto it = docid_of.find(key);
    if (it == docid_of.end()) return true;  // not searchable (inactive, discontinued)
    auto p = features::decode_product(v);
    if (!p) {
      bad = Status::DataLoss("undecodable product " + std::string(key) + " in the feature store: reindex");
      return false;
    }
    const Xapian::docid d = it->second;
    cards.start_[d] = cards.text_.size();
    for (const std::string* field : {&p->slug, &p->name, &p->brand_name, &p->short_description}) {
      cards.text_ += *field;
      cards.text_ += '\0';
    }
    bool first = true;
    for (const auto& [country, units] : p->stock_by_country) {
      if (units <= 0) continue;
      if (!first) cards.text_ += ' ';
      cards.text_ += country;
      first = false;
    }
    cards.length_[d] = static_cast<std::uint32_t>(cards.text_.size() - cards.start_[d]);
    cards.numbers_[d] = Numbers{p->price, p->rating, p->review_count};
    return true;
  });
  AYC_RETURN_IF_ERROR(scanned);
  AYC_RETURN_IF_ERROR(bad);
  cards.text_.shrink_to_fit();
  return cards;
}

std::string_view HitCards::record(Xapian::docid d) const {
  if (d >= length_.size() || length_[d] == 0) return {};
  return std::string_view(text_).substr(start_[d], length_[d]);
}

HitCard HitCards::at(Xapian::docid d) const {
  HitCard card;
  std::string_view rest = record(d);
  if (rest.empty()) return card;
  card.present = true;
  card.slug = next_field(rest);
  card.name = next_field(rest);
  card.brand_name = next_field(rest);
  card.short_description = next_field(rest);
  const Numbers& n = numbers_[d];
  card.price = n.price;
  card.rating = n.rating;
  card.review_count = n.review_count;
  return card;
}

bool HitCards::in_stock_in(Xapian::docid d, std::string_view country) const {
  std::string_view rest = record(d);
  if (rest.empty()) return false;
  for (int i = 0; i < 4; ++i) next_field(rest);
  if (country.empty()) return !rest.empty();  // units are never negative: in stock somewhere
  while (!rest.empty()) {
    std::size_t space = rest.find(' ');
    if (rest.substr(0, space) == country) return true;
    rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
  }
  return false;
}

std::size_t HitCards::bytes() const {
  return text_.capacity() + start_.capacity() * sizeof(std::uint64_t) + length_.capacity() * sizeof(std::uint32_t) +
         numbers_.capacity() * sizeof(Numbers);
}

}  // namespace ayc::search
