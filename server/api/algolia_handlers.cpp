#include "server/api/algolia_handlers.h"

#include <algorithm>
#include <chrono>

#include "common/json_text.h"
#include "common/uuid.h"
#include "server/http/error_response.h"

namespace ayc::api {

namespace {

// How the search matched, in Algolia's terms where it has them: parsedQuery
// (the words searched, as corrected), queryAfterRemoval when words were left
// out (each in <em>, as removeWordsIfNoResults answers), and this engine's
// `match` (all, corrected, relaxed, phonetic, none), which the clients keep
// on their results object like any other field.
void append_how_matched(std::string& o, const search::SearchResult& r) {
  auto joined = [](const std::vector<std::string>& words, const std::vector<std::string>* dropped) {
    std::string out;
    for (const auto& w : words) {
      const bool removed = dropped && std::find(dropped->begin(), dropped->end(), w) != dropped->end();
      out += (out.empty() ? "" : " ") + (removed ? "<em>" + w + "</em>" : w);
    }
    return out;
  };
  o += ",\"parsedQuery\":";
  text::append_json_quoted(o, joined(r.matched_words, nullptr));
  if (r.match == search::MatchKind::kRelaxed || r.match == search::MatchKind::kNone) {
    o += ",\"queryAfterRemoval\":";
    text::append_json_quoted(o, joined(r.words, &r.dropped_words));
  }
  o += ",\"match\":\"";
  o += search::match_kind_name(r.match);
  o += '"';
}

constexpr std::uint64_t kMaxReachableHits = 10000;  // page * hitsPerPage stays within it

http::HttpResponse algolia_error(int status, const std::string& message) {
  return http::HttpResponse::json(status, "{\"message\":" + text::json_quote(message) +
                                              ",\"status\":" + std::to_string(status) + "}");
}

http::HttpResponse algolia_error(const Status& s) {
  return algolia_error(http::http_status_for(s.code()), s.message());
}

std::string html_unescape(std::string_view in) {
  static constexpr std::pair<std::string_view, char> kEntities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size();) {
    bool replaced = false;
    if (in[i] == '&') {
      for (const auto& [entity, c] : kEntities) {
        if (in.substr(i, entity.size()) == entity) {
          out += c;
          i += entity.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out += in[i++];
  }
  return out;
}

void append_highlight(std::string& o, std::string_view marked, std::string_view pre, std::string_view post,
                      std::size_t query_words) {
  const AlgoliaHighlight h = algolia_highlight(marked, pre, post);
  o += "{\"value\":";
  text::append_json_quoted(o, h.value);
  const char* level = h.matched_words.empty() ? "none" : h.matched_words.size() >= query_words ? "full" : "partial";
  o += std::string(",\"matchLevel\":\"") + level + "\",\"matchedWords\":[";
  for (std::size_t i = 0; i < h.matched_words.size(); ++i) {
    if (i) o += ',';
    text::append_json_quoted(o, h.matched_words[i]);
  }
  o += "]}";
}

struct PriceStats {
  double min = 0, max = 0;
};

std::string render_result(const AlgoliaQuery& q, const search::SearchResult& r, const std::optional<PriceStats>& stats,
                          const std::string& query_id, std::int64_t processing_ms) {
  std::string o;
  o.reserve(1024 + r.hits.size() * 700);
  o += "{\"hits\":[";
  const std::size_t query_words = std::max<std::size_t>(1, std::count(q.request.q.begin(), q.request.q.end(), ' ') + 1);
  if (q.hits_per_page > 0) {
    for (std::size_t i = 0; i < r.hits.size(); ++i) {
      const auto& h = r.hits[i];
      if (i) o += ',';
      o += "{\"objectID\":";
      text::append_json_quoted(o, h.id);
      o += ",\"id\":";
      text::append_json_quoted(o, h.id);
      o += ",\"slug\":";
      text::append_json_quoted(o, h.slug);
      o += ",\"name\":";
      text::append_json_quoted(o, h.name);
      o += ",\"brand\":";
      text::append_json_quoted(o, h.brand);
      o += ",\"short_description\":";
      text::append_json_quoted(o, algolia_highlight(h.highlight_short_description, "", "").value);
      o += ",\"image_url\":";
      if (h.image_url.empty()) {
        o += "null";
      } else {
        text::append_json_quoted(o, h.image_url);
      }
      o += ",\"price\":";
      text::append_json_number(o, h.price);
      o += ",\"compare_at_price\":";
      if (h.compare_at_price > 0) {
        text::append_json_number(o, h.compare_at_price);
      } else {
        o += "null";
      }
      o += ",\"currency\":";
      text::append_json_quoted(o, h.currency);
      o += ",\"rating\":";
      text::append_json_number(o, h.rating);
      o += ",\"review_count\":" + std::to_string(h.review_count);
      o += h.in_stock ? ",\"in_stock\":true" : ",\"in_stock\":false";
      o += ",\"_highlightResult\":{\"name\":";
      append_highlight(o, h.highlight_name, q.pre_tag, q.post_tag, query_words);
      o += ",\"short_description\":";
      append_highlight(o, h.highlight_short_description, q.pre_tag, q.post_tag, query_words);
      o += "}}";
    }
  }
  const std::uint64_t reachable = std::min<std::uint64_t>(r.total, kMaxReachableHits);
  const std::uint64_t pages = q.hits_per_page == 0 ? 0 : (reachable + q.hits_per_page - 1) / q.hits_per_page;
  o += "],\"nbHits\":" + std::to_string(r.total) + ",\"page\":" + std::to_string(q.page) +
       ",\"nbPages\":" + std::to_string(pages) + ",\"hitsPerPage\":" + std::to_string(q.hits_per_page);
  o += ",\"facets\":{";
  bool first = true;
  for (const auto& name : q.facets) {
    auto it = r.facets.find(name);
    if (!first) o += ',';
    first = false;
    text::append_json_quoted(o, name);
    o += ":{";
    if (it != r.facets.end()) {
      const std::size_t n = std::min(it->second.size(), q.max_values_per_facet);
      for (std::size_t i = 0; i < n; ++i) {
        if (i) o += ',';
        text::append_json_quoted(o, it->second[i].value);
        o += ':' + std::to_string(it->second[i].count);
      }
    }
    o += '}';
  }
  // Price has no value counts here, only facets_stats; InstantSearch reads a
  // facet's stats only for the attributes the facets object lists.
  if (q.price_stats) o += first ? "\"price\":{}" : ",\"price\":{}";
  o += '}';
  if (stats) {
    o += ",\"facets_stats\":{\"price\":{\"min\":";
    text::append_json_number(o, stats->min);
    o += ",\"max\":";
    text::append_json_number(o, stats->max);
    o += "}}";
  }
  const char* facets_exhaustive = r.facets_exhaustive ? "true" : "false";
  o += ",\"exhaustiveFacetsCount\":";
  o += facets_exhaustive;
  o += ",\"exhaustiveNbHits\":true,\"exhaustive\":{\"facetsCount\":";
  o += facets_exhaustive;
  o += ",\"nbHits\":true}";
  o += ",\"processingTimeMS\":" + std::to_string(processing_ms);
  o += ",\"query\":";
  text::append_json_quoted(o, q.request.q);
  append_how_matched(o, r);
  o += ",\"params\":\"\",\"index\":";
  text::append_json_quoted(o, q.index_name);
  if (!query_id.empty()) {
    o += ",\"queryID\":";
    text::append_json_quoted(o, query_id);
  }
  o += '}';
  return o;
}

// The cheapest and the dearest match's price, from two one-hit searches
// sorted by price (the engine keeps the match set cached between them).
Result<std::optional<PriceStats>> price_stats(const search::IndexSnapshot& snap, const AlgoliaQuery& q,
                                              std::uint64_t total) {
  if (!q.price_stats || total == 0) return std::optional<PriceStats>();
  search::SearchRequest one = q.request;
  one.limit = 1;
  one.offset = 0;
  one.want_facets = false;
  PriceStats stats;
  one.sort = search::SortOrder::kPriceAsc;
  AYC_ASSIGN_OR_RETURN(auto cheapest, search::run_search(snap, one));
  one.sort = search::SortOrder::kPriceDesc;
  AYC_ASSIGN_OR_RETURN(auto dearest, search::run_search(snap, one));
  if (cheapest.hits.empty() || dearest.hits.empty()) return std::optional<PriceStats>();
  stats.min = cheapest.hits[0].price;
  stats.max = dearest.hits[0].price;
  return std::optional<PriceStats>(stats);
}

Result<std::string> answer_one(const SearchServices& services, const search::IndexSnapshot& snap,
                               const http::HttpRequest& req, const AlgoliaQuery& q) {
  const auto start = std::chrono::steady_clock::now();
  AYC_ASSIGN_OR_RETURN(auto result, search::run_search(snap, q.request));
  AYC_ASSIGN_OR_RETURN(auto stats, price_stats(snap, q, result.total));
  // Facet-only requests (hitsPerPage 0, InstantSearch's disjunctive facet
  // counts) and analytics=false are not searches a shopper made.
  std::string search_id;
  if (services.search_log != nullptr && q.analytics && q.hits_per_page > 0) {
    std::optional<std::string> user_id, session_id;
    if (is_uuid(q.user_token)) {
      user_id = lowercase_uuid(q.user_token);
    } else if (!q.user_token.empty()) {
      session_id = q.user_token;
    }
    search_id = log_search(*services.search_log, req, q.request.q, result.total, user_id, session_id);
  }
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  return render_result(q, result, stats, q.click_analytics ? search_id : std::string(), ms.count());
}

}  // namespace

AlgoliaHighlight algolia_highlight(std::string_view marked_html, std::string_view pre, std::string_view post) {
  static constexpr std::string_view kOpen = "<mark>", kClose = "</mark>";
  AlgoliaHighlight out;
  std::size_t at = 0;
  while (at < marked_html.size()) {
    const std::size_t open = marked_html.find(kOpen, at);
    if (open == std::string_view::npos) {
      out.value += html_unescape(marked_html.substr(at));
      break;
    }
    out.value += html_unescape(marked_html.substr(at, open - at));
    const std::size_t close = marked_html.find(kClose, open + kOpen.size());
    const std::string_view word =
        marked_html.substr(open + kOpen.size(), (close == std::string_view::npos ? marked_html.size() : close) -
                                                    open - kOpen.size());
    std::string plain = html_unescape(word);
    out.value += pre;
    out.value += plain;
    out.value += post;
    std::string lower = plain;
    for (char& c : lower)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (std::find(out.matched_words.begin(), out.matched_words.end(), lower) == out.matched_words.end()) {
      out.matched_words.push_back(std::move(lower));
    }
    at = close == std::string_view::npos ? marked_html.size() : close + kClose.size();
  }
  return out;
}

http::Handler algolia_multi_query_handler(SearchServices services) {
  return [services](const http::HttpRequest& req, const http::PathParams&) -> Result<http::HttpResponse> {
    auto queries = parse_multi_query(req.body);
    if (!queries.ok()) return algolia_error(queries.status());
    auto snapshot = services.index->current();
    if (!snapshot) return algolia_error(503, "no index generation is loaded yet; try again shortly");
    std::string body = "{\"results\":[";
    for (std::size_t i = 0; i < queries->size(); ++i) {
      auto one = answer_one(services, *snapshot, req, (*queries)[i]);
      if (!one.ok()) return algolia_error(one.status());
      if (i) body += ',';
      body += *one;
    }
    return http::HttpResponse::json(200, body + "]}");
  };
}

http::Handler algolia_single_query_handler(SearchServices services) {
  return [services](const http::HttpRequest& req, const http::PathParams& path) -> Result<http::HttpResponse> {
    auto query = parse_single_query(path.get("index"), req.body);
    if (!query.ok()) return algolia_error(query.status());
    auto snapshot = services.index->current();
    if (!snapshot) return algolia_error(503, "no index generation is loaded yet; try again shortly");
    auto one = answer_one(services, *snapshot, req, *query);
    if (!one.ok()) return algolia_error(one.status());
    return http::HttpResponse::json(200, std::move(one).value());
  };
}

}  // namespace ayc::api
