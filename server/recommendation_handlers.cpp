#include "server/recommendation_handlers.h"

#include <cstdio>

#include "indexer/feature_store.h"
#include "server/json_text.h"
#include "server/params.h"
#include "server/related_selection.h"
#include "server/uuid.h"
#include "common/countries.h"

namespace ayc::server {

namespace {

using indexer::FeatureStore;

std::vector<features::ScoredItem> list_at(const FeatureStore& store, FeatureStore::Family family,
                                          const std::string& key) {
  auto raw = store.get(family, key);
  if (!raw.ok() || !raw->has_value()) return {};
  return features::decode_scored_list(**raw).value_or(std::vector<features::ScoredItem>{});
}

ProductLookup lookup_in(const FeatureStore& store) {
  return [&store](const std::string& id) -> std::optional<features::ProductFeatures> {
    auto p = store.product(id);
    if (!p.ok() || !p->has_value()) return std::nullopt;
    return std::move(**p);
  };
}

Result<features::ProductFeatures> resolve_product(const FeatureStore& store, std::string_view id_or_slug) {
  std::string id(id_or_slug);
  if (!is_uuid(id)) {
    auto mapped = store.id_for_slug(id);
    if (!mapped.ok()) return mapped.status();
    if (!mapped->has_value()) return Status::NotFound("no product with id or slug '" + id + "'");
    id = **mapped;
  }
  for (char& c : id)
    if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');
  auto p = store.product(id);
  if (!p.ok()) return p.status();
  if (!p->has_value()) return Status::NotFound("no product with id or slug '" + std::string(id_or_slug) + "'");
  return std::move(**p);
}

Result<std::string> country_param(const HttpRequest& req) {
  auto country = param_string(req, "country", 60);
  if (!country.ok()) return country.status();
  if (!country->has_value() || (*country)->empty()) return std::string();
  auto code = country_code(**country);
  if (!code) return Status::InvalidArgument("parameter 'country' must be an ISO 3166 code like IN or US");
  return *code;
}

std::string score_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  return buf;
}

std::string items_json(const std::vector<SelectedItem>& items) {
  std::string o = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& it = items[i];
    if (i) o += ',';
    o += "{\"id\":" + json_quote(it.product.id) + ",\"slug\":" + json_quote(it.product.slug) +
         ",\"name\":" + json_quote(it.product.name) + ",\"score\":" + score_text(it.score) +
         ",\"source\":" + json_quote(it.source) + "}";
  }
  return o + "]";
}

std::vector<CandidateList> fallbacks(const FeatureStore& store, const features::ProductFeatures& p) {
  std::vector<CandidateList> lists;
  for (const auto& slug : p.category_slugs) {
    lists.push_back({"category_best_sellers", list_at(store, FeatureStore::Family::kRelated,
                                                      FeatureStore::related_key("cat:" + slug, "best_sellers"))});
  }
  lists.push_back({"best_sellers", list_at(store, FeatureStore::Family::kRelated,
                                           FeatureStore::related_key("global", "best_sellers"))});
  return lists;
}

}  // namespace

Handler related_handler(search::SnapshotHolder* index) {
  return [index](const HttpRequest& req, const PathParams& path) -> Result<HttpResponse> {
    auto kind = param_enum(req, "kind", {"similar", "bought_together"}, "bought_together");
    if (!kind.ok()) return kind.status();
    auto limit = param_int(req, "limit", 10, 1, 50);
    if (!limit.ok()) return limit.status();
    auto country = country_param(req);
    if (!country.ok()) return country.status();
    auto snapshot = index->current();
    if (!snapshot) return Status::Unavailable("no index generation is loaded yet; try again shortly");
    const FeatureStore& store = snapshot->features();
    auto product = resolve_product(store, path.get("id"));
    if (!product.ok()) return product.status();

    std::vector<CandidateList> lists;
    lists.push_back({*kind, list_at(store, FeatureStore::Family::kRelated, FeatureStore::related_key(product->id, *kind))});
    if (*kind == "bought_together") {
      lists.push_back({"similar", list_at(store, FeatureStore::Family::kRelated,
                                          FeatureStore::related_key(product->id, "similar"))});
    }
    for (auto& l : fallbacks(store, *product)) lists.push_back(std::move(l));
    SelectionRules rules;
    rules.limit = static_cast<std::size_t>(*limit);
    rules.country = *country;
    rules.exclude_id = product->id;
    auto items = select_items(lists, lookup_in(store), rules);
    std::string body = "{\"product\":{\"id\":" + json_quote(product->id) + ",\"slug\":" + json_quote(product->slug) +
                       "},\"kind\":" + json_quote(*kind) + ",\"items\":" + items_json(items) + "}";
    return HttpResponse::json(200, body);
  };
}

Handler user_recommendations_handler(search::SnapshotHolder* index) {
  return [index](const HttpRequest& req, const PathParams& path) -> Result<HttpResponse> {
    auto limit = param_int(req, "limit", 10, 1, 50);
    if (!limit.ok()) return limit.status();
    auto country = country_param(req);
    if (!country.ok()) return country.status();
    std::string user_id(path.get("id"));
    if (!is_uuid(user_id)) return Status::InvalidArgument("path parameter 'id' must be a user UUID");
    for (char& c : user_id)
      if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');
    auto snapshot = index->current();
    if (!snapshot) return Status::Unavailable("no index generation is loaded yet; try again shortly");
    const FeatureStore& store = snapshot->features();
    auto raw = store.get(FeatureStore::Family::kUsers, user_id);
    if (!raw.ok()) return raw.status();
    if (!raw->has_value()) return Status::NotFound("no user with id '" + user_id + "'");
    std::vector<CandidateList> lists;
    lists.push_back({"for_you", features::decode_scored_list(**raw).value_or(std::vector<features::ScoredItem>{})});
    lists.push_back({"trending", list_at(store, FeatureStore::Family::kRelated, FeatureStore::related_key("global", "trending"))});
    lists.push_back({"best_sellers", list_at(store, FeatureStore::Family::kRelated,
                                             FeatureStore::related_key("global", "best_sellers"))});
    SelectionRules rules;
    rules.limit = static_cast<std::size_t>(*limit);
    rules.country = *country;
    auto items = select_items(lists, lookup_in(store), rules);
    return HttpResponse::json(200, "{\"user_id\":" + json_quote(user_id) + ",\"items\":" + items_json(items) + "}");
  };
}

}  // namespace ayc::server
