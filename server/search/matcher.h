// Query evaluation over in-memory posting lists: which documents match a
// text plan and with what BM25 weight (ranking/bm25.h), and which of them
// pass the filters. Exact by construction — every match is visited — so
// totals and facet counts are exact and cost a pass over arrays, not a
// second trip through the index.
//
// Thread-safety: a Matcher serves one request (it holds that request's
// Xapian handle); the cache and table it reads are shared and immutable.
// Scored lists are cached with the weights of the first Matcher's Bm25Params:
// every Matcher of one cache must use the same parameters.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "ranking/bm25.h"
#include "server/search/doc_table.h"
#include "server/search/facet_columns.h"
#include "server/search/postings.h"

namespace ayc::search {

// One concept of the query: a document matches when it has every term of at
// least one alternative ("ashwagandha" | "withania somnifera" | XK<ashwagandha>).
struct TextGroup {
  std::vector<std::vector<std::string>> alternatives;
  std::vector<std::string> words = {};  // the query words it stands for (empty: none recorded)
};

// Documents must match every group (any group when `any_group`). No groups:
// every document, with weight 0.
struct TextPlan {
  std::vector<TextGroup> groups;
  bool any_group = false;
  bool empty() const { return groups.empty(); }
};

// Matching documents, ascending, with their text weight: a scored list,
// often the cached one itself (shared, never copied per request).
struct Matches {
  PostingPtr list = empty_postings();  // never null
  // Equal for two results of match() exactly when their document sets are
  // (same groups; in any-group mode, same groups that match something).
  std::string signature;
  // A cached list keeps its weights indexed and, once dense, its
  // documents only in its bitmap (compact_scored()): they are listed once
  // per Matches that asks. The engine reads weight i as list->weight(i);
  // weights() is a copy, parallel to docs(), for tests and tools.
  const std::vector<Xapian::docid>& docs() const;
  std::vector<float> weights() const;
  std::size_t size() const { return list->size(); }

 private:
  // What docs() listed, and of which list (Matches are copied and given
  // another list).
  struct Listed {
    PostingPtr of;
    std::vector<Xapian::docid> docs;
  };
  mutable std::shared_ptr<Listed> listed_docs_;
};

// One filter: documents having any of `terms`, or (when `price` is set) a
// base-currency price within [min, max].
struct FilterPart {
  std::string facet;  // the facet it narrows ("brand", "category", "form", "price"), or ""
  std::vector<std::string> terms;
  std::optional<std::pair<double, double>> price;
};

// Equal for two filter lists exactly when they keep the same documents.
std::string filters_signature(const std::vector<FilterPart>& filters);

class Matcher {
 public:
  Matcher(Xapian::Database& db, const PostingsCache& cache, const DocTable& docs, const FacetColumns& columns,
          const ranking::Bm25Params& bm25 = {})
      : db_(db), cache_(cache), docs_(docs), columns_(columns), bm25_(bm25) {}

  Matches match(const TextPlan& plan) const;
  // `m` restricted by every filter part except those narrowing `except_facet`.
  Matches restrict(const Matches& m, const std::vector<FilterPart>& filters, const std::string& except_facet = "") const;
  bool term_exists(const std::string& term) const { return cache_.count(db_, term) > 0; }
  // Whether every group of `plan` matches some document, without scoring
  // (for a one-group plan: whether match() would find anything).
  bool every_group_matches(const TextPlan& plan) const;
  // `m` restricted to the documents that hold one of `groups` tellingly:
  // in the name, as an ingredient, or as more than a passing word (a wdf of
  // kTellingWdf or more: an indication, category or brand, or said three
  // times), not only once in a description ("yoga" in "best taken after
  // yoga").
  static constexpr std::uint32_t kTellingWdf = 3;
  Matches keep_telling(const Matches& m, const std::vector<TextGroup>& groups) const;
  // `first`'s documents and `then`'s others as one scored list in which
  // every document of `first` outweighs every other (kFirstBonus added to
  // its weight), cached per pair.
  static constexpr float kFirstBonus = 10000.0f;
  Matches first_then(const Matches& first, const Matches& then) const;
  // Whether document `d` matches group `g`.
  bool group_has(const TextGroup& g, Xapian::docid d) const;

 private:
  PostingPtr group_postings(const TextGroup& g) const;
  PostingPtr compute_group(const TextGroup& g) const;
  // The documents holding every term of a phrase alternative, frequencies summed.
  PostingPtr phrase_postings(const std::vector<std::string>& terms) const;
  // The documents holding term `t` tellingly (see keep_telling), for
  // membership questions, cached; and those holding every term of a phrase so.
  PostingPtr telling_term(const std::string& t) const;
  PostingPtr telling_phrase(const std::vector<std::string>& terms) const;
  // The documents whose name holds the group's concept (unscored).
  PostingPtr name_postings(const TextGroup& g) const;
  // The documents whose own text names a herb of the group (XM<slug>), unscored.
  PostingPtr mention_postings(const TextGroup& g) const;
  // The documents holding the group's concept tellingly (keep_telling), cached.
  PostingPtr telling_postings(const TextGroup& g) const;
  // The group's documents with their BM25 weight as one term, cached: the
  // weights of a group depend on nothing but the generation, so the
  // divisions are done once per group, not once per search.
  PostingPtr scored_group(const TextGroup& g, const std::string& key) const;  // key: g's cache key
  PostingPtr restrict_one(const PostingList& m, const FilterPart& f) const;

  Xapian::Database& db_;
  const PostingsCache& cache_;
  const DocTable& docs_;
  const FacetColumns& columns_;
  ranking::Bm25Params bm25_;
};

}  // namespace ayc::search
