#include "server/api/recommendation_handlers.h"

#include <algorithm>
#include <cstdio>

#include "common/json_text.h"
#include "common/uuid.h"
#include "index/feature_store.h"
#include "server/api/api_params.h"
#include "server/api/related_selection.h"
#include "server/http/conditional.h"
#include "server/http/params.h"

namespace ayc::api {

namespace {

using index::FeatureStore;

ProductLookup lookup_in(const search::IndexSnapshot& snap) {
  return [&snap](const std::string& id) -> search::ProductPtr {
    auto p = snap.product(id);
    return p.ok() ? *p : nullptr;
  };
}

Result<search::ProductPtr> resolve_product(const search::IndexSnapshot& snap, std::string_view id_or_slug) {
  std::string id(id_or_slug);
  if (!is_uuid(id)) {
    AYC_ASSIGN_OR_RETURN(auto mapped, snap.id_for_slug(id));
    if (!mapped.has_value()) return Status::NotFound("no product with id or slug '" + id + "'");
    id = *mapped;
  }
  id = lowercase_uuid(id);
  AYC_ASSIGN_OR_RETURN(auto p, snap.product(id));
  if (!p) return Status::NotFound("no product with id or slug '" + std::string(id_or_slug) + "'");
  return p;
}

std::string score_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  return buf;
}

void append_money(std::string& o, const char* key, double amount_in_base, const search::CurrencyTable& fx,
                  const std::string& currency) {
  o += key;
  o += "{\"amount\":";
  text::append_json_number(o, fx.from_base(amount_in_base, currency).value_or(amount_in_base));
  o += ",\"currency\":" + text::json_quote(currency) + "}";
}

// What a widget needs to draw a product's tile, prices in `currency` and
// stock for `country` (anywhere when empty): no second request per product.
// The object is left open for the caller's fields.
void append_card(std::string& o, const features::ProductFeatures& p, const search::CurrencyTable& fx,
                 const std::string& currency, const std::string& country) {
  o += "{\"id\":" + text::json_quote(p.id) + ",\"slug\":" + text::json_quote(p.slug) +
       ",\"name\":" + text::json_quote(p.name) + ",\"brand\":" + text::json_quote(p.brand_name);
  o += ",\"image_url\":" + (p.image_url.empty() ? std::string("null") : text::json_quote(p.image_url));
  append_money(o, ",\"price\":", p.price, fx, currency);
  if (p.mrp > p.price) {
    append_money(o, ",\"compare_at_price\":", p.mrp, fx, currency);
  } else {
    o += ",\"compare_at_price\":null";
  }
  o += ",\"rating\":";
  text::append_json_number(o, p.rating);
  o += ",\"review_count\":" + std::to_string(p.review_count);
  o += p.in_stock_in(country) ? ",\"in_stock\":true" : ",\"in_stock\":false";
}

std::string items_json(const std::vector<SelectedItem>& items, const search::CurrencyTable& fx,
                       const std::string& currency, const std::string& country) {
  std::string o = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& it = items[i];
    if (i) o += ',';
    append_card(o, *it.product, fx, currency, country);
    o += ",\"score\":" + score_text(it.score) + ",\"source\":" + text::json_quote(it.source) + "}";
  }
  return o + "]";
}

using Items = std::vector<features::ScoredItem>;

// A list read (through the generation's list cache) only if the selection gets to it.
CandidateList lazy_list(const search::IndexSnapshot& snap, std::string source, FeatureStore::Family family,
                        std::string key) {
  return {std::move(source), [&snap, family, key = std::move(key)] { return snap.scored_list(family, key); }};
}

// The store's trending products, then its best sellers: what fills a list for
// a shopper the lists before know nothing about.
void add_store_lists(const search::IndexSnapshot& snap, std::vector<CandidateList>& lists) {
  lists.push_back(lazy_list(snap, "trending", FeatureStore::Family::kRelated, FeatureStore::related_key("global", "trending")));
  lists.push_back(lazy_list(snap, "best_sellers", FeatureStore::Family::kRelated,
                            FeatureStore::related_key("global", "best_sellers")));
}

std::vector<CandidateList> fallbacks(const search::IndexSnapshot& snap, const features::ProductFeatures& p) {
  std::vector<CandidateList> lists;
  for (const auto& slug : p.category_slugs) {
    lists.push_back(lazy_list(snap, "category_best_sellers", FeatureStore::Family::kRelated,
                              FeatureStore::related_key("cat:" + slug, "best_sellers")));
  }
  lists.push_back(lazy_list(snap, "best_sellers", FeatureStore::Family::kRelated,
                            FeatureStore::related_key("global", "best_sellers")));
  return lists;
}

}  // namespace

http::Handler related_handler(search::SnapshotHolder* index, const AnswerCache* answers) {
  return [index, answers](const http::HttpRequest& req, const http::PathParams& path) -> Result<http::HttpResponse> {
    AYC_ASSIGN_OR_RETURN(auto kind, http::param_enum(req, "kind", {"similar", "bought_together"}, "bought_together"));
    AYC_ASSIGN_OR_RETURN(auto limit, param_int(req, "limit", 10, 1, 50));
    AYC_ASSIGN_OR_RETURN(auto country, country_param(req));
    auto snapshot = index->current();
    if (!snapshot) return Status::Unavailable("no index generation is loaded yet; try again shortly");
    const search::IndexSnapshot& snap = *snapshot;
    AYC_ASSIGN_OR_RETURN(auto currency, currency_param(req, snap.currencies()));
    const std::string etag = generation_etag(snap);
    if (http::none_match(req, etag)) return http::not_modified(etag, kGenerationCacheControl);
    // A product page's widget is the same for every shopper of a country
    // until the next generation: rendered once.
    // Ids in any case name one product: one entry (slugs are exact, and only found ones are cached).
    const std::string id_part = is_uuid(path.get("id")) ? lowercase_uuid(path.get("id")) : std::string(path.get("id"));
    const std::string key = AnswerCache::key(snap, {"related", kind, std::to_string(limit), country, currency, id_part});
    if (answers != nullptr) {
      if (auto cached = answers->get(key)) return generation_answer(*cached, etag);
    }
    AYC_ASSIGN_OR_RETURN(auto found, resolve_product(snap, path.get("id")));
    const features::ProductFeatures& product = *found;

    std::vector<CandidateList> lists;
    lists.push_back(lazy_list(snap, kind, FeatureStore::Family::kRelated, FeatureStore::related_key(product.id, kind)));
    if (kind == "bought_together") {
      lists.push_back(lazy_list(snap, "similar", FeatureStore::Family::kRelated,
                                FeatureStore::related_key(product.id, "similar")));
    }
    for (auto& l : fallbacks(snap, product)) lists.push_back(std::move(l));
    SelectionRules rules;
    rules.limit = static_cast<std::size_t>(limit);
    rules.country = country;
    rules.exclude_id = product.id;
    auto items = select_items(lists, lookup_in(snap), rules);
    // The product itself as a card too: a product page needs no other request.
    std::string body = "{\"product\":";
    append_card(body, product, snap.currencies(), currency, country);
    body += "},\"kind\":" + text::json_quote(kind) + ",\"items\":" + items_json(items, snap.currencies(), currency, country) + "}";
    if (answers != nullptr) answers->put(key, body);
    return generation_answer(std::move(body), etag);
  };
}

namespace {

// The candidate lists of one kind for a known user (`for_you_raw` is their
// entry, the for_you list): for_you, then the store's trending and best
// sellers; buy_again alone, no fallbacks (nothing to rebuy is an empty list).
std::vector<CandidateList> user_lists(const search::IndexSnapshot& snap, const std::string& user_id,
                                     const std::string& kind, Items for_you_items) {
  std::vector<CandidateList> lists;
  if (kind == "buy_again") {
    lists.push_back(lazy_list(snap, "buy_again", FeatureStore::Family::kUsers,
                              FeatureStore::user_list_key(user_id, "buy_again")));
    return lists;
  }
  auto for_you = std::make_shared<const Items>(std::move(for_you_items));
  lists.push_back({"for_you", [for_you] { return for_you; }});
  add_store_lists(snap, lists);
  return lists;
}

}  // namespace

http::Handler user_recommendations_handler(search::SnapshotHolder* index) {
  return [index](const http::HttpRequest& req, const http::PathParams& path) -> Result<http::HttpResponse> {
    AYC_ASSIGN_OR_RETURN(auto kind, http::param_enum(req, "kind", {"for_you", "buy_again"}, "for_you"));
    AYC_ASSIGN_OR_RETURN(auto limit, param_int(req, "limit", 10, 1, 50));
    AYC_ASSIGN_OR_RETURN(auto country, country_param(req));
    if (!is_uuid(path.get("id"))) return Status::InvalidArgument("path parameter 'id' must be a user UUID");
    const std::string user_id = lowercase_uuid(path.get("id"));
    auto snapshot = index->current();
    if (!snapshot) return Status::Unavailable("no index generation is loaded yet; try again shortly");
    const search::IndexSnapshot& snap = *snapshot;
    AYC_ASSIGN_OR_RETURN(auto currency, currency_param(req, snap.currencies()));
    // Every user has an entry (their for_you list, empty without purchases).
    auto entry = snap.features().scored_list(FeatureStore::Family::kUsers, user_id);
    if (!entry.ok() && entry.status().code() != StatusCode::kDataLoss) return entry.status();
    if (entry.ok() && !entry->has_value()) return Status::NotFound("no user with id '" + user_id + "'");
    auto lists = user_lists(snap, user_id, kind, entry.ok() ? std::move(**entry) : Items{});
    SelectionRules rules;
    rules.limit = static_cast<std::size_t>(limit);
    rules.country = country;
    // A refill shelf shows the customer's own products, whatever their brands.
    if (kind == "buy_again") rules.max_per_brand = rules.limit;
    auto items = select_items(lists, lookup_in(snap), rules);
    return http::HttpResponse::json(200, "{\"user_id\":" + text::json_quote(user_id) + ",\"kind\":" +
                                          text::json_quote(kind) + ",\"items\":" +
                                          items_json(items, snap.currencies(), currency, country) + "}");
  };
}

namespace {

// A category slug as the catalogue writes them: lower-case letters, digits and '-'.
bool is_slug(std::string_view s) {
  return !s.empty() && s.size() <= 100 && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

}  // namespace

http::Handler trending_handler(search::SnapshotHolder* index, const AnswerCache* answers) {
  return [index, answers](const http::HttpRequest& req, const http::PathParams&) -> Result<http::HttpResponse> {
    AYC_ASSIGN_OR_RETURN(auto limit, param_int(req, "limit", 10, 1, 50));
    AYC_ASSIGN_OR_RETURN(auto country, country_param(req));
    AYC_ASSIGN_OR_RETURN(auto category_param, http::param_string(req, "category", 100));
    const std::string category(category_param.value_or(""));
    if (!category.empty() && !is_slug(category)) {
      return Status::InvalidArgument("parameter 'category' must be a category slug (a-z, 0-9 and '-')");
    }
    auto snapshot = index->current();
    if (!snapshot) return Status::Unavailable("no index generation is loaded yet; try again shortly");
    const search::IndexSnapshot& snap = *snapshot;
    AYC_ASSIGN_OR_RETURN(auto currency, currency_param(req, snap.currencies()));
    const std::string etag = generation_etag(snap);
    if (http::none_match(req, etag)) return http::not_modified(etag, kGenerationCacheControl);
    const std::string key = AnswerCache::key(snap, {"trending", std::to_string(limit), country, currency, category});
    if (answers != nullptr) {
      if (auto cached = answers->get(key)) return generation_answer(*cached, etag);
    }
    std::vector<CandidateList> lists;
    if (!category.empty()) {
      lists.push_back(lazy_list(snap, "category_trending", FeatureStore::Family::kRelated,
                                FeatureStore::related_key("cat:" + category, "trending")));
      lists.push_back(lazy_list(snap, "category_best_sellers", FeatureStore::Family::kRelated,
                                FeatureStore::related_key("cat:" + category, "best_sellers")));
    }
    add_store_lists(snap, lists);
    SelectionRules rules;
    rules.limit = static_cast<std::size_t>(limit);
    rules.country = country;
    auto items = select_items(lists, lookup_in(snap), rules);
    std::string body = "{\"category\":" + (category.empty() ? std::string("null") : text::json_quote(category)) +
                       ",\"items\":" + items_json(items, snap.currencies(), currency, country) + "}";
    if (answers != nullptr) answers->put(key, body);
    return generation_answer(std::move(body), etag);
  };
}

}  // namespace ayc::api
