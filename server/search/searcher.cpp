#include "server/search/searcher.h"

#include <algorithm>

#include "common/text.h"
#include "indexer/index_schema.h"
#include "server/search/facet_columns.h"
#include "server/search/highlight.h"
#include "server/search/query_builder.h"

namespace ayc::search {

namespace {

constexpr std::size_t kRerankWindow = 200;
constexpr std::size_t kFacetValues = 20;

struct Filters {
  std::vector<std::pair<std::string, Xapian::Query>> parts;  // facet name ("" if none) -> filter

  Xapian::Query combined(const std::string& except = "") const {
    std::vector<Xapian::Query> qs;
    for (const auto& [name, q] : parts)
      if (except.empty() || name != except) qs.push_back(q);
    if (qs.empty()) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_AND, qs.begin(), qs.end());
  }
  bool has(const std::string& name) const {
    for (const auto& p : parts)
      if (p.first == name) return true;
    return false;
  }
};

Xapian::Query any_of(const std::vector<std::string>& values, std::string (*term)(std::string_view)) {
  std::vector<Xapian::Query> qs;
  for (const auto& v : values) qs.emplace_back(term(v));
  return Xapian::Query(Xapian::Query::OP_OR, qs.begin(), qs.end());
}

Filters build_filters(const SearchRequest& req, const CurrencyTable& fx, const std::string& currency) {
  Filters f;
  if (!req.brands.empty()) f.parts.emplace_back("brand", any_of(req.brands, index::brand_term));
  if (!req.categories.empty()) f.parts.emplace_back("category", any_of(req.categories, index::category_term));
  if (!req.forms.empty()) f.parts.emplace_back("form", any_of(req.forms, index::form_term));
  if (req.type) f.parts.emplace_back("", Xapian::Query(index::type_term(*req.type)));
  if (req.prescription_required) {
    f.parts.emplace_back("", Xapian::Query(index::prescription_term(*req.prescription_required)));
  }
  if (req.in_stock) {
    Xapian::Query stock = req.country.empty()
                              ? Xapian::Query(index::stock_term(""))
                              : Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(index::stock_term(req.country)),
                                              Xapian::Query(index::stock_term("*")));
    f.parts.emplace_back("", stock);
  }
  if (req.min_price || req.max_price) {
    double lo = req.min_price ? fx.to_base(*req.min_price, currency).value_or(0) : 0;
    double hi = req.max_price ? fx.to_base(*req.max_price, currency).value_or(1e12) : 1e12;
    f.parts.emplace_back("price", Xapian::Query(Xapian::Query::OP_VALUE_RANGE, index::kSlotPrice,
                                                Xapian::sortable_serialise(lo - 1e-6),
                                                Xapian::sortable_serialise(hi + 1e-6)));
  }
  return f;
}

Xapian::Query with_filter(const Xapian::Query& q, const Xapian::Query& filter) {
  if (filter.empty()) return q;
  return Xapian::Query(Xapian::Query::OP_FILTER, q, filter);
}

void apply_sort(Xapian::Enquire& e, SortOrder sort) {
  switch (sort) {
    case SortOrder::kPriceAsc: e.set_sort_by_value_then_relevance(index::kSlotPrice, false); break;
    case SortOrder::kPriceDesc: e.set_sort_by_value_then_relevance(index::kSlotPrice, true); break;
    case SortOrder::kRating: e.set_sort_by_value_then_relevance(index::kSlotRating, true); break;
    case SortOrder::kNewest: e.set_sort_by_value_then_relevance(index::kSlotCreatedAt, true); break;
    case SortOrder::kPopularity: e.set_sort_by_value_then_relevance(index::kSlotPopularity, true); break;
    case SortOrder::kRelevance: break;  // by weight; without text the weight is popularity
  }
}

struct Attempt {
  Xapian::MSet mset;
};

// The text query scored with the business prior blended in.
Xapian::Query scored(const Xapian::Query& text, const ranking::BlendParams& blend,
                     Xapian::ValueWeightPostingSource& prior) {
  Xapian::Query prior_q(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(&prior), blend.prior_weight);
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, text, prior_q);
}

// The ranked page. Xapian may skip documents that cannot reach the page, so
// its match count is only an estimate; count_matches() gives exact counts.
Attempt ranked_page(Xapian::Database& db, const Xapian::Query& q, const SearchRequest& req,
                    std::size_t first, std::size_t count) {
  Xapian::Enquire e(db);
  e.set_query(q);
  e.set_docid_order(Xapian::Enquire::ASCENDING);
  apply_sort(e, req.sort);
  auto check = static_cast<Xapian::doccount>(first + count);
  Attempt a;
  a.mset = e.get_mset(static_cast<Xapian::doccount>(first), static_cast<Xapian::doccount>(count), check);
  return a;
}

// Every match counted without scoring (BoolWeight), feeding the facet spies.
std::uint64_t count_matches(Xapian::Database& db, const Xapian::Query& q, Xapian::MatchSpy* const* spies,
                            std::size_t nspies) {
  Xapian::Enquire e(db);
  e.set_query(q);
  e.set_weighting_scheme(Xapian::BoolWeight());
  for (std::size_t i = 0; i < nspies; ++i) e.add_matchspy(spies[i]);
  Xapian::MSet m = e.get_mset(0, 0, db.get_doccount());
  return m.get_matches_estimated();
}

}  // namespace

namespace {

struct Plan {
  Xapian::Query text;
  std::optional<std::string> corrected;
};

std::size_t quick_count(Xapian::Database& db, const Xapian::Query& q) {
  Xapian::Enquire e(db);
  e.set_query(q);
  e.set_weighting_scheme(Xapian::BoolWeight());
  return e.get_mset(0, 3, 3).size();
}

std::string join_words(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// Chooses the text query: as typed; spelling-corrected when that finds
// little; any-word matching when all-words matching finds nothing.
Plan plan_text(const ParsedQuery& parsed, const SearchRequest& req, const IndexSnapshot& snap, Xapian::Database& db,
               const Xapian::Query& filter) {
  Plan plan;
  std::string typed = text::normalize(req.q);
  if (!typed.empty() && typed.find(' ') == std::string::npos) {
    std::string raw = req.q;
    raw.erase(0, raw.find_first_not_of(" \t"));
    raw.erase(raw.find_last_not_of(" \t") + 1);
    if (db.term_exists(index::sku_term(raw))) {
      plan.text = Xapian::Query(index::sku_term(raw));
      return plan;
    }
  }
  plan.text = build_text_query(parsed, snap, db, MatchMode::kAll, req.typing);
  std::size_t found = quick_count(db, with_filter(plan.text, filter));
  if (found > 2) return plan;
  auto fixed = spelling_corrected(parsed, db);
  if (!fixed.empty()) {
    ParsedQuery corrected{fixed};
    Xapian::Query q = build_text_query(corrected, snap, db, MatchMode::kAll, false);
    std::size_t corrected_found = quick_count(db, with_filter(q, filter));
    if (corrected_found > found) {
      plan.text = q;
      plan.corrected = join_words(fixed);
      found = corrected_found;
    }
  }
  if (found == 0 && parsed.words.size() > 1) {
    const ParsedQuery& words = plan.corrected ? ParsedQuery{text::split_words(*plan.corrected)} : parsed;
    plan.text = build_text_query(words, snap, db, MatchMode::kAny, req.typing);
  }
  return plan;
}

// A hit with its texts still plain; mark_matches() highlights the returned page.
SearchHit make_hit(const features::ProductFeatures& p, const SearchRequest& req, const CurrencyTable& fx,
                   const std::string& currency) {
  SearchHit h;
  h.id = p.id;
  h.slug = p.slug;
  h.name = p.name;
  h.brand = p.brand_name;
  h.price = fx.from_base(p.price, currency).value_or(p.price);
  h.currency = currency;
  h.rating = p.rating;
  h.review_count = p.review_count;
  h.in_stock = p.in_stock_in(req.country) || p.in_stock_in("*");
  h.highlight_name = p.name;
  h.highlight_short_description = p.short_description;
  return h;
}

void mark_matches(std::vector<SearchHit>& hits, const ParsedQuery& shown, bool typing) {
  auto stems = highlight_stems(shown);
  std::string prefix = typing && !shown.words.empty() ? shown.words.back() : "";
  for (auto& h : hits) {
    h.highlight_name = highlight(h.highlight_name, stems, shown.words, prefix);
    h.highlight_short_description = highlight(h.highlight_short_description, stems, shown.words, prefix);
  }
}

}  // namespace

Result<SearchResult> run_search(const IndexSnapshot& snap, const SearchRequest& req, const ranking::BlendParams& blend) {
  const CurrencyTable& fx = snap.currencies();
  std::string currency = req.currency.empty() ? fx.base() : req.currency;
  if (!fx.known(currency)) {
    return Status::InvalidArgument("parameter 'currency' must be one of " + fx.codes() + ", got '" + currency + "'");
  }
  auto lease = snap.borrow_xapian();
  if (!lease.ok()) return lease.status();
  Xapian::Database& db = lease->db();
  SearchResult result;
  result.query = req.q;
  result.currency = currency;
  try {
    ParsedQuery parsed = parse_query(req.q);
    bool has_text = !parsed.empty();
    Filters filters = build_filters(req, fx, currency);
    Xapian::Query filter_all = filters.combined();
    Plan plan = has_text ? plan_text(parsed, req, snap, db, filter_all) : Plan{match_all(), {}};
    result.corrected_query = plan.corrected;
    Xapian::ValueWeightPostingSource prior(index::kSlotPrior);
    Xapian::ValueWeightPostingSource popularity(index::kSlotPopularity);
    // Without text, "relevance" is popularity: a posting source lets Xapian
    // stop early instead of sorting every product by a value.
    Xapian::Query ranked = has_text                             ? scored(plan.text, blend, prior)
                           : req.sort == SortOrder::kRelevance ? Xapian::Query(&popularity)
                                                               : plan.text;

    bool rerank = has_text && req.sort == SortOrder::kRelevance && req.offset + req.limit <= kRerankWindow;
    std::size_t first = rerank ? 0 : req.offset;
    std::size_t count = rerank ? std::min(kRerankWindow, std::max<std::size_t>(req.offset + req.limit, 30)) : req.limit;

    const FacetColumns& columns = snap.facet_columns();
    FacetCounter brand(columns, FacetKind::kBrand, fx, currency), category(columns, FacetKind::kCategory, fx, currency),
        form(columns, FacetKind::kForm, fx, currency), price(columns, FacetKind::kPrice, fx, currency);
    std::vector<std::pair<std::string, Xapian::MatchSpy*>> facets = {
        {"brand", &brand}, {"category", &category}, {"form", &form}, {"price", &price}};
    std::vector<Xapian::MatchSpy*> main_spies;
    if (req.want_facets) {
      for (auto& [name, spy] : facets)
        if (!filters.has(name)) main_spies.push_back(spy);
    }
    Attempt main = ranked_page(db, with_filter(ranked, filter_all), req, first, count);
    // Exact totals always: the ranked pass stops counting once the page is certain.
    result.total = count_matches(db, with_filter(plan.text, filter_all), main_spies.data(), main_spies.size());
    if (req.want_facets) {
      for (auto& [name, spy] : facets) {
        if (!filters.has(name)) continue;
        Xapian::MatchSpy* one[] = {spy};
        count_matches(db, with_filter(plan.text, filters.combined(name)), one, 1);
      }
      result.facets["brand"] = brand.result(kFacetValues);
      result.facets["category"] = category.result(kFacetValues);
      result.facets["form"] = form.result(kFacetValues);
      result.facets["price"] = price.result(kFacetValues);
    }

    std::string norm_query = text::normalize(plan.corrected.value_or(req.q));
    for (auto it = main.mset.begin(); it != main.mset.end(); ++it) {
      std::string id = it.get_document().get_data();
      auto p = snap.features().product(id);
      if (!p.ok()) return p.status();
      if (!p->has_value()) continue;  // cannot happen in a verified generation; skip rather than fail
      SearchHit hit = make_hit(**p, req, fx, currency);
      double boost = rerank ? ranking::exact_match_boost(norm_query, text::normalize((*p)->name),
                                                         text::normalize((*p)->brand_name), blend)
                            : 0;
      hit.score = it.get_weight() + boost;
      result.hits.push_back(std::move(hit));
    }
    if (rerank) {
      std::stable_sort(result.hits.begin(), result.hits.end(),
                       [](const SearchHit& a, const SearchHit& b) { return a.score > b.score; });
      std::size_t from = std::min(req.offset, result.hits.size());
      std::size_t to = std::min(req.offset + req.limit, result.hits.size());
      result.hits = std::vector<SearchHit>(std::make_move_iterator(result.hits.begin() + from),
                                           std::make_move_iterator(result.hits.begin() + to));
    }
    mark_matches(result.hits, plan.corrected ? ParsedQuery{text::split_words(*plan.corrected)} : parsed, req.typing);
  } catch (const Xapian::Error& e) {
    return Status::Internal("search failed: " + e.get_description());
  }
  return result;
}

}  // namespace ayc::search
