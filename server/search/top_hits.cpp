#include "server/search/top_hits.h"

#include <algorithm>

namespace ayc::search {

// The first `n` hits in the requested order (ties: higher score, then lower docid).
std::vector<RankedDoc> top_hits(const Matches& hits, SortOrder sort, bool has_text, const DocTable& docs,
                                const FacetColumns& columns, const ranking::BlendParams& blend, std::size_t n,
                                const TopOptions& options) {
  auto before = [](const RankedDoc& a, const RankedDoc& b) {
    if (a.key != b.key) return a.key > b.key;
    if (a.score != b.score) return a.score > b.score;
    return a.doc < b.doc;
  };
  // A heap of the n best so far, its worst on top: most hits are rejected
  // with one comparison.
  std::vector<RankedDoc> best;
  best.reserve(n + 1);
  double direction = sort == SortOrder::kPriceAsc ? -1.0 : 1.0;  // larger key first
  const auto& hit_docs = hits.docs();
  const PostingList& hit_weights = *hits.list;  // its weight(i), indexed or not: not listed per search
  // Early termination: by relevance (or popularity) a block of docids whose
  // best possible hit — the list's largest text weight plus the block's
  // largest prior, or the block's largest popularity — cannot beat the worst
  // kept hit is skipped whole. Exact: a hit is skipped only when it would
  // have been rejected. Other orders visit every hit.
  const bool bounded = !options.exhaustive && (sort == SortOrder::kRelevance || sort == SortOrder::kPopularity);
  float max_weight = 0;
  if (bounded && has_text && sort == SortOrder::kRelevance) {
    max_weight = hit_weights.max_weight();
  }
  // The best (key, score) any document of `block` can reach.
  auto block_best = [&](std::size_t block) -> std::pair<double, double> {
    if (sort == SortOrder::kPopularity) return {docs.block_max_popularity(block), 1e300};
    if (!has_text) return {0.0, docs.block_max_popularity(block)};
    return {0.0, ranking::final_score(max_weight, docs.block_max_prior(block), 0, blend)};
  };
  std::size_t visited = 0, skipped_blocks = 0;
  std::size_t block = ~std::size_t{0};
  constexpr std::size_t kAhead = 16;  // the documents are scattered: their values are asked for early
  for (std::size_t i = 0; i < hit_docs.size() && n > 0; ++i) {
    Xapian::docid d = hit_docs[i];
    if (bounded && best.size() == n && (d >> DocTable::kBlockShift) != block) {
      block = d >> DocTable::kBlockShift;
      const auto [key, score] = block_best(block);
      const RankedDoc& worst = best.front();
      if (key < worst.key || (key == worst.key && score < worst.score)) {
        ++skipped_blocks;
        i = skip_to(hit_docs, i, static_cast<Xapian::docid>((block + 1) << DocTable::kBlockShift)) - 1;
        continue;
      }
    }
    ++visited;
    if (i + kAhead < hit_docs.size()) docs.prefetch(hit_docs[i + kAhead]);
    // The exact-match boost is added to the best of these later (run_search).
    double score = has_text ? ranking::final_score(hit_weights.weight(i), docs.prior(d), 0, blend) : docs.popularity(d);
    double key = 0;
    switch (sort) {
      case SortOrder::kPriceAsc:
      case SortOrder::kPriceDesc: key = direction * columns.price(d); break;
      case SortOrder::kRating: key = docs.rating(d); break;
      case SortOrder::kNewest: key = docs.created_at(d); break;
      case SortOrder::kPopularity: key = docs.popularity(d); break;
      case SortOrder::kRelevance: break;
    }
    RankedDoc r{key, score, d};
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
  if (options.stats) *options.stats = TopStats{visited, skipped_blocks};
  return best;
}

}  // namespace ayc::search
