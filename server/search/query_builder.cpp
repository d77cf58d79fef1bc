#include "server/search/query_builder.h"

#include <unordered_set>

#include "common/text.h"
#include "indexer/index_schema.h"

namespace ayc::search {

namespace {

// Words that narrow nothing in this store, dropped from multi-word queries on
// top of the index's own stop words.
bool query_noise(const std::string& w) {
  static const std::unordered_set<std::string> kWords = {"best", "buy", "online", "ayurvedic", "ayurveda",
                                                         "herbal", "product", "products", "me", "my", "i", "what"};
  return index::is_stop_word(w) || kWords.count(w) > 0;
}

Xapian::Stem& stemmer() {
  thread_local Xapian::Stem stem("english");
  return stem;
}

// One word: its stem, as the index holds every word.
Xapian::Query word_query(const std::string& word) { return Xapian::Query(stemmer()(word)); }

Xapian::Query phrase_query(const std::string& phrase) {
  std::vector<Xapian::Query> parts;
  for (const auto& w : text::split_words(phrase))
    if (!index::is_stop_word(w)) parts.push_back(word_query(w));
  if (parts.empty()) return Xapian::Query::MatchNothing;
  if (parts.size() == 1) return parts[0];
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

Xapian::Query prefix_query(const std::string& word) {
  return Xapian::Query(Xapian::Query::OP_WILDCARD, word, 40, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
}

}  // namespace

ParsedQuery parse_query(const std::string& q) {
  ParsedQuery out;
  auto words = text::split_words(text::normalize(q));
  for (auto& w : words) {
    if (words.size() > 1 && query_noise(w)) continue;
    out.words.push_back(std::move(w));
  }
  if (out.words.empty() && !words.empty()) out.words = std::move(words);  // only stop words: keep them
  return out;
}

Xapian::Query build_text_query(const ParsedQuery& parsed, const IndexSnapshot& snap, const Xapian::Database& db,
                               MatchMode mode, bool typing) {
  if (parsed.empty()) return Xapian::Query::MatchAll;
  std::vector<Xapian::Query> groups;
  const auto& w = parsed.words;
  std::size_t i = 0;
  while (i < w.size()) {
    // The longest phrase starting here that the synonym table knows.
    std::size_t taken = 1;
    const std::vector<std::string>* alternatives = nullptr;
    std::string phrase = w[i];
    for (std::size_t n = std::min(snap.longest_synonym_words(), w.size() - i); n >= 1; --n) {
      std::string candidate = w[i];
      for (std::size_t k = 1; k < n; ++k) candidate += " " + w[i + k];
      if (const auto* alts = snap.synonyms_of(candidate)) {
        alternatives = alts;
        taken = n;
        phrase = candidate;
        break;
      }
    }
    std::vector<Xapian::Query> options{phrase_query(phrase)};
    if (alternatives != nullptr) {
      for (const auto& alt : *alternatives) options.push_back(phrase_query(alt));
    }
    bool last = i + taken == w.size();
    if (last && typing && taken == 1 && w[i].size() >= 2) options.push_back(prefix_query(w[i]));
    groups.emplace_back(Xapian::Query::OP_OR, options.begin(), options.end());
    i += taken;
  }
  (void)db;
  auto op = mode == MatchMode::kAll ? Xapian::Query::OP_AND : Xapian::Query::OP_OR;
  return Xapian::Query(op, groups.begin(), groups.end());
}

std::vector<std::string> spelling_corrected(const ParsedQuery& parsed, const Xapian::Database& db) {
  std::vector<std::string> out;
  bool changed = false;
  for (const auto& w : parsed.words) {
    std::string fix;
    if (w.size() >= 3 && db.get_termfreq(stemmer()(w)) == 0) fix = db.get_spelling_suggestion(w, 2);
    if (!fix.empty() && fix != w) {
      out.push_back(fix);
      changed = true;
    } else {
      out.push_back(w);
    }
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
