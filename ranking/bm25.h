// BM25 (Robertson & Zaragoza, "The Probabilistic Relevance Framework", 2009),
// the text part of the search score (see scoring.h), as pure code.
//
// A query is a conjunction of concepts; each concept is a group of
// alternative spellings, stems and synonyms. A group is scored as ONE term
// (like Xapian's OP_SYNONYM): its within-document frequency is the sum of its
// alternatives' frequencies and its document frequency the number of
// documents matching any of them, so a product named by two synonyms of a
// word does not outrank one named by the word itself.
//
//     weight(group, d) = idf(n) * (k1 + 1) * wdf / (k1 * K(d) + wdf)
//     idf(n)           = log(1 + (N - n + 0.5) / (n + 0.5))          (never negative)
//     K(d)             = (1 - b) + b * max(len(d) / avg_len, min_norm_len)
//
// wdf counts field weights (a word in the name counts kWeightName times, see
// index/index_schema.h). Boolean-only terms (wdf 0) match but weigh nothing.
//
// wdf saturates (k1): a herb in the name adds little to the same herb listed
// among the ingredients, so a product that IS the herb ("Saffron Capsules")
// would rank by popularity among thousands that merely contain it. A group's
// weight in a document whose name holds the concept (under any of its names:
// "kesar" for "Saffron Capsules") therefore gains `name_bonus`:
//
//     group_weight(g, d) = weight(g, d) + name_bonus * [d's name holds g]
//                                        + mention_bonus * [d's own text names herb g]
//
// The second bonus is for a herb's group only: a search for a herb under
// any of its names matches the herb (query_builder.cpp), so the products
// whose descriptions talk about it ("a classical clove based tablet") rank
// above those that merely list it, whichever name either uses.
//
// Thread-safety: pure functions over values.
#pragma once

#include <algorithm>
#include <cstdint>

namespace ayc::ranking {

struct Bm25Params {
  double k1 = 1.0;           // wdf saturation
  double b = 0.5;            // document-length normalisation
  double min_norm_len = 0.5; // shortest normalised length counted (short names are not over-rewarded)
  double name_bonus = 1.5;    // added to a group's weight where the name holds it (a full prior is worth 1.5)
  double mention_bonus = 0.5; // added to a herb's group where the product's own text names the herb
};

// Inverse document frequency of a group matching `matching` of `total` documents.
double bm25_idf(std::uint64_t matching, std::uint64_t total);

// Weight of a group with frequency `wdf` in a document of length `doc_len`
// (inline: it runs once per matching document and group).
inline double bm25_weight(double idf, std::uint32_t wdf, double doc_len, double avg_len, const Bm25Params& p = {}) {
  if (wdf == 0) return 0;
  double norm = avg_len > 0 ? std::max(doc_len / avg_len, p.min_norm_len) : 1.0;
  double k = p.k1 * ((1 - p.b) + p.b * norm);
  double f = static_cast<double>(wdf);
  return idf * (p.k1 + 1) * f / (k + f);
}

}  // namespace ayc::ranking
