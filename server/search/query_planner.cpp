#include "server/search/query_planner.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include "common/text.h"
#include "index/index_schema.h"
#include "index/query_words.h"

namespace ayc::search {

namespace {

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
TextPlan known_concepts(const SearchContext& ctx, const TextPlan& whole) {
  const Matcher& matcher = ctx.matcher;
  TextPlan known;
  for (const auto& g : whole.groups) {
    if (matcher.every_group_matches(TextPlan{{g}, false})) {
      known.groups.push_back(g);
      continue;
    }
    if (g.words.size() < 2) continue;
    for (const auto& word : g.words) {
      TextPlan part = build_text_plan(ctx, ParsedQuery{{word}}, MatchMode::kAll, false);
      for (auto& p : part.groups) {
        if (!only_numbers(p) && matcher.every_group_matches(TextPlan{{p}, false})) known.groups.push_back(std::move(p));
      }
    }
  }
  return known;
}

// Removes the concept a relaxed search gives up first: a grade word, else
// the last one (the first words usually name the product). Classical names
// grade a formulation with a leading word ("Maha Narayan", "Laghu Malini
// Vasant"): a shopper's "maha bhringraj" that finds nothing wants bhringraj,
// not every "maha". The store lists its grade words (search_query_words).
void drop_least_telling(const index::QueryWords& query_words, std::vector<TextGroup>& groups) {
  for (auto it = groups.rbegin(); it != groups.rend(); ++it) {
    if (it->words.size() == 1 && query_words.is_grade(it->words.front())) {
      groups.erase(std::next(it).base());
      return;
    }
  }
  groups.pop_back();
}

// A group every word of which is one of the store's generic words.
bool only_generic(const index::QueryWords& query_words, const TextGroup& g) {
  return !g.words.empty() &&
         std::all_of(g.words.begin(), g.words.end(), [&](const std::string& w) { return query_words.is_generic(w); });
}

// Whether a group matches only through a phonetic reading of its word
// ("chyavanaprasha" as the name it sounds like): its other readings find nothing.
bool only_phonetic(const Matcher& matcher, const TextGroup& g) {
  TextGroup rest;
  bool phonetic = false;
  for (const auto& terms : g.alternatives) {
    if (terms.size() == 1 && terms[0].rfind(index::kPrefixPhonetic, 0) == 0) {
      phonetic = true;
    } else {
      rest.alternatives.push_back(terms);
    }
  }
  return phonetic && (rest.alternatives.empty() || !matcher.every_group_matches(TextPlan{{rest}, false}));
}

// The words as typed found something: a phonetic match when a word was
// read as another romanisation.
void mark_phonetic(const Matcher& matcher, QueryPlan& plan) {
  const auto& groups = plan.used.groups;
  if (std::any_of(groups.begin(), groups.end(), [&](const TextGroup& g) { return only_phonetic(matcher, g); })) {
    plan.kind = MatchKind::kPhonetic;
  }
}

// The plan without its groups naming a brand or a quantity (a number and
// the generic word after it: "60 tablets", "200 ml"): what the product is,
// from any maker, in any size. No groups when nothing would be left out, or
// only generic words would be left.
TextPlan what_it_is(const SearchContext& ctx, const TextPlan& used) {
  const index::QueryWords& query_words = ctx.snap.query_words();
  const DocTable& docs = ctx.snap.docs();
  TextPlan out;
  bool after_number = false, left_out = false;
  for (const auto& g : used.groups) {
    const bool number = only_numbers(g);
    const bool unit = after_number && only_generic(query_words, g);
    const bool brand = !g.words.empty() && std::all_of(g.words.begin(), g.words.end(),
                                                       [&](const std::string& w) { return docs.is_brand_word(w); });
    after_number = number;
    if (number || unit || brand) {
      left_out = true;
    } else {
      out.groups.push_back(g);
    }
  }
  // What is left must say what the product is: "kesh king oil" is not every oil.
  const bool telling = std::any_of(out.groups.begin(), out.groups.end(),
                                   [&](const TextGroup& g) { return !only_generic(query_words, g); });
  if (!left_out || !telling) out.groups.clear();
  return out;
}

// Fewer than kWidenBelow products have every word: the same kind of product
// from other brands or in other sizes follows them.
template <typename FoundBy>
void widen(const SearchContext& ctx, const SearchRequest& req, FoundBy found_by, std::size_t found, QueryPlan& plan) {
  if (found >= kWidenBelow || req.sort != SortOrder::kRelevance) return;
  const TextPlan kind = what_it_is(ctx, plan.used);
  if (kind.groups.empty()) return;
  Matches wide = ctx.matcher.keep_telling(ctx.matcher.match(kind), kind.groups);
  if (found_by(wide) <= found) return;
  plan.matches = ctx.matcher.first_then(plan.matches, wide);
  plan.mixed = true;
}

}  // namespace

QueryPlan plan_query(const SearchContext& ctx, const ParsedQuery& parsed, const SearchRequest& req,
                     const std::vector<FilterPart>& filters) {
  const Matcher& matcher = ctx.matcher;
  const index::QueryWords& query_words = ctx.snap.query_words();
  QueryPlan plan;
  plan.shown = parsed;
  if (parsed.only_function_words) {  // "ke liye": nothing asked, nothing found
    plan.kind = MatchKind::kNone;
    return plan;
  }
  if (parsed.empty()) {  // no text: every searchable product
    plan.matches = matcher.match(TextPlan{});
    return plan;
  }
  // One token typed ("DAB-ASH-100", hyphens and all) may be a SKU.
  std::string raw = req.q;
  raw.erase(0, raw.find_first_not_of(" \t"));
  raw.erase(raw.find_last_not_of(" \t") + 1);
  if (!raw.empty() && raw.find_first_of(" \t") == std::string::npos) {
    if (matcher.term_exists(index::sku_term(raw))) {
      plan.used = TextPlan{{TextGroup{{{index::sku_term(raw)}}, parsed.words}}, false};
      plan.matches = matcher.match(plan.used);
      return plan;
    }
  }
  auto found_by = [&](const Matches& m) { return filters.empty() ? m.size() : matcher.restrict(m, filters).size(); };
  plan.used = build_text_plan(ctx, parsed, MatchMode::kAll, req.typing);
  plan.matches = matcher.match(plan.used);
  std::size_t found = found_by(plan.matches);
  if (found > 2) {
    mark_phonetic(matcher, plan);
    widen(ctx, req, found_by, found, plan);
    return plan;
  }
  auto fixed = spelling_corrected(ctx, parsed);
  if (!fixed.empty()) {
    TextPlan corrected = build_text_plan(ctx, ParsedQuery{fixed}, MatchMode::kAll, false);
    Matches m = matcher.keep_telling(matcher.match(corrected), corrected.groups);
    std::size_t corrected_found = found_by(m);
    if (corrected_found > found) {
      plan.matches = std::move(m);
      plan.used = std::move(corrected);
      plan.corrected = join_words(fixed);
      plan.shown = ParsedQuery{text::split_words(*plan.corrected)};
      plan.kind = MatchKind::kCorrected;
      return plan;
    }
    if (corrected_found == 0 && found == 0 && !filters.empty() && m.size() > 0) plan.did_you_mean = join_words(fixed);
  }
  if (found > 0) {
    mark_phonetic(matcher, plan);
    widen(ctx, req, found_by, found, plan);
    return plan;
  }
  if (parsed.words.size() > 1) {
    TextPlan whole = build_text_plan(ctx, plan.shown, MatchMode::kAll, req.typing);
    // Relaxed: concepts the index does not know are left out, then grade
    // words, then concepts from the end ("ashwagandha churna organic" ->
    // "ashwagandha churna"): the first words usually name the product.
    // Concepts, not words, so a phrase known whole stays whole while it
    // finds something ("eggshell for gynaecological health" -> women's
    // health, not every product mentioning "health").
    // A number alone is not a concept ("omega 3" must not list every "3 x 75
    // g" soap): number groups never stand without a word group. Nor are
    // generic words ("oil capsules"), and what is kept must be held
    // tellingly by what it finds.
    std::erase_if(whole.groups, only_numbers);
    TextPlan known = known_concepts(ctx, whole);
    while (!known.groups.empty()) {
      std::vector<TextGroup> telling;
      for (const auto& g : known.groups)
        if (!only_generic(query_words, g)) telling.push_back(g);
      if (!telling.empty()) {
        Matches m = matcher.keep_telling(matcher.match(known), telling);
        if (found_by(m) > 0) {
          plan.matches = std::move(m);
          std::vector<std::string> kept;
          for (const auto& g : known.groups) kept.insert(kept.end(), g.words.begin(), g.words.end());
          plan.kept = join_words(kept);
          plan.used = std::move(known);
          plan.kind = MatchKind::kRelaxed;
          return plan;
        }
      }
      drop_least_telling(query_words, known.groups);
    }
  }
  plan.matches = Matches{};
  plan.used = TextPlan{};
  plan.kind = MatchKind::kNone;
  return plan;
}

}  // namespace ayc::search
