#include "index/features.h"

#include "index/binary_codec.h"

namespace ayc::features {

bool ProductFeatures::in_stock_in(std::string_view country) const {
  if (country.empty()) return in_stock();
  for (const auto& [cc, units] : stock_by_country)
    if (cc == country) return units > 0;
  return false;
}

const char* suggestion_kind_name(SuggestionKind kind) {
  switch (kind) {
    case SuggestionKind::kProduct: return "product";
    case SuggestionKind::kBrand: return "brand";
    case SuggestionKind::kCategory: return "category";
    case SuggestionKind::kIngredient: return "ingredient";
    case SuggestionKind::kQuery: return "query";
  }
  return "product";
}

std::string encode_product(const ProductFeatures& p) {
  codec::Writer w;
  w.u8(kProductEncodingVersion);
  for (const std::string* s : {&p.id, &p.slug, &p.sku, &p.name, &p.brand_name, &p.brand_slug,
                               &p.short_description, &p.form, &p.type, &p.image_url, &p.status}) {
    w.str(*s);
  }
  w.f64(p.price);
  w.f64(p.mrp);
  w.f64(p.rating);
  w.varint(p.review_count);
  w.f64(p.popularity);
  w.u8(p.prescription_required ? 1 : 0);
  w.varint(static_cast<std::uint64_t>(p.created_at));
  w.varint(p.category_slugs.size());
  for (const auto& c : p.category_slugs) w.str(c);
  w.varint(p.stock_by_country.size());
  for (const auto& [cc, units] : p.stock_by_country) {
    w.str(cc);
    w.varint(static_cast<std::uint64_t>(units < 0 ? 0 : units));
  }
  return w.take();
}

std::optional<ProductFeatures> decode_product(std::string_view bytes) {
  codec::Reader r(bytes);
  if (r.u8() != kProductEncodingVersion) return std::nullopt;
  ProductFeatures p;
  for (std::string* s : {&p.id, &p.slug, &p.sku, &p.name, &p.brand_name, &p.brand_slug,
                         &p.short_description, &p.form, &p.type, &p.image_url, &p.status}) {
    *s = r.str();
  }
  p.price = r.f64();
  p.mrp = r.f64();
  p.rating = r.f64();
  p.review_count = static_cast<std::uint32_t>(r.varint());
  p.popularity = r.f64();
  p.prescription_required = r.u8() != 0;
  p.created_at = static_cast<std::int64_t>(r.varint());
  std::uint64_t ncat = r.varint();
  for (std::uint64_t i = 0; i < ncat && r.ok(); ++i) p.category_slugs.push_back(r.str());
  std::uint64_t nstock = r.varint();
  for (std::uint64_t i = 0; i < nstock && r.ok(); ++i) {
    std::string cc = r.str();
    int units = static_cast<int>(r.varint());
    p.total_stock += units;
    p.stock_by_country.emplace_back(std::move(cc), units);
  }
  if (!r.ok() || !r.at_end()) return std::nullopt;
  return p;
}

std::string encode_compact_list(const std::vector<CompactItem>& items) {
  codec::Writer w;
  w.reserve(2 + items.size() * 8);
  w.u8(kCompactListEncodingVersion);
  w.varint(items.size());
  for (const auto& it : items) {
    w.varint(it.ordinal);
    w.f32(it.score);
  }
  return w.take();
}

std::optional<std::vector<ScoredItem>> decode_compact_list(std::string_view bytes,
                                                           const std::vector<std::string>& ids) {
  codec::Reader r(bytes);
  if (r.u8() != kCompactListEncodingVersion) return std::nullopt;
  std::uint64_t n = r.varint();
  if (!r.ok() || n > bytes.size()) return std::nullopt;  // every entry takes at least 5 bytes
  std::vector<ScoredItem> out;
  out.reserve(n);
  for (std::uint64_t i = 0; i < n && r.ok(); ++i) {
    std::uint64_t ordinal = r.varint();
    float score = r.f32();
    if (!r.ok() || ordinal >= ids.size()) return std::nullopt;
    out.push_back({ids[ordinal], score});
  }
  if (!r.ok() || !r.at_end()) return std::nullopt;
  return out;
}

std::string encode_product_ordinals(const std::vector<std::string>& ids) {
  codec::Writer w;
  w.u8(kProductOrdinalsEncodingVersion);
  w.varint(ids.size());
  for (const auto& id : ids) w.str(id);
  return w.take();
}

std::optional<std::vector<std::string>> decode_product_ordinals(std::string_view bytes) {
  codec::Reader r(bytes);
  if (r.u8() != kProductOrdinalsEncodingVersion) return std::nullopt;
  std::uint64_t n = r.varint();
  if (!r.ok() || n > bytes.size()) return std::nullopt;  // every id takes at least 1 byte
  std::vector<std::string> ids;
  ids.reserve(n);
  for (std::uint64_t i = 0; i < n && r.ok(); ++i) ids.push_back(r.str());
  if (!r.ok() || !r.at_end()) return std::nullopt;
  return ids;
}

std::string encode_suggestion(const Suggestion& s) {
  codec::Writer w;
  w.u8(kSuggestionEncodingVersion);
  w.str(s.text);
  w.u8(static_cast<std::uint8_t>(s.kind));
  w.str(s.slug);
  w.f64(s.weight);
  w.varint(s.keys.size());
  for (const auto& k : s.keys) w.str(k);
  return w.take();
}

std::optional<Suggestion> decode_suggestion(std::string_view bytes) {
  codec::Reader r(bytes);
  if (r.u8() != kSuggestionEncodingVersion) return std::nullopt;
  Suggestion s;
  s.text = r.str();
  std::uint8_t kind = r.u8();
  if (kind > static_cast<std::uint8_t>(SuggestionKind::kQuery)) return std::nullopt;
  s.kind = static_cast<SuggestionKind>(kind);
  s.slug = r.str();
  s.weight = r.f64();
  std::uint64_t n = r.varint();
  for (std::uint64_t i = 0; i < n && r.ok(); ++i) s.keys.push_back(r.str());
  if (!r.ok() || !r.at_end()) return std::nullopt;
  return s;
}

}  // namespace ayc::features
