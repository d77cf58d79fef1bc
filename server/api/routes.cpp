#include "server/api/routes.h"

#include <chrono>

#include "common/text.h"
#include "server/api/algolia_handlers.h"
#include "server/api/openapi_document.h"
#include "server/api/recommendation_handlers.h"
#include "server/api/search_handlers.h"
#include "server/http/error_response.h"
#include "server/search_log/click_event.h"

namespace ayc::api {

namespace {

// The media type of the body, lower-cased, without parameters ("text/plain").
std::string media_type(const http::HttpRequest& req) {
  auto value = req.header("content-type");
  if (!value) return "";
  std::string type = text::ascii_lower(value->substr(0, value->find(';')));
  while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.pop_back();
  return type;
}

// "application/json", "application/json; charset=utf-8", "application/ld+json";
// and "text/plain", which is what navigator.sendBeacon() sends a string as (a
// type that needs no CORS preflight): the body must still be JSON.
bool is_click_content_type(const http::HttpRequest& req) {
  const std::string type = media_type(req);
  return type == "application/json" || type == "text/plain" ||
         (type.rfind("application/", 0) == 0 && type.size() > 17 && type.compare(type.size() - 5, 5, "+json") == 0);
}

Result<http::HttpResponse> healthz(const http::HttpRequest&, const http::PathParams&) {
  return http::HttpResponse::json(200, "{\"status\":\"ok\"}");
}

http::Handler readyz(const AppServices& services) {
  return [services](const http::HttpRequest&, const http::PathParams&) -> Result<http::HttpResponse> {
    if (Status ready = services.readiness ? services.readiness() : Status::Unavailable("not started"); !ready.ok()) {
      return ready;
    }
    std::string body = "{\"status\":\"ready\"";
    if (services.metrics != nullptr) {
      body += ",\"generation\":" + std::to_string(services.metrics->index().generation());
    }
    return http::HttpResponse::json(200, body + "}");
  };
}

// The served generation's in-memory posting lists (server/search/postings.h)
// and hit cards (server/search/hit_cards.h).
std::string postings_metrics(const search::IndexSnapshot& snap) {
  auto s = snap.postings().stats();
  std::string out;
  auto metric = [&](const char* name, const char* type, const char* help, std::uint64_t v) {
    out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n" + name + " " +
           std::to_string(v) + "\n";
  };
  metric("ayurvedacart_postings_cache_bytes", "gauge", "Posting lists held in memory for the served generation",
         s.bytes);
  metric("ayurvedacart_postings_cache_lists", "gauge", "Posting lists (terms and synonym groups) held in memory",
         s.terms);
  metric("ayurvedacart_postings_cache_hits_total", "counter", "Posting lists found in memory", s.hits);
  metric("ayurvedacart_postings_cache_misses_total", "counter", "Posting lists read from the index", s.misses);
  metric("ayurvedacart_postings_cache_evictions_total", "counter", "Posting lists dropped to stay within "
         "--postings-cache-mb", s.evictions);
  metric("ayurvedacart_hit_cards_bytes", "gauge", "What result pages show of every product, held in memory",
         snap.hit_cards().bytes());
  return out;
}

// Every bounded cache's entries and bytes: the served generation's engine
// caches and the rendered answers.
std::string cache_metrics(const search::IndexSnapshot* snap, const AnswerCache* answers) {
  std::string entries = "# HELP ayurvedacart_cache_entries Entries held by each cache\n"
                        "# TYPE ayurvedacart_cache_entries gauge\n";
  std::string bytes = "# HELP ayurvedacart_cache_bytes Bytes charged to each cache (bounded by --engine-cache-mb "
                      "and --response-cache-mb)\n# TYPE ayurvedacart_cache_bytes gauge\n";
  auto add = [&](const char* name, auto stats) {
    entries += std::string("ayurvedacart_cache_entries{cache=\"") + name + "\"} " + std::to_string(stats.entries) + "\n";
    bytes += std::string("ayurvedacart_cache_bytes{cache=\"") + name + "\"} " + std::to_string(stats.bytes) + "\n";
  };
  if (answers != nullptr) add("answers", answers->stats());
  if (snap != nullptr) {
    const search::GenerationCaches& c = snap->caches();
    add("products", c.products.stats());
    add("slugs", c.slugs.stats());
    add("lists", c.lists.stats());
    add("facets", c.facets.stats());
    add("text_groups", c.text_groups.stats());
    add("joined_groups", c.joined_groups.stats());
    add("readings", c.readings.stats());
    add("spellings", c.spellings.stats());
    add("prefixes", c.prefixes.stats());
    add("ranked", c.ranked.stats());
  }
  return entries + bytes;
}

http::Handler metrics(const AppServices& services) {
  return [services](const http::HttpRequest&, const http::PathParams&) -> Result<http::HttpResponse> {
    if (services.metrics == nullptr) return Status::FailedPrecondition("metrics are not enabled");
    std::string body = services.metrics->render(std::chrono::system_clock::now());
    auto snap = services.index != nullptr ? services.index->current() : nullptr;
    if (snap) body += postings_metrics(*snap);
    body += cache_metrics(snap.get(), services.answers);
    return http::HttpResponse::text(200, http::HttpResponse::kPrometheus, body);
  };
}

http::Handler click(const AppServices& services) {
  return [services](const http::HttpRequest& req, const http::PathParams&) -> Result<http::HttpResponse> {
    if (!is_click_content_type(req)) {
      return http::failure_response(http::HttpFailure::kUnsupportedMediaType,
                                    "body must be JSON, sent as Content-Type: application/json (or text/plain, as "
                                    "navigator.sendBeacon sends a string)");
    }
    AYC_ASSIGN_OR_RETURN(auto event, search_log::parse_click_event(req.body));
    if (services.search_log == nullptr) return Status::FailedPrecondition("click recording is not enabled");
    if (!services.search_log->record_click(std::move(event))) {
      return Status::Unavailable("the click could not be recorded; try again later");
    }
    return http::HttpResponse::no_content();
  };
}

// The storefront routes: search and autocomplete (search_handlers.h),
// recommendations (recommendation_handlers.h).
void register_domain_routes(http::Router& router, const AppServices& services) {
  if (services.index == nullptr) return;  // a platform-only server (tests)
  SearchServices search{services.index, services.search_log, services.answers};
  router.add("GET", "/search", search_handler(search));
  router.add("GET", "/autocomplete", autocomplete_handler(search));
  // InstantSearch and the Algolia clients (algolia_handlers.h).
  router.add("POST", "/1/indexes/*/queries", algolia_multi_query_handler(search));
  router.add("POST", "/1/indexes/{index}/query", algolia_single_query_handler(search));
  router.add("GET", "/products/{id}/related", related_handler(services.index, services.answers));
  router.add("GET", "/users/{id}/recommendations", user_recommendations_handler(services.index));
  router.add("GET", "/recommendations/trending", trending_handler(services.index, services.answers));
}

}  // namespace

void register_routes(http::Router& router, const AppServices& services, Listener listener) {
  router.add("GET", "/healthz", healthz);
  router.add("GET", "/readyz", readyz(services));
  if (listener != Listener::kPublic) router.add("GET", "/metrics", metrics(services));
  if (listener == Listener::kAdmin) return;
  router.add("POST", "/events/click", click(services));
  router.add("GET", "/openapi.json", [](const http::HttpRequest&, const http::PathParams&) -> Result<http::HttpResponse> {
    return http::HttpResponse::json(200, std::string(openapi_document()));
  });
  register_domain_routes(router, services);
}

}  // namespace ayc::api
