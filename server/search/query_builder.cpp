#include "server/search/query_builder.h"

#include <algorithm>

#include "common/phonetic.h"
#include "common/query_text.h"
#include "common/text.h"
#include "index/index_schema.h"
#include "server/search/most_frequent.h"

namespace ayc::search {

namespace {

Xapian::Stem& stemmer() {
  thread_local Xapian::Stem stem("english");
  return stem;
}

// The stems a phrase must all contain (stop words dropped), sorted.
std::vector<std::string> phrase_stems(const std::string& phrase) {
  std::vector<std::string> out;
  for (const auto& w : text::split_words(phrase))
    if (!index::is_stop_word(w)) out.push_back(stemmer()(w));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Alternatives as AND-groups of stems, without duplicates and without any
// group that contains another (whatever matches "joint pain" matches "joint").
std::vector<std::vector<std::string>> minimal_alternatives(const std::vector<std::string>& phrases) {
  std::vector<std::vector<std::string>> groups;
  for (const auto& p : phrases) {
    auto stems = phrase_stems(p);
    if (!stems.empty()) groups.push_back(std::move(stems));
  }
  std::sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) {
    return a.size() != b.size() ? a.size() < b.size() : a < b;
  });
  std::vector<std::vector<std::string>> kept;
  for (auto& g : groups) {
    bool redundant = false;
    for (const auto& k : kept) {
      redundant = redundant || std::includes(g.begin(), g.end(), k.begin(), k.end());
    }
    if (!redundant) kept.push_back(std::move(g));
  }
  return kept;
}

// The most frequent indexed terms starting with `prefix` (at most kPrefixTerms
// of the first kPrefixScan in term order).
constexpr std::size_t kPrefixTerms = 20;
constexpr std::size_t kPrefixScan = 2000;

std::vector<std::string> prefix_terms(const std::string& prefix, Xapian::Database& db) {
  std::vector<std::pair<Xapian::doccount, std::string>> found;
  std::size_t scanned = 0;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix) && scanned < kPrefixScan; ++t, ++scanned) {
    found.emplace_back(t.get_termfreq(), *t);
  }
  return most_frequent(std::move(found), kPrefixTerms);
}

struct KnownPhrase {
  std::size_t words = 1;                                   // how many words it takes
  const std::vector<std::string>* alternatives = nullptr;  // null: not in the synonym table
  std::string text;
};

// The longest phrase starting at w[i] that the synonym table knows (else the word alone).
KnownPhrase phrase_at(const std::vector<std::string>& w, std::size_t i, const IndexSnapshot& snap) {
  KnownPhrase out{1, nullptr, w[i]};
  for (std::size_t n = std::min(snap.longest_synonym_words(w[i]), w.size() - i); n >= 1; --n) {
    std::string candidate = w[i];
    for (std::size_t k = 1; k < n; ++k) candidate += " " + w[i + k];
    if (const auto* alts = snap.synonyms_of(candidate)) return KnownPhrase{n, alts, std::move(candidate)};
  }
  return out;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Readings of a word the index does not hold as two words it does, that a
// shopper ran together: "keshking" -> kesh king, "liv52" -> liv 52, and the
// Sanskrit compound that merges a final and an initial "a"
// ("dashmularishta" -> dashmula arishta). Parts have three letters at least,
// except where letters meet digits ("b12" -> b 12). The two readings whose
// rarer part is most common, as AND-groups of stems.
std::vector<std::vector<std::string>> split_readings(const std::string& word, Xapian::Database& db) {
  constexpr std::size_t kMaxReadings = 2;
  for (char c : word)
    if (static_cast<unsigned char>(c) >= 0x80) return {};  // a Devanagari word: no letter boundaries here
  std::vector<std::pair<Xapian::doccount, std::vector<std::string>>> found;
  for (std::size_t k = 1; k < word.size(); ++k) {
    const bool letters_meet_digits = is_digit(word[k - 1]) != is_digit(word[k]);
    const std::size_t min_part = letters_meet_digits ? 1 : 3;
    if (k < min_part || word.size() - k < min_part) continue;
    const std::string left = stemmer()(word.substr(0, k));
    const Xapian::doccount left_docs = db.get_termfreq(left);
    if (left_docs == 0) continue;
    std::vector<std::string> rights{word.substr(k)};
    if (word[k - 1] == 'a' && word[k] != 'a') rights.push_back("a" + word.substr(k));
    for (const auto& r : rights) {
      const std::string right = stemmer()(r);
      const Xapian::doccount right_docs = db.get_termfreq(right);
      if (right_docs > 0) found.emplace_back(std::min(left_docs, right_docs), std::vector<std::string>{left, right});
    }
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::vector<std::string>> out;
  for (std::size_t i = 0; i < found.size() && i < kMaxReadings; ++i) out.push_back(std::move(found[i].second));
  return out;
}

// The spelling dictionary's suggestion for a word, empty if none; cached per
// generation. One edit for words of up to five letters, two for longer ones:
// two edits turn a short word into an unrelated one ("kesh" -> "fresh",
// "candy" -> "zandu"), while a long name survives two slips
// ("shilajeet", "ashwaganda").
std::string spelling_of(const std::string& word, const IndexSnapshot& snap, const Xapian::Database& db) {
  return *snap.caches().spellings.get_or_compute(word, [&] {
    const unsigned max_edits = word.size() <= 5 ? 1 : 2;
    std::string suggestion = db.get_spelling_suggestion(word, max_edits);
    return index::is_stop_word(suggestion) ? std::string() : suggestion;  // older indexes suggest "and" for "wand"
  });
}

// What else a word the index does not hold may be: two words run together
// (split_readings) or, when spelling correction has nothing to offer (it
// runs first and is reported as corrected_query), another romanisation of a
// name, brand, ingredient or indication word ("chyavanaprasha" for
// "Chyawanprash", three edits away, through text::phonetic_key; words of 5
// letters or more). Nothing for a word the index holds.
TextGroup other_readings(const std::string& word, const IndexSnapshot& snap, Xapian::Database& db) {
  TextGroup readings;
  if (db.get_termfreq(stemmer()(word)) != 0) return readings;
  readings.alternatives = split_readings(word, db);
  if (word.size() >= 5 && spelling_of(word, snap, db).empty()) {
    const std::string key = text::phonetic_key(word);
    if (!key.empty() && db.term_exists(index::phonetic_term(key))) readings.alternatives.push_back({index::phonetic_term(key)});
  }
  return readings;
}

// Two words a shopper split that the catalogue writes as one ("dant kanti"
// for "Dantkanti"): one group, either both words or the joined one; empty
// when the index does not hold the joined word.
TextGroup joined_group(const std::string& a, const std::string& b, Xapian::Database& db) {
  TextGroup group;
  const std::string joined = stemmer()(a + b);
  if (db.get_termfreq(joined) == 0) return group;
  group.alternatives.push_back({stemmer()(a), stemmer()(b)});
  group.alternatives.push_back({joined});
  return group;
}

// The alternatives of one phrase or word: its stems, or for a synonym-table
// phrase every alternative it stands for (minimal: none contains another).
//
// A herb's name stands for the herb, whichever name it is ("nellikkai",
// "indian gooseberry", "amla"): its canonical term XK<slug>, its canonical
// name, and XM<slug> (products whose own text names it under any name), the
// same group for every name. The products carry all of a herb's names in
// their ingredient field anyway, so a typed name adds few products, and as
// one group a herb's scored list is built once for all its names: at a
// million products one costs a pass over about 190,000 postings.
TextGroup group_of(const KnownPhrase& known) {
  std::vector<std::string> phrases{known.text};
  TextGroup group;
  if (known.alternatives != nullptr) {
    std::vector<std::string> canonical_names;
    for (const auto& alt : *known.alternatives) {
      if (alt.rfind(index::kPrefixCanonicalIngredient, 0) != 0) continue;
      const std::string slug = alt.substr(index::kPrefixCanonicalIngredient.size());
      group.alternatives.push_back({alt});
      group.alternatives.push_back({index::mentioned_ingredient_term(slug)});
      std::string canonical = slug;
      std::replace(canonical.begin(), canonical.end(), '-', ' ');
      canonical_names.push_back(std::move(canonical));
    }
    if (!group.alternatives.empty()) {
      phrases = std::move(canonical_names);
    } else {
      phrases.insert(phrases.end(), known.alternatives->begin(), known.alternatives->end());
    }
  }
  for (auto& stems : minimal_alternatives(phrases)) group.alternatives.push_back(std::move(stems));
  return group;
}

}  // namespace

ParsedQuery parse_query(const std::string& q, const index::QueryWords& query_words) {
  ParsedQuery out;
  auto words = text::split_words(text::query_text(q));
  const bool typed_any = !words.empty();
  std::erase_if(words, [&](const std::string& w) { return query_words.is_function(w); });
  for (const auto& w : words) {
    if (words.size() > 1 && (index::is_stop_word(w) || query_words.is_noise(w))) continue;
    out.words.push_back(w);
  }
  if (out.words.empty()) out.words = std::move(words);  // only stop and noise words: keep them
  out.only_function_words = out.words.empty() && typed_any;
  return out;
}

std::string join_words(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

std::string phrase_as_query(const std::string& phrase, const index::QueryWords& query_words) {
  const ParsedQuery parsed = parse_query(phrase, query_words);
  return parsed.empty() ? phrase : join_words(parsed.words);
}

TextPlan build_text_plan(const SearchContext& ctx, const ParsedQuery& parsed, MatchMode mode, bool typing) {
  const IndexSnapshot& snap = ctx.snap;
  const Matcher& matcher = ctx.matcher;
  Xapian::Database& db = ctx.db;
  TextPlan plan;
  plan.any_group = mode == MatchMode::kAny;
  const auto& w = parsed.words;
  std::size_t i = 0;
  while (i < w.size()) {
    KnownPhrase known = phrase_at(w, i, snap);
    // Two plain words the catalogue may write as one.
    if (known.alternatives == nullptr && i + 1 < w.size() && phrase_at(w, i + 1, snap).alternatives == nullptr) {
      auto joined = snap.caches().joined_groups.get_or_compute(w[i] + " " + w[i + 1],
                                                               [&] { return joined_group(w[i], w[i + 1], db); });
      if (!joined->alternatives.empty()) {
        plan.groups.push_back(*joined);
        plan.groups.back().words = {w[i], w[i + 1]};
        i += 2;
        continue;
      }
    }
    const std::size_t taken = known.words;
    // A phrase always makes the same group in one generation: built once.
    TextGroup group = *snap.caches().text_groups.get_or_compute(known.text, [&] { return group_of(known); });
    bool last = i + taken == w.size();
    bool completed = false;
    // While typing, an unfinished last word matches as a prefix ("ashwag").
    if (last && typing && taken == 1 && w[i].size() >= 3 && !matcher.term_exists(stemmer()(w[i]))) {
      auto completions = snap.caches().prefixes.get_or_compute(w[i], [&] { return prefix_terms(w[i], db); });
      for (const auto& t : *completions) group.alternatives.push_back({t});
      completed = !completions->empty();
    }
    // A word the index does not hold (nor completes) may be two it does, or
    // another romanisation of one it does.
    if (known.alternatives == nullptr && taken == 1 && !completed) {
      auto other = snap.caches().readings.get_or_compute(w[i], [&] { return other_readings(w[i], snap, db); });
      for (const auto& reading : other->alternatives) group.alternatives.push_back(reading);
    }
    group.words.assign(w.begin() + static_cast<std::ptrdiff_t>(i), w.begin() + static_cast<std::ptrdiff_t>(i + taken));
    if (!group.alternatives.empty()) plan.groups.push_back(std::move(group));  // else only stop words
    i += taken;
  }
  return plan;
}

std::vector<std::string> spelling_corrected(const SearchContext& ctx, const ParsedQuery& parsed) {
  const IndexSnapshot& snap = ctx.snap;
  const Matcher& matcher = ctx.matcher;
  const Xapian::Database& db = ctx.db;
  std::vector<std::string> out;
  bool changed = false;
  const auto& w = parsed.words;
  for (std::size_t i = 0; i < w.size();) {
    // Words of a name or phrase the synonym table knows ("rog pratirodhak
    // kshamata", "asgandh") are spelt right even when no product has them.
    KnownPhrase known = phrase_at(w, i, snap);
    if (known.alternatives != nullptr) {
      out.insert(out.end(), w.begin() + static_cast<std::ptrdiff_t>(i),
                 w.begin() + static_cast<std::ptrdiff_t>(i + known.words));
      i += known.words;
      continue;
    }
    // Words of three letters are left as typed: one edit makes too many
    // other words of them ("dil", heart, is not "oil"; "cat" is not "fat").
    std::string fix;
    if (w[i].size() >= 4 && !matcher.term_exists(stemmer()(w[i]))) fix = spelling_of(w[i], snap, db);
    if (!fix.empty() && fix != w[i]) {
      out.push_back(fix);
      changed = true;
    } else {
      out.push_back(w[i]);
    }
    ++i;
  }
  if (!changed) out.clear();
  return out;
}

std::vector<std::string> highlight_stems(const ParsedQuery& parsed) {
  std::vector<std::string> out;
  for (const auto& w : parsed.words) out.push_back(stemmer()(w));
  return out;
}

}  // namespace ayc::search
