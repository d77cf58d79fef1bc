#include "server/search/matcher.h"

#include <algorithm>

#include "index/index_schema.h"
#include "server/search/list_fold.h"
#include "server/search/list_ops.h"

namespace ayc::search {

namespace {

bool is_mention_term(const std::string& t) { return t.rfind(index::kPrefixMentionedIngredient, 0) == 0; }

std::string group_key(const TextGroup& g) {
  std::string key = "\x01";
  for (const auto& terms : g.alternatives) {
    for (const auto& t : terms) key += t + '\x1f';
    key += '\x1e';
  }
  return key;
}

}  // namespace

const std::vector<Xapian::docid>& Matches::docs() const {
  if (!list->docs.empty() || list->members == 0) return list->docs;
  if (listed_docs_ == nullptr || listed_docs_->of != list) {
    listed_docs_ = std::make_shared<Listed>();
    listed_docs_->of = list;
    docs_of(*list, listed_docs_->docs);
  }
  return listed_docs_->docs;
}

std::vector<float> Matches::weights() const {
  std::vector<float> listed;
  return weights_of(*list, listed);
}

PostingPtr Matcher::group_postings(const TextGroup& g) const {
  if (g.alternatives.size() == 1 && g.alternatives[0].size() == 1) return cache_.get(db_, g.alternatives[0][0]);
  // A union is only an input of its scored list (cached), so it is not cached itself.
  return compute_group(g);
}

PostingPtr Matcher::compute_group(const TextGroup& g) const {
  // An alternative of one term (most are) stays packed until it is known
  // whether the union is dense: then it is decoded straight into the sum.
  std::vector<std::shared_ptr<const PackedPostings>> terms;
  std::vector<PostingPtr> lists;
  std::size_t total = 0;
  for (const auto& alternative : g.alternatives) {
    if (alternative.empty()) continue;
    if (alternative.size() == 1) {
      auto packed = cache_.get_packed(db_, alternative[0]);
      if (packed->count == 0) continue;
      total += packed->count;
      terms.push_back(std::move(packed));
      continue;
    }
    PostingPtr acc = phrase_postings(alternative);
    if (acc->docs.empty()) continue;
    total += acc->docs.size();
    lists.push_back(std::move(acc));
  }
  // Several alternatives covering a good part of the collection (a
  // symptom's herbs, a herb's names): folded into one array by docid.
  const Xapian::docid range = docs_.live().empty() ? 0 : docs_.live().back();
  if (terms.size() + lists.size() > 2 && total * 4 > range) {
    FrequencyUnion sum;
    for (const auto& t : terms) sum.add(*t);
    for (const auto& l : lists) sum.add(*l);
    return sum.finish();
  }
  for (const auto& t : terms) lists.push_back(std::make_shared<const PostingList>(unpack_postings(*t)));
  return union_all(std::move(lists));
}

PostingPtr Matcher::phrase_postings(const std::vector<std::string>& terms) const {
  std::vector<std::shared_ptr<const PackedPostings>> held;
  for (const auto& t : terms) {
    held.push_back(cache_.get_packed(db_, t));
    if (held.back()->count == 0) return empty_postings();
  }
  std::sort(held.begin(), held.end(), [](const auto& a, const auto& b) { return a->count < b->count; });
  // The rarest term unpacked; each other decoded against what is left.
  PostingPtr acc = std::make_shared<const PostingList>(unpack_postings(*held.front()));
  for (std::size_t i = 1; i < held.size() && !acc->docs.empty(); ++i) acc = intersect_packed(*acc, *held[i]);
  return acc;
}

PostingPtr Matcher::telling_term(const std::string& t) const {
  // Boolean terms (an ingredient, a phonetic key of a name, brand,
  // ingredient or indication word) are telling wherever they are; a stem
  // where it weighs kTellingWdf or more (a weaker posting sets no bit), or
  // is a use of the product's ingredients. A herb's or a common word's
  // ("indian") recurs in many concepts' telling lists: cached once asked twice.
  return cache_.get_or_compute("\x09" + t, [&] {
    MembershipUnion held;
    if (index::is_free_text_term(t)) {
      held.add(*cache_.get_packed(db_, t), kTellingWdf);
      held.add(*cache_.get_packed(db_, index::use_stem_term(t)));
    } else {
      held.add(*cache_.get_packed(db_, t));
    }
    return held.finish();
  }, PostingsCache::Admission::kSecondUse);
}

PostingPtr Matcher::telling_phrase(const std::vector<std::string>& terms) const {
  std::vector<PostingPtr> held;
  for (const auto& t : terms) {
    held.push_back(telling_term(t));
    if (held.back()->size() == 0) return empty_postings();
  }
  std::sort(held.begin(), held.end(), [](const PostingPtr& a, const PostingPtr& b) { return a->size() < b->size(); });
  auto out = std::make_shared<PostingList>();
  append_docs(*held.front(), out->docs);
  for (std::size_t i = 1; i < held.size() && !out->docs.empty(); ++i) {
    const PostingList& other = *held[i];
    std::size_t w = 0, at = 0;
    for (Xapian::docid d : out->docs) {
      bool has;
      if (!other.bits.empty()) {
        has = other.has(d);
      } else {
        at = skip_to(other.docs, at, d);
        has = at < other.docs.size() && other.docs[at] == d;
      }
      out->docs[w] = d;
      w += has;
    }
    out->docs.resize(w);
  }
  return out;
}

PostingPtr Matcher::name_postings(const TextGroup& g) const {
  // Each alternative read in names: a stem as XN<stem>, a canonical
  // ingredient as XNK<slug> (a herb the name names under any of its names);
  // other boolean terms (phonetic keys, SKUs) say nothing about the name.
  std::vector<PostingPtr> alternatives;
  for (const auto& terms : g.alternatives) {
    PostingPtr acc;
    for (const auto& t : terms) {
      std::string name_term;
      if (t.rfind(index::kPrefixCanonicalIngredient, 0) == 0) {
        name_term = index::name_ingredient_term(t.substr(index::kPrefixCanonicalIngredient.size()));
      } else if (index::is_free_text_term(t)) {
        name_term = index::name_stem_term(t);
      } else {
        acc = nullptr;
        break;
      }
      PostingPtr p = cache_.get(db_, name_term);
      acc = acc ? intersect_sum(*acc, *p) : p;
      if (acc->docs.empty()) break;
    }
    if (acc && !acc->docs.empty()) alternatives.push_back(std::move(acc));
  }
  return union_all(std::move(alternatives));
}

PostingPtr Matcher::mention_postings(const TextGroup& g) const {
  std::vector<PostingPtr> mentions;
  for (const auto& terms : g.alternatives) {
    if (terms.size() == 1 && is_mention_term(terms[0])) mentions.push_back(cache_.get(db_, terms[0]));
  }
  return union_all(std::move(mentions));
}

PostingPtr Matcher::telling_postings(const TextGroup& g) const {
  return cache_.get_or_compute("\x05" + group_key(g), [&] {
    // The name's, and each alternative's (its terms held tellingly, see
    // telling_term), folded into one membership once all are at hand (a
    // term's own fold may borrow the thread's array meanwhile).
    std::vector<PostingPtr> lists{name_postings(g)};
    for (const auto& alternative : g.alternatives) {
      // A herb's mention in a description may be in passing ("best taken with honey").
      if (alternative.empty() || (alternative.size() == 1 && is_mention_term(alternative[0]))) continue;
      lists.push_back(alternative.size() == 1 ? telling_term(alternative[0]) : telling_phrase(alternative));
    }
    MembershipUnion held;
    for (const auto& l : lists) held.add(*l);
    return held.finish();
  });
}

Matches Matcher::keep_telling(const Matches& m, const std::vector<TextGroup>& groups) const {
  std::vector<PostingPtr> lists;
  std::vector<std::string> keys;
  for (const auto& g : groups) {
    lists.push_back(telling_postings(g));
    keys.push_back(group_key(g));
  }
  std::sort(keys.begin(), keys.end());
  Matches out;
  out.signature = m.signature + "\x05";
  for (const auto& k : keys) out.signature += k;
  // Relaxed searches try the same kept concepts again and again: cached per signature.
  out.list = cache_.get_or_compute_scored(
      "\x06" + out.signature, [&] { return keep_in_any(*m.list, std::move(lists)); }, false,
      PostingsCache::Admission::kSecondUse);
  return out;
}

Matches Matcher::first_then(const Matches& first, const Matches& then) const {
  Matches out;
  out.signature = "\x07" + first.signature + "\x1d" + then.signature;
  out.list = cache_.get_or_compute(out.signature, [&] {
    const PostingList& a_list = *first.list;
    const PostingList& b_list = *then.list;
    std::vector<Xapian::docid> a_expanded, b_expanded;
    const std::vector<Xapian::docid>& a_docs = docs_of(a_list, a_expanded);
    const std::vector<Xapian::docid>& b_docs = docs_of(b_list, b_expanded);
    auto merged = std::make_shared<PostingList>();
    merged->docs.reserve(a_docs.size() + b_docs.size());
    merged->weights.reserve(a_docs.size() + b_docs.size());
    std::size_t i = 0, j = 0;
    while (i < a_docs.size() || j < b_docs.size()) {
      if (j == b_docs.size() || (i < a_docs.size() && a_docs[i] <= b_docs[j])) {
        if (j < b_docs.size() && b_docs[j] == a_docs[i]) ++j;
        merged->docs.push_back(a_docs[i]);
        merged->weights.push_back(a_list.weight(i++) + kFirstBonus);
      } else {
        merged->docs.push_back(b_docs[j]);
        merged->weights.push_back(b_list.weight(j++));
      }
    }
    return PostingPtr(std::move(merged));
  }, PostingsCache::Admission::kSecondUse);
  return out;
}

bool Matcher::group_has(const TextGroup& g, Xapian::docid d) const {
  const PostingPtr list = scored_group(g, group_key(g));
  if (!list->bits.empty()) return list->has(d);
  return std::binary_search(list->docs.begin(), list->docs.end(), d);
}

bool Matcher::every_group_matches(const TextPlan& plan) const {
  if (plan.empty()) return false;
  return std::all_of(plan.groups.begin(), plan.groups.end(),
                     [&](const TextGroup& g) { return scored_group(g, group_key(g))->size() > 0; });
}

PostingPtr Matcher::scored_group(const TextGroup& g, const std::string& key) const {
  // Groups recur across searches ("oil" | "taila" | "thailam"; a herb's
  // names), so their scored lists are cached like a term's list.
  return cache_.get_or_compute_scored("\x02" + key, [&] {
    PostingPtr base = group_postings(g);
    auto out = std::make_shared<PostingList>();
    out->docs = base->docs;
    out->weights.resize(base->docs.size());
    const double idf = ranking::bm25_idf(base->docs.size(), docs_.count());
    const double avg = docs_.average_length();
    // Documents whose name holds the concept, and (a herb's group) whose own
    // text names the herb: the lists ascend, one merge each.
    const PostingPtr names = base->docs.empty() ? base : name_postings(g);
    const PostingPtr mentions = base->docs.empty() ? base : mention_postings(g);
    std::size_t n = 0, m = 0;
    constexpr std::size_t kAhead = 16;  // lengths of scattered documents, asked for early
    for (std::size_t i = 0; i < base->docs.size(); ++i) {
      if (i + kAhead < base->docs.size()) docs_.prefetch_length(base->docs[i + kAhead]);
      double w = ranking::bm25_weight(idf, base->wdfs[i], docs_.length(base->docs[i]), avg, bm25_);
      while (n < names->docs.size() && names->docs[n] < base->docs[i]) ++n;
      if (n < names->docs.size() && names->docs[n] == base->docs[i]) w += bm25_.name_bonus;
      while (m < mentions->docs.size() && mentions->docs[m] < base->docs[i]) ++m;
      if (m < mentions->docs.size() && mentions->docs[m] == base->docs[i]) w += bm25_.mention_bonus;
      out->weights[i] = static_cast<float>(w);
    }
    // Long groups ("oil", a popular herb) are intersected with many others:
    // a bitmap (~1.5 bits per docid of the collection) makes that a bit test
    // per candidate instead of a search. Worth it once the list holds more
    // than 1/32 of the docids up to its last. Stored, a long one is
    // compacted too (docs dropped, weights indexed): at a million products
    // the scored groups are most of the posting cache, and their docs and
    // float weights three quarters of them.
    if (is_dense(*out)) add_bitmap(*out);
    return out;
  }, true);
}


Matches Matcher::match(const TextPlan& plan) const {
  Matches out;
  if (plan.empty()) {
    out.list = cache_.get_or_compute("\x04every", [&] {
      auto every = std::make_shared<PostingList>();
      every->docs = docs_.live();
      every->weights.assign(every->docs.size(), 0.0f);
      return PostingPtr(std::move(every));
    });
    out.signature = "every";
    return out;
  }
  // Each distinct group once ("oil oil" means oil).
  std::vector<PostingPtr> groups;
  std::vector<std::string> keys, seen;
  for (const auto& g : plan.groups) {
    std::string key = group_key(g);
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
    seen.push_back(key);
    groups.push_back(scored_group(g, key));
    // Any-group matching: a group matching nothing does not change the set.
    if (!plan.any_group || groups.back()->size() > 0) keys.push_back(std::move(key));
  }
  std::sort(keys.begin(), keys.end());
  std::string signature = plan.any_group ? "any" : "all";
  for (const auto& k : keys) signature += k;
  // One group: its scored list is the set. More: different words often
  // mean the same groups ("ashwagandha tablets", "indian ginseng vati"), so
  // a match set is cached by its signature.
  out.list = groups.size() == 1
                 ? groups[0]
                 : cache_.get_or_compute_scored(
                       "\x03" + signature,
                       [&] { return plan.any_group ? union_scored(groups) : intersect_scored(groups); }, false,
                       PostingsCache::Admission::kSecondUse);
  out.signature = std::move(signature);
  return out;
}

PostingPtr Matcher::restrict_one(const PostingList& m, const FilterPart& f) const {
  if (f.price) {
    auto out = std::make_shared<PostingList>();
    std::vector<Xapian::docid> expanded;
    const std::vector<Xapian::docid>& m_docs = docs_of(m, expanded);
    for (std::size_t i = 0; i < m_docs.size(); ++i) {
      double price = columns_.price(m_docs[i]);
      if (price >= f.price->first && price <= f.price->second) {
        out->docs.push_back(m_docs[i]);
        out->weights.push_back(m.weight(i));
      }
    }
    return out;
  }
  // A filter's terms recur (brands, categories, "in stock"): their
  // documents are cached as membership lists, not unpacked per search.
  std::vector<PostingPtr> lists;
  for (const auto& t : f.terms) {
    lists.push_back(cache_.get_or_compute("\x08" + t, [&] { return membership_of(*cache_.get(db_, t)); }));
  }
  return keep_in_any(m, std::move(lists));
}

std::string filters_signature(const std::vector<FilterPart>& filters) {
  std::string out;
  for (const auto& f : filters) {
    out += f.facet + '\x1f';
    for (const auto& t : f.terms) out += t + '\x1f';
    if (f.price) out += std::to_string(f.price->first) + '-' + std::to_string(f.price->second);
    out += '\x1e';
  }
  return out;
}

Matches Matcher::restrict(const Matches& m, const std::vector<FilterPart>& filters,
                          const std::string& except_facet) const {
  Matches out = m;
  for (const auto& f : filters) {
    if (!except_facet.empty() && f.facet == except_facet) continue;
    out.list = restrict_one(*out.list, f);
  }
  return out;
}

}  // namespace ayc::search
