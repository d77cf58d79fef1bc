#include "server/api/search_handlers.h"

#include <charconv>
#include <chrono>
#include <cstdio>

#include "common/json_text.h"
#include "common/query_text.h"
#include "common/text.h"
#include "common/uuid.h"
#include "server/api/api_params.h"
#include "server/http/conditional.h"
#include "server/http/params.h"

namespace ayc::api {

namespace {

constexpr std::size_t kMaxQueryChars = 256;

Result<std::vector<std::string>> slug_list(const http::HttpRequest& req, std::string_view name) {
  AYC_ASSIGN_OR_RETURN(auto raw, http::param_string(req, name, 1000));
  std::vector<std::string> out;
  if (!raw.has_value()) return out;
  std::string_view all = *raw;
  std::size_t start = 0;
  while (start <= all.size()) {
    std::size_t end = all.find(',', start);
    if (end == std::string_view::npos) end = all.size();
    std::string slug = text::slugify(all.substr(start, end - start));
    if (!slug.empty()) out.push_back(std::move(slug));
    start = end + 1;
  }
  if (out.size() > 50) return Status::InvalidArgument("parameter '" + std::string(name) + "' lists more than 50 values");
  return out;
}

search::SortOrder sort_order(const std::string& s) {
  if (s == "price_asc") return search::SortOrder::kPriceAsc;
  if (s == "price_desc") return search::SortOrder::kPriceDesc;
  if (s == "rating") return search::SortOrder::kRating;
  if (s == "newest") return search::SortOrder::kNewest;
  if (s == "popularity") return search::SortOrder::kPopularity;
  return search::SortOrder::kRelevance;
}

std::optional<std::string> header_value(const http::HttpRequest& req, std::string_view name, std::size_t max_bytes) {
  auto v = req.header(name);
  if (!v) return std::nullopt;
  return std::string(text::truncate_utf8_bytes(*v, max_bytes));
}

Status parse_filters(const http::HttpRequest& req, search::SearchRequest& out) {
  auto brands = slug_list(req, "brand");
  auto categories = slug_list(req, "category");
  auto forms = slug_list(req, "form");
  for (auto* r : {&brands, &categories, &forms})
    if (!r->ok()) return r->status();
  out.brands = std::move(*brands);
  out.categories = std::move(*categories);
  out.forms = std::move(*forms);
  AYC_ASSIGN_OR_RETURN(auto type, http::param_string(req, "type", 50));
  if (type.has_value() && !type->empty()) out.type = text::slugify(*type);
  auto min_price = http::param_optional_double(req, "min_price", 0, 1e9);
  auto max_price = http::param_optional_double(req, "max_price", 0, 1e9);
  if (!min_price.ok()) return min_price.status();
  if (!max_price.ok()) return max_price.status();
  out.min_price = *min_price;
  out.max_price = *max_price;
  if (out.min_price && out.max_price && *out.min_price > *out.max_price) {
    return Status::InvalidArgument("parameter 'min_price' must not be greater than 'max_price'");
  }
  AYC_ASSIGN_OR_RETURN(auto in_stock, http::param_bool(req, "in_stock", false));
  out.in_stock = in_stock;
  AYC_ASSIGN_OR_RETURN(out.country, country_param(req));
  if (req.query.contains("prescription_required")) {
    AYC_ASSIGN_OR_RETURN(auto rx, http::param_bool(req, "prescription_required", false));
    out.prescription_required = rx;
  }
  return Status::Ok();
}

}  // namespace

Result<search::SearchRequest> parse_search_request(const http::HttpRequest& req) {
  search::SearchRequest out;
  AYC_ASSIGN_OR_RETURN(auto q, http::param_string(req, "q", kMaxQueryChars));
  out.q = q.value_or("");
  out.typing = !out.q.empty() && out.q.back() != ' ';
  AYC_ASSIGN_OR_RETURN(auto limit, param_int(req, "limit", 10, 1, 100));
  out.limit = static_cast<std::size_t>(limit);
  AYC_ASSIGN_OR_RETURN(auto offset, param_int(req, "offset", 0, 0, 10000));
  out.offset = static_cast<std::size_t>(offset);
  auto sort = http::param_enum(req, "sort", {"relevance", "price_asc", "price_desc", "rating", "newest", "popularity"},
                         "relevance");
  if (!sort.ok()) return sort.status();
  out.sort = sort_order(*sort);
  AYC_ASSIGN_OR_RETURN(auto currency, http::param_string(req, "currency", 3));
  if (currency.has_value()) {
    out.currency = *currency;
    for (char& c : out.currency)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  AYC_ASSIGN_OR_RETURN(auto facets, http::param_bool(req, "facets", true));
  out.want_facets = facets;
  AYC_RETURN_IF_ERROR(parse_filters(req, out));
  return out;
}

namespace {

// `words` as a JSON array: all of them, or those whose bit is set in `mask`.
void append_words(std::string& o, const std::vector<std::string>& words, std::uint64_t mask = ~std::uint64_t{0}) {
  o += '[';
  bool first = true;
  for (std::size_t i = 0; i < words.size() && i < 64; ++i) {
    if (((mask >> i) & 1u) == 0) continue;
    if (!first) o += ',';
    first = false;
    text::append_json_quoted(o, words[i]);
  }
  o += ']';
}

void append_next_steps(std::string& o, const std::optional<search::NextSteps>& next) {
  o += ",\"next_steps\":";
  if (!next) {
    o += "null";
    return;
  }
  o += "{\"did_you_mean\":";
  if (next->did_you_mean) {
    text::append_json_quoted(o, *next->did_you_mean);
  } else {
    o += "null";
  }
  o += ",\"total_without_filters\":";
  o += next->total_without_filters ? std::to_string(*next->total_without_filters) : "null";
  o += ",\"categories\":[";
  for (std::size_t i = 0; i < next->categories.size(); ++i) {
    o += i == 0 ? "{\"value\":" : ",{\"value\":";
    text::append_json_quoted(o, next->categories[i].value);
    o += ",\"count\":" + std::to_string(next->categories[i].count) + "}";
  }
  o += "]}";
}

}  // namespace

std::string render_search_json(const search::SearchResult& r, const search::SearchRequest& req,
                               const std::string& search_id, double took_ms) {
  std::string o;
  o.reserve(1024 + r.hits.size() * 600);
  auto str = [&o](std::string_view key, std::string_view value) {
    o += key;
    text::append_json_quoted(o, value);
  };
  if (search_id.empty()) {
    o += "{\"search_id\":null";  // not logged (analytics=false): nothing a click could refer to
  } else {
    str("{\"search_id\":", search_id);
  }
  str(",\"query\":", r.query);
  o += ",\"corrected_query\":";
  if (r.corrected_query) {
    text::append_json_quoted(o, *r.corrected_query);
  } else {
    o += "null";
  }
  str(",\"match\":", search::match_kind_name(r.match));
  o += ",\"matched_words\":";
  append_words(o, r.matched_words);
  o += ",\"dropped_words\":";
  append_words(o, r.dropped_words);
  o += ",\"total\":";
  o += std::to_string(r.total);
  o += ",\"total_exhaustive\":true";  // totals are always counted exactly
  o += r.facets_exhaustive ? ",\"facets_exhaustive\":true" : ",\"facets_exhaustive\":false";
  o += ",\"limit\":";
  o += std::to_string(req.limit);
  o += ",\"offset\":";
  o += std::to_string(req.offset);
  o += ",\"took_ms\":";
  text::append_json_number(o, took_ms);
  str(",\"currency\":", r.currency);
  o += ",\"hits\":[";
  for (std::size_t i = 0; i < r.hits.size(); ++i) {
    const auto& h = r.hits[i];
    str(i == 0 ? "{\"id\":" : ",{\"id\":", h.id);
    str(",\"slug\":", h.slug);
    str(",\"name\":", h.name);
    str(",\"brand\":", h.brand);
    if (h.image_url.empty()) {
      o += ",\"image_url\":null";
    } else {
      str(",\"image_url\":", h.image_url);
    }
    o += ",\"price\":{\"amount\":";
    text::append_json_number(o, h.price);
    str(",\"currency\":", h.currency);
    if (h.compare_at_price > 0) {
      o += "},\"compare_at_price\":{\"amount\":";
      text::append_json_number(o, h.compare_at_price);
      str(",\"currency\":", h.currency);
      o += "}";
    } else {
      o += "},\"compare_at_price\":null";
    }
    o += ",\"rating\":";
    text::append_json_number(o, h.rating);
    o += ",\"review_count\":";
    o += std::to_string(h.review_count);
    o += h.in_stock ? ",\"in_stock\":true" : ",\"in_stock\":false";
    str(",\"highlight\":{\"name\":", h.highlight_name);
    str(",\"short_description\":", h.highlight_short_description);
    o += "},\"matched_words\":";
    append_words(o, r.words, h.matched);
    o += "}";
  }
  o += "],\"facets\":{";
  bool first_facet = true;
  for (const auto& [name, values] : r.facets) {
    str(first_facet ? "" : ",", name);
    first_facet = false;
    o += ":[";
    for (std::size_t i = 0; i < values.size(); ++i) {
      str(i == 0 ? "{\"value\":" : ",{\"value\":", values[i].value);
      o += ",\"count\":";
      o += std::to_string(values[i].count);
      o += '}';
    }
    o += "]";
  }
  o += "}";
  append_next_steps(o, r.next_steps);
  o += "}";
  return o;
}

std::string log_search(search_log::SearchLogWriter& writer, const http::HttpRequest& req, const std::string& query,
                       std::uint64_t total, std::optional<std::string> user_id, std::optional<std::string> session_id) {
  search_log::SearchLogRow row;
  row.id = new_uuid_v7(req.received_at);  // time-ordered: cheap for search_logs' primary key
  row.query = query;
  row.results_count = static_cast<std::int32_t>(std::min<std::uint64_t>(total, INT32_MAX));
  row.user_id = std::move(user_id);
  row.session_id = std::move(session_id);
  if (!req.remote_ip.empty()) row.ip_address = req.remote_ip;
  row.user_agent = header_value(req, "user-agent", search_log::kMaxUserAgentBytes);
  row.created_at = req.received_at;
  std::string id = row.id;
  writer.enqueue(std::move(row));  // never blocks; losses are counted in metrics
  return id;
}

http::Handler search_handler(SearchServices services) {
  return [services](const http::HttpRequest& req, const http::PathParams&) -> Result<http::HttpResponse> {
    AYC_ASSIGN_OR_RETURN(auto parsed, parse_search_request(req));
    auto user_id = http::param_string(req, "user_id", 100);
    auto session_id = http::param_string(req, "session_id", 100);
    if (!user_id.ok()) return user_id.status();
    if (!session_id.ok()) return session_id.status();
    // analytics=false: answered, not logged. What a search box asks while the
    // shopper types, so keystrokes stay out of search_logs (and, through it,
    // out of autocomplete's past queries).
    AYC_ASSIGN_OR_RETURN(bool analytics, http::param_bool(req, "analytics", true));
    auto snapshot = services.index->current();
    if (!snapshot) return Status::Unavailable("no index generation is loaded yet; try again shortly");
    AYC_ASSIGN_OR_RETURN(auto result, search::run_search(*snapshot, parsed));
    // HEAD asks what a GET would answer; it is not a search anyone made.
    const bool logged = services.search_log != nullptr && req.method != "HEAD" && analytics;
    const std::string search_id =
        logged ? log_search(*services.search_log, req, parsed.q, result.total, *user_id, *session_id) : std::string();
    double took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - req.arrival).count();
    return http::HttpResponse::json(200, render_search_json(result, parsed, search_id, took_ms));
  };
}

http::Handler autocomplete_handler(SearchServices services) {
  return [services](const http::HttpRequest& req, const http::PathParams&) -> Result<http::HttpResponse> {
    AYC_ASSIGN_OR_RETURN(auto q, http::param_string(req, "q", 100));
    AYC_ASSIGN_OR_RETURN(auto limit, param_int(req, "limit", 8, 1, 20));
    auto snapshot = services.index->current();
    if (!snapshot) return Status::Unavailable("no index generation is loaded yet; try again shortly");
    const std::string etag = generation_etag(*snapshot);
    if (http::none_match(req, etag)) return http::not_modified(etag, kGenerationCacheControl);
    // Shoppers type the same prefixes: the suggestions are rendered once per
    // generation and prefix as completion reads it ("Ashwa", "ASHWA " and
    // "ashwa" share them); the query is echoed as typed.
    const std::string head = "{\"query\":" + text::json_quote(q.value_or("")) + ",\"suggestions\":";
    const std::string key =
        AnswerCache::key(*snapshot, {"autocomplete", std::to_string(limit), text::query_text(q.value_or(""))});
    if (services.answers != nullptr) {
      if (auto cached = services.answers->get(key)) return generation_answer(head + *cached + "}", etag);
    }
    auto completions = snapshot->autocomplete().complete(q.value_or(""), static_cast<std::size_t>(limit));
    std::string o = "[";
    for (std::size_t i = 0; i < completions.size(); ++i) {
      const auto& c = completions[i];
      if (i) o += ',';
      o += "{\"text\":" + text::json_quote(c.text) + ",\"kind\":\"" + features::suggestion_kind_name(c.kind) + "\"";
      if (!c.slug.empty()) o += ",\"slug\":" + text::json_quote(c.slug);
      o += "}";
    }
    o += "]";
    std::string answer = head + o + "}";
    if (services.answers != nullptr) services.answers->put(key, std::move(o));
    return generation_answer(std::move(answer), etag);
  };
}

}  // namespace ayc::api
