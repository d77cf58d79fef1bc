#include "server/api/algolia_query.h"

#include <algorithm>
#include <charconv>
#include <map>

#include <simdjson.h>

#include "common/json_text.h"
#include "common/text.h"
#include "server/http/request_target.h"

namespace ayc::api {

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

constexpr std::size_t kMaxHitsPerPage = 100;
constexpr std::size_t kMaxOffset = 10000;

Status bad(const std::string& message) { return Status::InvalidArgument(message); }

constexpr std::pair<std::string_view, search::SortOrder> kSorts[] = {
    {"relevance", search::SortOrder::kRelevance}, {"price_asc", search::SortOrder::kPriceAsc},
    {"price_desc", search::SortOrder::kPriceDesc}, {"rating", search::SortOrder::kRating},
    {"newest", search::SortOrder::kNewest},       {"popularity", search::SortOrder::kPopularity}};

// A string, or an array of strings ("facets", "attributesToHighlight").
Result<std::vector<std::string>> string_list(element e, std::string_view name) {
  std::vector<std::string> out;
  std::string_view s;
  if (e.get_string().get(s) == simdjson::SUCCESS) {
    out.emplace_back(s);
    return out;
  }
  simdjson::dom::array arr;
  if (e.get_array().get(arr) != simdjson::SUCCESS) return bad(std::string(name) + " must be a string or an array of strings");
  for (element item : arr) {
    if (item.get_string().get(s) != simdjson::SUCCESS) return bad(std::string(name) + " must hold strings only");
    out.emplace_back(s);
  }
  return out;
}

// A filter expression as groups AND-ed together, each group's items OR-ed:
// "a", ["a", "b"] (two groups) or [["a", "b"], "c"].
Result<std::vector<std::vector<std::string>>> filter_groups(element e, std::string_view name) {
  std::vector<std::vector<std::string>> groups;
  std::string_view s;
  if (e.get_string().get(s) == simdjson::SUCCESS) {
    // A string may itself be a JSON array (the v3/v4 clients' params).
    if (!s.empty() && s.front() == '[') {
      thread_local simdjson::dom::parser inner;
      element nested;
      if (inner.parse(s.data(), s.size(), true).get(nested) != simdjson::SUCCESS) {
        return bad(std::string(name) + " is not valid JSON");
      }
      return filter_groups(nested, name);
    }
    for (auto part : http::split_header_list(s)) groups.push_back({std::string(part)});
    return groups;
  }
  simdjson::dom::array arr;
  if (e.get_array().get(arr) != simdjson::SUCCESS) return bad(std::string(name) + " must be a string or an array");
  for (element item : arr) {
    if (item.get_string().get(s) == simdjson::SUCCESS) {
      groups.push_back({std::string(s)});
      continue;
    }
    simdjson::dom::array ors;
    if (item.get_array().get(ors) != simdjson::SUCCESS) return bad(std::string(name) + " must hold strings or arrays of strings");
    std::vector<std::string> group;
    for (element o : ors) {
      if (o.get_string().get(s) != simdjson::SUCCESS) return bad(std::string(name) + " must hold strings or arrays of strings");
      group.emplace_back(s);
    }
    if (!group.empty()) groups.push_back(std::move(group));
  }
  return groups;
}

std::string unquote(std::string_view v) {
  v = http::trim_ows(v);
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
  return std::string(v);
}

Status apply_facet_filters(const std::vector<std::vector<std::string>>& groups, search::SearchRequest& req) {
  std::map<std::string, std::vector<std::string>> by_attribute;
  for (const auto& group : groups) {
    std::string attribute;
    std::vector<std::string> values;
    for (const auto& filter : group) {
      const auto colon = filter.find(':');
      if (colon == std::string::npos) return bad("facetFilters: '" + filter + "' is not attribute:value");
      std::string name = unquote(std::string_view(filter).substr(0, colon));
      std::string value = unquote(std::string_view(filter).substr(colon + 1));
      if (!value.empty() && value.front() == '-') {
        return bad("facetFilters: negated filters ('" + filter + "') are not supported");
      }
      if (!attribute.empty() && attribute != name) {
        return bad("facetFilters: values of different attributes cannot be OR-ed ('" + attribute + "' and '" + name + "')");
      }
      attribute = name;
      values.push_back(std::move(value));
    }
    if (attribute.empty()) continue;
    if (by_attribute.count(attribute)) {
      return bad("facetFilters: '" + attribute + "' may appear in one group only (the values of a group are OR-ed)");
    }
    by_attribute[attribute] = std::move(values);
  }
  for (auto& entry : by_attribute) {
    const std::string& attribute = entry.first;
    std::vector<std::string>& values = entry.second;
    auto flag = [&attribute](std::string_view v) -> Result<bool> {
      if (v == "true" || v == "1") return true;
      if (v == "false" || v == "0") return false;
      return bad("facetFilters: " + attribute + " takes true or false");
    };
    if (attribute == "brand") {
      req.brands = values;
    } else if (attribute == "category") {
      req.categories = values;
    } else if (attribute == "form") {
      req.forms = values;
    } else if (attribute == "type" && values.size() == 1) {
      req.type = text::slugify(values[0]);
    } else if (attribute == "in_stock" && values.size() == 1) {
      AYC_ASSIGN_OR_RETURN(req.in_stock, flag(values[0]));
    } else if (attribute == "prescription_required" && values.size() == 1) {
      AYC_ASSIGN_OR_RETURN(auto rx, flag(values[0]));
      req.prescription_required = rx;
    } else {
      return bad("facetFilters: '" + attribute + "' cannot be filtered on; use brand, category, form (any of "
                 "several), or one of type, in_stock, prescription_required");
    }
  }
  return Status::Ok();
}

Result<double> number(std::string_view text, const std::string& filter) {
  text = http::trim_ows(text);
  double v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v < 0) {
    return bad("numericFilters: '" + filter + "' needs a non-negative number");
  }
  return v;
}

Status apply_numeric_filters(const std::vector<std::vector<std::string>>& groups, search::SearchRequest& req) {
  for (const auto& group : groups) {
    if (group.size() != 1) return bad("numericFilters: OR-ed numeric filters are not supported");
    const std::string& f = group[0];
    std::string_view rest = f;
    if (rest.substr(0, 5) != "price") {
      return bad("numericFilters: only price can be filtered on, not '" + f + "'");
    }
    rest = http::trim_ows(rest.substr(5));
    if (!rest.empty() && rest.front() == ':') {  // price:10 TO 20
      const auto to = rest.find(" TO ");
      if (to == std::string_view::npos) return bad("numericFilters: '" + f + "' must be price:LOW TO HIGH");
      AYC_ASSIGN_OR_RETURN(auto lo, number(rest.substr(1, to - 1), f));
      AYC_ASSIGN_OR_RETURN(auto hi, number(rest.substr(to + 4), f));
      req.min_price = lo;
      req.max_price = hi;
      continue;
    }
    // >= and > both bound from below (prices are in cents: "> 100" as ">= 100").
    std::size_t op = rest.rfind('=') == 1 ? 2 : 1;
    if (rest.empty()) return bad("numericFilters: '" + f + "' has no comparison");
    AYC_ASSIGN_OR_RETURN(auto v, number(rest.substr(op), f));
    switch (rest.front()) {
      case '>': req.min_price = req.min_price ? std::max(*req.min_price, v) : v; break;
      case '<': req.max_price = req.max_price ? std::min(*req.max_price, v) : v; break;
      case '=': req.min_price = v; req.max_price = v; break;
      default: return bad("numericFilters: '" + f + "' must compare with >=, <=, >, < or =");
    }
  }
  if (req.min_price && req.max_price && *req.min_price > *req.max_price) {
    return bad("numericFilters: the lower price bound is above the upper one");
  }
  return Status::Ok();
}

Result<std::int64_t> integer(element e, std::string_view name) {
  std::int64_t v = 0;
  if (e.get_int64().get(v) == simdjson::SUCCESS) return v;
  std::string_view s;  // the v3/v4 clients' params carry numbers as text
  if (e.get_string().get(s) == simdjson::SUCCESS) {
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec == std::errc() && end == s.data() + s.size()) return v;
  }
  return bad(std::string(name) + " must be an integer");
}

Result<bool> boolean(element e, std::string_view name) {
  bool v = false;
  if (e.get_bool().get(v) == simdjson::SUCCESS) return v;
  std::string_view s;
  if (e.get_string().get(s) == simdjson::SUCCESS && (s == "true" || s == "false")) return s == "true";
  return bad(std::string(name) + " must be true or false");
}

Result<std::string> string_value(element e, std::string_view name) {
  std::string_view s;
  if (e.get_string().get(s) != simdjson::SUCCESS) return bad(std::string(name) + " must be a string");
  return std::string(s);
}

// A v3/v4 `params` string ("query=tulsi&facets=%5B%22brand%22%5D") as a JSON
// object's text; values that are JSON (arrays, numbers, booleans) stay JSON.
Result<std::string> params_as_json(std::string_view params) {
  AYC_ASSIGN_OR_RETURN(auto decoded, http::parse_query(params));
  std::string out = "{";
  for (const auto& [key, value] : decoded.entries()) {
    if (out.size() > 1) out += ',';
    text::append_json_quoted(out, key);
    out += ':';
    thread_local simdjson::dom::parser probe;
    element parsed;
    const bool json_value = !value.empty() && (value.front() == '[' || value == "true" || value == "false") &&
                            probe.parse(value.data(), value.size(), true).get(parsed) == simdjson::SUCCESS;
    if (json_value) {
      out += value;
    } else {
      text::append_json_quoted(out, value);
    }
  }
  return out + "}";
}

Status read_fields(simdjson::dom::object obj, AlgoliaQuery& q) {
  for (auto field : obj) {
    const std::string_view key = field.key;
    const element v = field.value;
    if (key == "query") {
      AYC_ASSIGN_OR_RETURN(q.request.q, string_value(v, key));
      if (q.request.q.size() > 512) return bad("query is longer than 512 bytes");
    } else if (key == "hitsPerPage") {
      AYC_ASSIGN_OR_RETURN(auto n, integer(v, key));
      if (n < 0 || n > static_cast<std::int64_t>(kMaxHitsPerPage)) return bad("hitsPerPage must be 0 to 100");
      q.hits_per_page = static_cast<std::size_t>(n);
    } else if (key == "page") {
      AYC_ASSIGN_OR_RETURN(auto n, integer(v, key));
      if (n < 0 || n > static_cast<std::int64_t>(kMaxOffset)) return bad("page must be 0 or more");
      q.page = static_cast<std::size_t>(n);
    } else if (key == "facets") {
      AYC_ASSIGN_OR_RETURN(q.facets, string_list(v, key));
    } else if (key == "facetFilters") {
      AYC_ASSIGN_OR_RETURN(auto groups, filter_groups(v, key));
      AYC_RETURN_IF_ERROR(apply_facet_filters(groups, q.request));
    } else if (key == "numericFilters") {
      AYC_ASSIGN_OR_RETURN(auto groups, filter_groups(v, key));
      AYC_RETURN_IF_ERROR(apply_numeric_filters(groups, q.request));
    } else if (key == "filters") {
      AYC_ASSIGN_OR_RETURN(auto filters, string_value(v, key));
      if (!http::trim_ows(filters).empty()) {
        return bad("filters (the filter expression language) is not supported: use facetFilters and numericFilters");
      }
    } else if (key == "analytics") {
      AYC_ASSIGN_OR_RETURN(q.analytics, boolean(v, key));
    } else if (key == "clickAnalytics") {
      AYC_ASSIGN_OR_RETURN(q.click_analytics, boolean(v, key));
    } else if (key == "userToken") {
      AYC_ASSIGN_OR_RETURN(q.user_token, string_value(v, key));
      if (q.user_token.size() > 100) return bad("userToken is longer than 100 characters");
    } else if (key == "highlightPreTag") {
      AYC_ASSIGN_OR_RETURN(q.pre_tag, string_value(v, key));
    } else if (key == "highlightPostTag") {
      AYC_ASSIGN_OR_RETURN(q.post_tag, string_value(v, key));
    } else if (key == "maxValuesPerFacet") {
      AYC_ASSIGN_OR_RETURN(auto n, integer(v, key));
      if (n < 1 || n > 1000) return bad("maxValuesPerFacet must be 1 to 1000");
      q.max_values_per_facet = static_cast<std::size_t>(n);
    } else if (key == "currency") {
      AYC_ASSIGN_OR_RETURN(auto currency, string_value(v, key));
      if (currency.size() != 3) return bad("currency must be an ISO 4217 code like INR or USD");
      for (char& c : currency)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      q.request.currency = std::move(currency);
    }
    // Anything else (attributesToRetrieve, getRankingInfo, distinct, ...) is ignored.
  }
  return Status::Ok();
}

// Reads one request object (its `params` string first, then its own fields).
Result<AlgoliaQuery> read_query(std::string index_name, simdjson::dom::object obj) {
  AlgoliaQuery q;
  q.index_name = std::move(index_name);
  AYC_ASSIGN_OR_RETURN(q.request.sort, sort_of_index(q.index_name));
  std::string_view params;
  if (obj["params"].get_string().get(params) == simdjson::SUCCESS && !params.empty()) {
    AYC_ASSIGN_OR_RETURN(auto json, params_as_json(params));
    thread_local simdjson::dom::parser inner;
    simdjson::dom::object fields;
    if (inner.parse(json.data(), json.size(), true).get_object().get(fields) != simdjson::SUCCESS) {
      return bad("params is not a URL-encoded parameter string");
    }
    AYC_RETURN_IF_ERROR(read_fields(fields, q));
  }
  AYC_RETURN_IF_ERROR(read_fields(obj, q));
  if (q.page * q.hits_per_page > kMaxOffset) return bad("page * hitsPerPage must stay within 10000");
  // The facets this server counts; "*" means all of them.
  std::vector<std::string> wanted;
  for (const auto& f : q.facets) {
    if (f == "*") {
      wanted = {"brand", "category", "form"};
      q.price_stats = true;
      break;
    }
    if (f == "price") q.price_stats = true;
    if (f == "brand" || f == "category" || f == "form") wanted.push_back(f);
  }
  q.facets = std::move(wanted);
  q.request.want_facets = !q.facets.empty();
  q.request.limit = std::max<std::size_t>(q.hits_per_page, 1);
  q.request.offset = q.page * q.hits_per_page;
  q.request.typing = !q.request.q.empty() && q.request.q.back() != ' ';
  return q;
}

}  // namespace

Result<search::SortOrder> sort_of_index(std::string_view index_name) {
  if (index_name == "products") return search::SortOrder::kRelevance;
  if (index_name.substr(0, 9) == "products_") {
    for (const auto& [name, order] : kSorts)
      if (index_name.substr(9) == name) return order;
  }
  return Status::NotFound("index " + std::string(index_name) +
                          " does not exist: use products, or products_<sort> with sort price_asc, price_desc, "
                          "rating, newest or popularity");
}

Result<std::vector<AlgoliaQuery>> parse_multi_query(std::string_view body) {
  thread_local simdjson::dom::parser parser;
  simdjson::dom::object root;
  if (parser.parse(body.data(), body.size(), true).get_object().get(root) != simdjson::SUCCESS) {
    return bad("the body must be a JSON object {\"requests\": [...]}");
  }
  simdjson::dom::array requests;
  if (root["requests"].get_array().get(requests) != simdjson::SUCCESS) return bad("requests must be an array");
  std::vector<AlgoliaQuery> out;
  for (element item : requests) {
    if (out.size() == 50) return bad("at most 50 requests at once");
    simdjson::dom::object obj;
    std::string_view index;
    if (item.get_object().get(obj) != simdjson::SUCCESS || obj["indexName"].get_string().get(index) != simdjson::SUCCESS) {
      return bad("every request needs an indexName");
    }
    AYC_ASSIGN_OR_RETURN(auto q, read_query(std::string(index), obj));
    out.push_back(std::move(q));
  }
  return out;
}

Result<AlgoliaQuery> parse_single_query(std::string_view index_name, std::string_view body) {
  thread_local simdjson::dom::parser parser;
  simdjson::dom::object obj;
  const std::string_view text = body.empty() ? std::string_view("{}") : body;
  if (parser.parse(text.data(), text.size(), true).get_object().get(obj) != simdjson::SUCCESS) {
    return bad("the body must be a JSON object of search parameters");
  }
  return read_query(std::string(index_name), obj);
}

}  // namespace ayc::api
