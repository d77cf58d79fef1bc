#include "server/search/searcher.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "common/query_text.h"
#include "common/text.h"
#include "indexer/index_schema.h"
#include "server/search/facet_columns.h"
#include "server/search/highlight.h"
#include "server/search/hit_cards.h"
#include "server/search/matcher.h"
#include "server/search/query_builder.h"

namespace ayc::search {

namespace {

// The best hits the exact-match boost reorders: always the same ones, so
// every page (whatever its size) is cut from one order — a window that grew
// with the page showed a product on page 1 of 10 and again on page 4.
constexpr std::size_t kRerankWindow = 30;
// Candidates cached per match set: every page a shopper usually sees (a
// first page, reranked over 30, or the first pages of a category).
constexpr std::size_t kCachedCandidates = 60;
constexpr std::size_t kFacetValues = 20;

std::vector<FilterPart> build_filters(const SearchRequest& req, const CurrencyTable& fx, const std::string& currency) {
  std::vector<FilterPart> f;
  auto terms = [](const std::vector<std::string>& values, std::string (*term)(std::string_view)) {
    std::vector<std::string> out;
    for (const auto& v : values) out.push_back(term(v));
    return out;
  };
  if (!req.brands.empty()) f.push_back({"brand", terms(req.brands, index::brand_term), {}});
  if (!req.categories.empty()) f.push_back({"category", terms(req.categories, index::category_term), {}});
  if (!req.forms.empty()) f.push_back({"form", terms(req.forms, index::form_term), {}});
  if (req.type) f.push_back({"", {index::type_term(*req.type)}, {}});
  if (req.prescription_required) f.push_back({"", {index::prescription_term(*req.prescription_required)}, {}});
  if (req.in_stock) {
    f.push_back({"", req.country.empty() ? std::vector<std::string>{index::stock_term("")}
                                         : std::vector<std::string>{index::stock_term(req.country), index::stock_term("*")},
                 {}});
  }
  if (req.min_price || req.max_price) {
    double lo = req.min_price ? fx.to_base(*req.min_price, currency).value_or(0) : 0;
    double hi = req.max_price ? fx.to_base(*req.max_price, currency).value_or(1e12) : 1e12;
    f.push_back({"price", {}, std::make_pair(lo - 1e-6, hi + 1e-6)});
  }
  return f;
}

bool narrows(const std::vector<FilterPart>& filters, const std::string& facet) {
  return std::any_of(filters.begin(), filters.end(), [&](const FilterPart& f) { return f.facet == facet; });
}

std::string join_words(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

struct Plan {
  Matches matches;  // the text's matches, before filters
  std::optional<std::string> corrected;
  std::optional<std::string> kept = {};  // relaxed: the words of the concepts kept, for the exact-match boost
};

// A group that is a number and nothing else ("3", "200").
bool only_numbers(const TextGroup& g) {
  return std::all_of(g.alternatives.begin(), g.alternatives.end(), [](const std::vector<std::string>& terms) {
    return std::all_of(terms.begin(), terms.end(), [](const std::string& t) {
      return !t.empty() && t.find_first_not_of("0123456789") == std::string::npos;
    });
  });
}

// The groups of `whole` that match something on their own. A synonym phrase
// that no product has ("nasya oil", when no product mentions nasal use) gives
// way to its words, each read alone ("oil").
TextPlan known_concepts(const TextPlan& whole, const IndexSnapshot& snap, const Matcher& matcher,
                        Xapian::Database& db) {
  TextPlan known;
  for (const auto& g : whole.groups) {
    if (matcher.every_group_matches(TextPlan{{g}, false})) {
      known.groups.push_back(g);
      continue;
    }
    if (g.words.size() < 2) continue;
    for (const auto& word : g.words) {
      TextPlan part = build_text_plan(ParsedQuery{{word}}, snap, matcher, db, MatchMode::kAll, false);
      for (auto& p : part.groups) {
        if (!only_numbers(p) && matcher.every_group_matches(TextPlan{{p}, false})) known.groups.push_back(std::move(p));
      }
    }
  }
  return known;
}

// Classical names grade a formulation with a leading word ("Maha
// Narayan", "Laghu Malini Vasant", "Brihat Vat Chintamani"): a shopper's
// "maha bhringraj" that finds nothing wants bhringraj, not every "maha".
bool grade_word(const TextGroup& g) {
  static const std::vector<std::string> kGrades = {"maha", "mahat", "laghu", "brihat", "brihad", "bruhat",
                                                   "vrihat", "swalpa", "svalpa"};
  return g.words.size() == 1 && std::find(kGrades.begin(), kGrades.end(), g.words.front()) != kGrades.end();
}

// Removes the concept a relaxed search gives up first: a grade word, else
// the last one (the first words usually name the product).
void drop_least_telling(std::vector<TextGroup>& groups) {
  for (auto it = groups.rbegin(); it != groups.rend(); ++it) {
    if (grade_word(*it)) {
      groups.erase(std::next(it).base());
      return;
    }
  }
  groups.pop_back();
}

// Chooses the text: a SKU typed whole; the words as typed; spelling-corrected
// when that finds little; when all words together find nothing, the known
// concepts (words or synonym phrases) from the start, as many as find
// something together; any-word matching as the last resort.
Plan plan_text(const ParsedQuery& parsed, const SearchRequest& req, const IndexSnapshot& snap, const Matcher& matcher,
               Xapian::Database& db, const std::vector<FilterPart>& filters) {
  Plan plan;
  // One token typed ("DAB-ASH-100", hyphens and all) may be a SKU.
  std::string raw = req.q;
  raw.erase(0, raw.find_first_not_of(" \t"));
  raw.erase(raw.find_last_not_of(" \t") + 1);
  if (!raw.empty() && raw.find_first_of(" \t") == std::string::npos) {
    if (matcher.term_exists(index::sku_term(raw))) {
      plan.matches = matcher.match(TextPlan{{TextGroup{{{index::sku_term(raw)}}}}, false});
      return plan;
    }
  }
  auto found_by = [&](const Matches& m) { return filters.empty() ? m.size() : matcher.restrict(m, filters).size(); };
  plan.matches = matcher.match(build_text_plan(parsed, snap, matcher, db, MatchMode::kAll, req.typing));
  std::size_t found = found_by(plan.matches);
  if (found > 2) return plan;
  auto fixed = spelling_corrected(parsed, snap, matcher, db);
  if (!fixed.empty()) {
    Matches m = matcher.match(build_text_plan(ParsedQuery{fixed}, snap, matcher, db, MatchMode::kAll, false));
    std::size_t corrected_found = found_by(m);
    if (corrected_found > found) {
      plan.matches = std::move(m);
      plan.corrected = join_words(fixed);
      found = corrected_found;
    }
  }
  if (found == 0 && parsed.words.size() > 1) {
    const ParsedQuery words = plan.corrected ? ParsedQuery{text::split_words(*plan.corrected)} : parsed;
    TextPlan whole = build_text_plan(words, snap, matcher, db, MatchMode::kAll, req.typing && !plan.corrected);
    // Relaxed: concepts the index does not know are left out, then grade
    // words, then concepts from the end ("ashwagandha churna organic" ->
    // "ashwagandha churna"): the first words usually name the product.
    // Concepts, not words, so a phrase known whole stays whole while it
    // finds something ("eggshell for gynaecological health" -> women's
    // health, not every product mentioning "health").
    // A number alone is not a concept ("omega 3" must not list every "3 x 75
    // g" soap): number groups never stand without a word group.
    std::erase_if(whole.groups, only_numbers);
    TextPlan known = known_concepts(whole, snap, matcher, db);
    while (!known.groups.empty()) {
      Matches m = matcher.match(known);
      if (found_by(m) > 0) {
        plan.matches = std::move(m);
        std::vector<std::string> kept;
        for (const auto& g : known.groups) kept.insert(kept.end(), g.words.begin(), g.words.end());
        plan.kept = join_words(kept);
        return plan;
      }
      drop_least_telling(known.groups);
    }
    whole.any_group = true;  // nothing narrower finds anything
    plan.matches = matcher.match(whole);
  }
  return plan;
}

using Ranked = RankedDoc;

// The first `n` hits in the requested order (ties: higher score, then lower docid).
std::vector<Ranked> top(const Matches& hits, const SearchRequest& req, bool has_text, const DocTable& docs,
                        const FacetColumns& columns, const ranking::BlendParams& blend, std::size_t n) {
  auto before = [](const Ranked& a, const Ranked& b) {
    if (a.key != b.key) return a.key > b.key;
    if (a.score != b.score) return a.score > b.score;
    return a.doc < b.doc;
  };
  // A heap of the n best so far, its worst on top: most hits are rejected
  // with one comparison.
  std::vector<Ranked> best;
  best.reserve(n + 1);
  double direction = req.sort == SortOrder::kPriceAsc ? -1.0 : 1.0;  // larger key first
  const auto& hit_docs = hits.docs();
  const auto& hit_weights = hits.weights();
  constexpr std::size_t kAhead = 16;  // the documents are scattered: their values are asked for early
  for (std::size_t i = 0; i < hit_docs.size() && n > 0; ++i) {
    if (i + kAhead < hit_docs.size()) docs.prefetch(hit_docs[i + kAhead]);
    Xapian::docid d = hit_docs[i];
    // The exact-match boost is added to the best of these later (run_search).
    double score = has_text ? ranking::final_score(hit_weights[i], docs.prior(d), 0, blend) : docs.popularity(d);
    double key = 0;
    switch (req.sort) {
      case SortOrder::kPriceAsc:
      case SortOrder::kPriceDesc: key = direction * columns.price(d); break;
      case SortOrder::kRating: key = docs.rating(d); break;
      case SortOrder::kNewest: key = docs.created_at(d); break;
      case SortOrder::kPopularity: key = docs.popularity(d); break;
      case SortOrder::kRelevance: break;
    }
    Ranked r{key, score, d};
    if (best.size() < n) {
      best.push_back(r);
      std::push_heap(best.begin(), best.end(), before);
    } else if (before(r, best.front())) {
      std::pop_heap(best.begin(), best.end(), before);
      best.back() = r;
      std::push_heap(best.begin(), best.end(), before);
    }
  }
  std::sort_heap(best.begin(), best.end(), before);
  return best;
}

// What a page's highlighting marks: the words shown (as corrected), their
// stems, and the unfinished last word while the shopper types.
struct Marks {
  ParsedQuery shown;
  std::vector<std::string> stems;
  std::string prefix;
  Marks(ParsedQuery words, bool typing)
      : shown(std::move(words)),
        stems(highlight_stems(shown)),
        prefix(typing && !shown.words.empty() ? shown.words.back() : "") {}
};

// A hit of the page, its name and short description highlighted.
SearchHit make_hit(std::string_view id, const HitCard& card, bool in_stock, const CurrencyTable& fx,
                   const std::string& currency, const Marks& marks) {
  SearchHit h;
  h.id = id;
  h.slug = card.slug;
  h.name = card.name;
  h.brand = card.brand_name;
  h.price = fx.from_base(card.price, currency).value_or(card.price);
  h.currency = currency;
  h.rating = card.rating;
  h.review_count = card.review_count;
  h.in_stock = in_stock;
  h.highlight_name = highlight(card.name, marks.stems, marks.shown.words, marks.prefix);
  h.highlight_short_description = highlight(card.short_description, marks.stems, marks.shown.words, marks.prefix);
  return h;
}

constexpr std::pair<const char*, FacetKind> kFacetKinds[] = {
    {"brand", FacetKind::kBrand}, {"category", FacetKind::kCategory}, {"form", FacetKind::kForm},
    {"price", FacetKind::kPrice}};

FacetIds count_facets(const Matcher& matcher, const Matches& text, const Matches& hits,
                      const std::vector<FilterPart>& filters, const FacetColumns& columns, const PriceBands& bands) {
  FacetCounter counter(columns, bands);
  unsigned over_hits = 0;
  for (const auto& [name, kind] : kFacetKinds) {
    // Counted as if its own filter were off, so a shopper can widen the choice.
    if (narrows(filters, name)) {
      counter.add(matcher.restrict(text, filters, name).docs(), facet_bit(kind));
    } else {
      over_hits |= facet_bit(kind);
    }
  }
  counter.add(hits.docs(), over_hits);
  FacetIds out;
  for (const auto& [name, kind] : kFacetKinds) out.kinds[static_cast<int>(kind)] = counter.top(kind, kFacetValues);
  return out;
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
  const DocTable& docs = snap.docs();
  SearchResult result;
  result.query = req.q;
  result.currency = currency;
  try {
    Matcher matcher(db, snap.postings(), docs, snap.facet_columns());
    ParsedQuery parsed = parse_query(req.q);
    bool has_text = !parsed.empty();
    std::vector<FilterPart> filters = build_filters(req, fx, currency);
    Plan plan = has_text ? plan_text(parsed, req, snap, matcher, db, filters) : Plan{matcher.match(TextPlan{}), {}, {}};
    result.corrected_query = plan.corrected;
    // Without filters the text's matches are the hits (shared, not copied).
    Matches hits = filters.empty() ? plan.matches : matcher.restrict(plan.matches, filters);
    result.total = hits.size();
    if (req.want_facets) {
      // The same match set and filters give the same counts ("induppu oil"
      // and "ghritam oil" both fall back to every oil): counted once.
      // Cached as value ids (compact), named per answer.
      const PriceBands bands(fx, currency);
      std::string key = hits.signature + '\x1d' + filters_signature(filters) + '\x1d' + currency;
      auto ids = snap.facet_cache().get_or_compute(key, [&] {
        return count_facets(matcher, plan.matches, hits, filters, snap.facet_columns(), bands);
      });
      for (const auto& [name, kind] : kFacetKinds) {
        result.facets[name] = name_facet(snap.facet_columns(), bands, kind, ids->kinds[static_cast<int>(kind)]);
      }
    }

    const bool rerank = has_text && req.sort == SortOrder::kRelevance;
    const std::size_t wanted = std::max(req.offset + req.limit, rerank ? kRerankWindow : 0);
    std::vector<Ranked> ranked;
    if (wanted <= kCachedCandidates) {
      // The best kCachedCandidates once per match set, filters and order; a
      // page takes the first `wanted` of them (the same as ranking for `wanted`).
      std::string key = hits.signature + '\x1d' + filters_signature(filters) + '\x1d' +
                        std::to_string(static_cast<int>(req.sort)) + (has_text ? "t" : "") + '\x1d' +
                        std::to_string(blend.prior_weight);
      auto best = snap.ranked_cache().get_or_compute(key, [&] {
        return top(hits, req, has_text, docs, snap.facet_columns(), blend, kCachedCandidates);
      });
      ranked.assign(best->begin(), best->begin() + static_cast<std::ptrdiff_t>(std::min(wanted, best->size())));
    } else {
      ranked = top(hits, req, has_text, docs, snap.facet_columns(), blend, wanted);
    }
    if (rerank) {
      // Names are boosted for the words the matches stand for: a relaxed
      // search's dropped words would leave "zzqx ghrita" without the boost
      // "ghrita" gives "Brahmi Ghrita".
      const ranking::ExactMatch exact(text::query_text(plan.kept.value_or(plan.corrected.value_or(req.q))), blend);
      const auto window_end = ranked.begin() + static_cast<std::ptrdiff_t>(std::min(kRerankWindow, ranked.size()));
      for (auto r = ranked.begin(); r != window_end; ++r) docs.prefetch_name_offsets(r->doc);
      for (auto r = ranked.begin(); r != window_end; ++r) docs.prefetch_name_bytes(r->doc);
      for (auto r = ranked.begin(); r != window_end; ++r) r->score += exact.boost(docs.name(r->doc), docs.brand_name(r->doc));
      std::stable_sort(ranked.begin(), window_end, [](const Ranked& a, const Ranked& b) { return a.score > b.score; });
    }
    const HitCards& cards = snap.hit_cards();
    const Marks marks(plan.corrected ? ParsedQuery{text::split_words(*plan.corrected)} : parsed, req.typing);
    result.hits.reserve(std::min(req.limit, ranked.size()));
    const std::size_t page_end = std::min(ranked.size(), req.offset + req.limit);
    for (std::size_t i = req.offset; i < page_end; ++i) cards.prefetch(ranked[i].doc);
    for (std::size_t i = req.offset; i < page_end; ++i) cards.prefetch_text(ranked[i].doc);
    for (std::size_t i = req.offset; i < page_end; ++i) {
      const Xapian::docid d = ranked[i].doc;
      const HitCard card = cards.at(d);
      if (!card.present) continue;  // cannot happen in a verified generation; skip rather than fail
      const bool in_stock = cards.in_stock_in(d, req.country) || cards.in_stock_in(d, "*");
      SearchHit hit = make_hit(docs.id(d), card, in_stock, fx, currency, marks);
      hit.score = ranked[i].score;
      result.hits.push_back(std::move(hit));
    }
  } catch (const Xapian::Error& e) {
    return Status::Internal("search failed: " + e.get_description());
  }
  return result;
}

}  // namespace ayc::search
