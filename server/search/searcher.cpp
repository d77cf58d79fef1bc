#include "server/search/searcher.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "common/query_text.h"
#include "common/text.h"
#include "index/index_schema.h"
#include "server/search/cache_key.h"
#include "server/search/facet_columns.h"
#include "server/search/facet_counts.h"
#include "server/search/highlight.h"
#include "server/search/hit_cards.h"
#include "server/search/matcher.h"
#include "server/search/query_builder.h"
#include "server/search/query_planner.h"
#include "server/search/search_context.h"
#include "server/search/top_hits.h"

namespace ayc::search {

namespace {

// The best hits the exact-match boost reorders: always the same ones, so
// every page (whatever its size) is cut from one order — a window that grew
// with the page showed a product on page 1 of 10 and again on page 4.
constexpr std::size_t kRerankWindow = 30;
// Candidates cached per match set: every page a shopper usually sees (a
// first page, reranked over 30, or the first pages of a category).
constexpr std::size_t kCachedCandidates = 60;

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

using Ranked = RankedDoc;

// For each group of `used`, the bits of `words` (at most 64) it stands for.
std::vector<std::uint64_t> word_bits(const TextPlan& used, const std::vector<std::string>& words) {
  std::vector<std::uint64_t> out;
  for (const auto& g : used.groups) {
    std::uint64_t bits = 0;
    for (std::size_t i = 0; i < words.size() && i < 64; ++i) {
      if (std::find(g.words.begin(), g.words.end(), words[i]) != g.words.end()) bits |= std::uint64_t{1} << i;
    }
    out.push_back(bits);
  }
  return out;
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
  h.image_url = card.image_url;
  h.price = fx.from_base(card.price, currency).value_or(card.price);
  if (card.mrp > card.price) h.compare_at_price = fx.from_base(card.mrp, currency).value_or(card.mrp);
  h.currency = currency;
  h.rating = card.rating;
  h.review_count = card.review_count;
  h.in_stock = in_stock;
  h.highlight_name = highlight(card.name, marks.stems, marks.shown.words, marks.prefix);
  h.highlight_short_description = highlight(card.short_description, marks.stems, marks.shown.words, marks.prefix);
  return h;
}

// The facet counts of a search's hits, each counted as if its own filter
// were off. The same match set and filters give the same counts ("induppu
// oil" and "ghritam oil" both fall back to every oil): counted once per
// generation, as value ids (compact), named per answer.
void add_facets(const SearchContext& ctx, const QueryPlan& plan, const Matches& hits,
                const std::vector<FilterPart>& filters, const std::string& filter_signature,
                const std::string& currency, SearchResult& result) {
  const IndexSnapshot& snap = ctx.snap;
  const PriceBands bands(snap.currencies(), currency);
  const std::string key = cache_key({hits.signature, filter_signature, currency});
  auto ids = snap.caches().facets.get_or_compute(key, [&] {
    return count_facets(ctx.matcher, plan.matches, hits, filters, snap.facet_columns(), bands,
                        snap.exact_facet_hits());
  });
  for (const auto& [name, kind] : kFacetKinds) {
    result.facets[name] = name_facet(snap.facet_columns(), bands, kind, ids->kinds[static_cast<int>(kind)]);
  }
  result.facets_exhaustive = ids->exhaustive;
}

// The first `wanted` hits in the requested order. Up to kCachedCandidates
// the best are computed once per match set, filters and order, and a page
// takes the first `wanted` of them (the same as ranking for `wanted`).
std::vector<Ranked> rank(const IndexSnapshot& snap, const Matches& hits, const std::string& filter_signature,
                         const SearchRequest& req, bool has_text, const ranking::BlendParams& blend,
                         std::size_t wanted) {
  const TopOptions options{!snap.early_termination(), nullptr};
  if (wanted > kCachedCandidates) {
    return top_hits(hits, req.sort, has_text, snap.docs(), snap.facet_columns(), blend, wanted, options);
  }
  const std::string key = cache_key({hits.signature, filter_signature, std::to_string(static_cast<int>(req.sort)),
                                     has_text ? "t" : "", std::to_string(blend.prior_weight)});
  auto best = snap.caches().ranked.get_or_compute(key, [&] {
    return top_hits(hits, req.sort, has_text, snap.docs(), snap.facet_columns(), blend, kCachedCandidates, options);
  });
  return std::vector<Ranked>(best->begin(), best->begin() + static_cast<std::ptrdiff_t>(std::min(wanted, best->size())));
}

// The exact-match boost over the first kRerankWindow hits. Names are boosted
// for the words the matches stand for: a relaxed search's dropped words would
// leave "zzqx ghrita" without the boost "ghrita" gives "Brahmi Ghrita".
void rerank(const DocTable& docs, const QueryPlan& plan, const SearchRequest& req, const ranking::BlendParams& blend,
            std::vector<Ranked>& ranked) {
  const ranking::ExactMatch exact(text::query_text(plan.kept.value_or(plan.corrected.value_or(req.q))), blend);
  const auto window_end = ranked.begin() + static_cast<std::ptrdiff_t>(std::min(kRerankWindow, ranked.size()));
  for (auto r = ranked.begin(); r != window_end; ++r) docs.prefetch_name_offsets(r->doc);
  for (auto r = ranked.begin(); r != window_end; ++r) docs.prefetch_name_bytes(r->doc);
  for (auto r = ranked.begin(); r != window_end; ++r) r->score += exact.boost(docs.name(r->doc), docs.brand_name(r->doc));
  std::stable_sort(ranked.begin(), window_end, [](const Ranked& a, const Ranked& b) { return a.score > b.score; });
}

// The requested page of `ranked` as hits: cards, prices in `currency`,
// stock in the shopper's country, highlighted names, the words each matched.
void fill_page(const SearchContext& ctx, const std::vector<Ranked>& ranked, const QueryPlan& plan,
               const SearchRequest& req, const std::string& currency, SearchResult& result) {
  const IndexSnapshot& snap = ctx.snap;
  const HitCards& cards = snap.hit_cards();
  const Marks marks(plan.shown, req.typing);
  const std::vector<std::uint64_t> group_bits = word_bits(plan.used, result.words);
  result.hits.reserve(std::min(req.limit, ranked.size()));
  const std::size_t page_end = std::min(ranked.size(), req.offset + req.limit);
  for (std::size_t i = req.offset; i < page_end; ++i) cards.prefetch(ranked[i].doc);
  for (std::size_t i = req.offset; i < page_end; ++i) cards.prefetch_text(ranked[i].doc);
  for (std::size_t i = req.offset; i < page_end; ++i) {
    const Xapian::docid d = ranked[i].doc;
    const HitCard card = cards.at(d);
    if (!card.present) continue;  // cannot happen in a verified generation; skip rather than fail
    const bool in_stock = cards.in_stock_in(d, req.country) || cards.in_stock_in(d, "*");
    SearchHit hit = make_hit(snap.docs().id(d), card, in_stock, snap.currencies(), currency, marks);
    hit.score = ranked[i].score;
    // Every hit of an all-groups match has every group: asked only when some may not.
    const bool ask = plan.used.any_group || plan.mixed;
    for (std::size_t g = 0; g < group_bits.size(); ++g) {
      if (!ask || ctx.matcher.group_has(plan.used.groups[g], d)) hit.matched |= group_bits[g];
    }
    result.hits.push_back(std::move(hit));
  }
}

// How the plan matched, in the answer's terms: the words read, those the
// hits match and those left out.
void describe_match(const QueryPlan& plan, SearchResult& result) {
  result.match = plan.kind;
  result.words = plan.shown.words;
  for (const auto& w : result.words) {
    bool used = plan.kind != MatchKind::kRelaxed && plan.kind != MatchKind::kNone;
    for (const auto& g : plan.used.groups) used = used || std::find(g.words.begin(), g.words.end(), w) != g.words.end();
    (used ? result.matched_words : result.dropped_words).push_back(w);
  }
}

// What a shopper can do when nothing was found: a spelling that finds
// products without the filters, how many the query finds without them, the
// store's largest categories.
NextSteps next_steps(const SearchContext& ctx, const QueryPlan& plan, const ParsedQuery& parsed,
                     const SearchRequest& req, const std::vector<FilterPart>& filters, const std::string& currency) {
  NextSteps next;
  next.did_you_mean = plan.did_you_mean;
  if (!filters.empty()) next.total_without_filters = plan_query(ctx, parsed, req, {}).matches.size();
  QueryPlan every;
  every.matches = ctx.matcher.match(TextPlan{});
  SearchResult store;
  add_facets(ctx, every, every.matches, {}, "", currency, store);
  auto& categories = store.facets["category"];
  constexpr std::size_t kCategories = 5;
  if (categories.size() > kCategories) categories.resize(kCategories);
  next.categories = std::move(categories);
  return next;
}

}  // namespace

const char* match_kind_name(MatchKind kind) {
  switch (kind) {
    case MatchKind::kAll: return "all";
    case MatchKind::kCorrected: return "corrected";
    case MatchKind::kRelaxed: return "relaxed";
    case MatchKind::kPhonetic: return "phonetic";
    case MatchKind::kNone: return "none";
  }
  return "all";
}

Result<SearchResult> run_search(const IndexSnapshot& snap, const SearchRequest& req, const ranking::BlendParams& blend) {
  // Validate.
  const CurrencyTable& fx = snap.currencies();
  const std::string currency = req.currency.empty() ? fx.base() : req.currency;
  if (!fx.known(currency)) {
    return Status::InvalidArgument("parameter 'currency' must be one of " + fx.codes() + ", got '" + currency + "'");
  }
  AYC_ASSIGN_OR_RETURN(auto lease, snap.borrow_xapian());
  SearchResult result;
  result.query = req.q;
  result.currency = currency;
  try {
    const Matcher matcher(lease.db(), snap.postings(), snap.docs(), snap.facet_columns());
    const SearchContext ctx{snap, matcher, lease.db()};
    // Plan: which text the search matches.
    const ParsedQuery parsed = parse_query(req.q, snap.query_words());
    const bool has_text = !parsed.empty();
    const std::vector<FilterPart> filters = build_filters(req, fx, currency);
    const QueryPlan plan = plan_query(ctx, parsed, req, filters);
    result.corrected_query = plan.corrected;
    describe_match(plan, result);
    // Filter: without filters the text's matches are the hits (shared, not copied).
    const Matches hits = filters.empty() ? plan.matches : matcher.restrict(plan.matches, filters);
    result.total = hits.size();
    const std::string filter_signature = filters_signature(filters);
    if (req.want_facets) add_facets(ctx, plan, hits, filters, filter_signature, currency, result);
    // Rank, rerank, page.
    const bool boost_exact = has_text && req.sort == SortOrder::kRelevance;
    const std::size_t wanted = std::max(req.offset + req.limit, boost_exact ? kRerankWindow : 0);
    std::vector<Ranked> ranked = rank(snap, hits, filter_signature, req, has_text, blend, wanted);
    if (boost_exact) rerank(snap.docs(), plan, req, blend, ranked);
    fill_page(ctx, ranked, plan, req, currency, result);
    if (result.total == 0) result.next_steps = next_steps(ctx, plan, parsed, req, filters, currency);
  } catch (const Xapian::Error& e) {
    return Status::Internal("search failed: " + e.get_description());
  }
  return result;
}

}  // namespace ayc::search
