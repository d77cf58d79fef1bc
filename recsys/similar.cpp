#include "recsys/similar.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/text.h"
#include "recsys/formulation.h"

namespace ayc::recsys {

namespace {

using RowMat = Eigen::SparseMatrix<float, Eigen::RowMajor>;

struct WeightedFeature {
  std::uint32_t feature;
  float weight;
};

// Interns strings (normalised) into consecutive ids.
class Vocabulary {
 public:
  std::uint32_t id(const std::string& normalized) {
    auto [it, inserted] = ids_.try_emplace(normalized, static_cast<std::uint32_t>(ids_.size()));
    return it->second;
  }
  std::size_t size() const { return ids_.size(); }

 private:
  std::unordered_map<std::string, std::uint32_t> ids_;
};

struct FeatureTable {
  std::vector<std::vector<WeightedFeature>> rows;  // per product, sorted by feature
  std::size_t feature_count = 0;
};

// Each product's features with their group weights, in one id space:
// [ingredients | categories | brands | indications | forms].
FeatureTable item_features(std::span<const ItemContent> items, const SimilarOptions& o) {
  std::size_t ing = 0, cat = 0, brand = 0;
  for (const auto& it : items) {
    for (auto i : it.ingredients) ing = std::max<std::size_t>(ing, std::size_t{i} + 1);
    for (auto c : it.categories) cat = std::max<std::size_t>(cat, std::size_t{c} + 1);
    for (auto c : it.ancestor_categories) cat = std::max<std::size_t>(cat, std::size_t{c} + 1);
    if (it.brand != kNone) brand = std::max<std::size_t>(brand, std::size_t{it.brand} + 1);
  }
  const std::size_t cat_base = ing, brand_base = ing + cat, text_base = ing + cat + brand;
  Vocabulary indications, forms;
  std::vector<std::vector<WeightedFeature>> out(items.size());
  std::vector<std::pair<std::uint32_t, std::uint32_t>> form_of;  // (item, form id)
  for (std::size_t n = 0; n < items.size(); ++n) {
    const ItemContent& it = items[n];
    auto& f = out[n];
    for (auto i : it.ingredients) f.push_back({i, o.ingredient_weight});
    for (auto c : it.categories) f.push_back({static_cast<std::uint32_t>(cat_base + c), o.category_weight});
    for (auto c : it.ancestor_categories)
      f.push_back({static_cast<std::uint32_t>(cat_base + c), o.ancestor_category_weight});
    if (it.brand != kNone) f.push_back({static_cast<std::uint32_t>(brand_base + it.brand), o.brand_weight});
    for (const auto& s : it.indications) {
      std::string norm = text::normalize(s);
      if (!norm.empty()) f.push_back({static_cast<std::uint32_t>(text_base + indications.id(norm)), o.indication_weight});
    }
    std::string form = text::normalize(it.form);
    if (!form.empty()) form_of.emplace_back(static_cast<std::uint32_t>(n), forms.id(form));
  }
  const std::size_t form_base = text_base + indications.size();
  for (auto [n, id] : form_of) out[n].push_back({static_cast<std::uint32_t>(form_base + id), o.form_weight});
  const std::size_t feature_count = form_base + forms.size();
  // A feature listed twice (a category given as both direct and ancestor) keeps its highest weight.
  for (auto& f : out) {
    std::sort(f.begin(), f.end(), [](const WeightedFeature& a, const WeightedFeature& b) {
      return a.feature < b.feature || (a.feature == b.feature && a.weight > b.weight);
    });
    f.erase(std::unique(f.begin(), f.end(), [](const auto& a, const auto& b) { return a.feature == b.feature; }),
            f.end());
    std::erase_if(f, [](const WeightedFeature& w) { return !(w.weight > 0); });
  }
  return {std::move(out), feature_count};
}

// Posting lists of eligible (active) products per feature, best-selling first.
struct Postings {
  std::vector<std::uint64_t> offsets;
  std::vector<std::uint32_t> items;
  std::vector<float> values;
  std::size_t length(std::uint32_t f) const { return offsets[f + 1] - offsets[f]; }
};

Postings build_postings(const RowMat& a, std::span<const ItemContent> items, std::span<const float> popularity) {
  std::vector<std::uint32_t> order(items.size());
  std::iota(order.begin(), order.end(), 0u);
  if (popularity.size() == items.size()) {
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t x, std::uint32_t y) { return popularity[x] > popularity[y]; });
  }
  Postings p;
  p.offsets.assign(static_cast<std::size_t>(a.cols()) + 1, 0);
  for (std::uint32_t n : order) {
    if (!items[n].active) continue;
    for (RowMat::InnerIterator it(a, n); it; ++it) ++p.offsets[static_cast<std::size_t>(it.col()) + 1];
  }
  for (std::size_t f = 1; f < p.offsets.size(); ++f) p.offsets[f] += p.offsets[f - 1];
  p.items.resize(p.offsets.back());
  p.values.resize(p.offsets.back());
  std::vector<std::uint64_t> fill(p.offsets.begin(), p.offsets.end() - 1);
  for (std::uint32_t n : order) {
    if (!items[n].active) continue;
    for (RowMat::InnerIterator it(a, n); it; ++it) {
      const std::uint64_t at = fill[static_cast<std::size_t>(it.col())]++;
      p.items[at] = n;
      p.values[at] = it.value();
    }
  }
  return p;
}

// Row `y` of `a` dotted with `dense`, a row of `a` scattered over every
// feature: one pass over y's features with no branch to mispredict (merging
// two sorted rows took a third of the model's time).
float dense_dot(const RowMat& a, const std::vector<float>& dense, std::uint32_t y) {
  const int* idx = a.innerIndexPtr();
  const float* val = a.valuePtr();
  float s = 0;
  for (auto j = a.outerIndexPtr()[y], je = a.outerIndexPtr()[y + 1]; j < je; ++j) s += val[j] * dense[idx[j]];
  return s;
}

// Sets (value) or clears (0) row `x` of `a` in `dense`.
void scatter_row(const RowMat& a, std::uint32_t x, std::vector<float>& dense, bool clear) {
  for (RowMat::InnerIterator it(a, x); it; ++it) dense[static_cast<std::size_t>(it.col())] = clear ? 0.0f : it.value();
}

// What every worker reads: the vectors, their posting lists, the prior and
// the formulations (empty when lists are not diversified).
struct SimilarModel {
  RowMat a;
  Postings postings;
  std::vector<float> prior;
  std::vector<std::uint32_t> group;
};

// One thread's scratch and the per-product scan described in similar.h.
class SimilarWorker {
 public:
  SimilarWorker(std::span<const ItemContent> items, const SimilarModel& m, const SimilarOptions& o,
                const RunOptions& run)
      : items_(items),
        m_(m),
        o_(o),
        run_(run),
        acc_(items.size(), 0.0f),
        query_(static_cast<std::size_t>(m.a.cols()), 0.0f),
        best_(items.size(), kNone) {}

  void operator()(std::size_t row, std::vector<Scored>& out) {
    if (!items_[row].active) return;
    const auto self = static_cast<std::uint32_t>(row);
    const bool exact = accumulate(self);
    candidates_.clear();
    for (std::uint32_t j : touched_) {
      if (j != self) candidates_.push_back({j, acc_[j] * m_.prior[j]});
      acc_[j] = 0.0f;
    }
    touched_.clear();
    split_duplicates(self, out);
    if (!exact) scatter_row(m_.a, self, query_, false);
    finish(exact, out);
    if (out.size() < run_.k && !demoted_.empty()) {
      finish(exact, demoted_);
      append_below(demoted_, out);
    }
    if (!exact) scatter_row(m_.a, self, query_, true);
  }

 private:
  // Adds this product's contributions from its posting lists, rarest feature
  // first, each read up to a fair share of the budget left; returns true when
  // every shared feature was fully counted.
  bool accumulate(std::uint32_t self) {
    const Postings& p = m_.postings;
    features_.clear();
    for (RowMat::InnerIterator it(m_.a, self); it; ++it)
      if (p.length(static_cast<std::uint32_t>(it.col())) > 0)
        features_.push_back({static_cast<std::uint32_t>(it.col()), it.value()});
    std::sort(features_.begin(), features_.end(), [&](const WeightedFeature& x, const WeightedFeature& y) {
      return p.length(x.feature) < p.length(y.feature) ||
             (p.length(x.feature) == p.length(y.feature) && x.feature < y.feature);
    });
    std::size_t left = o_.candidate_budget;
    bool exact = true;
    for (std::size_t i = 0; i < features_.size(); ++i) {
      const WeightedFeature& f = features_[i];
      const std::size_t len = p.length(f.feature);
      const std::size_t read = std::min(len, std::max<std::size_t>(1, left / (features_.size() - i)));
      const std::uint64_t begin = p.offsets[f.feature];
      for (std::uint64_t at = begin; at < begin + read; ++at) {
        const std::uint32_t j = p.items[at];
        if (acc_[j] == 0.0f) touched_.push_back(j);
        acc_[j] += f.weight * p.values[at];
      }
      left -= std::min(left, read);
      exact = exact && read == len;
    }
    return exact;
  }

  // Moves each formulation's best candidate to `out` and the rest, with every
  // product of the query's own formulation, to demoted_.
  void split_duplicates(std::uint32_t self, std::vector<Scored>& out) {
    demoted_.clear();
    if (m_.group.empty()) {
      out.swap(candidates_);
      return;
    }
    const std::uint32_t own = m_.group[self];
    for (const Scored& c : candidates_) {
      const std::uint32_t g = m_.group[c.item];
      if (g == own) {
        demoted_.push_back(c);
      } else if (best_[g] == kNone) {
        best_[g] = static_cast<std::uint32_t>(out.size());
        groups_.push_back(g);
        out.push_back(c);
      } else if (better(c, out[best_[g]])) {
        demoted_.push_back(std::exchange(out[best_[g]], c));
      } else {
        demoted_.push_back(c);
      }
    }
    for (auto g : groups_) best_[g] = kNone;
    groups_.clear();
  }

  // Cuts `list` to the best run_.k, rescoring a pool exactly (against the
  // product's row in query_) first when the scan was partial.
  void finish(bool exact, std::vector<Scored>& list) const {
    if (!exact) {
      const std::size_t pool = o_.rescore_pool > 0 ? o_.rescore_pool : 4 * run_.k;
      if (list.size() > pool) {  // the pool's order does not matter: it is rescored and sorted below
        std::nth_element(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(pool), list.end(), better);
        list.resize(pool);
      }
      for (auto& s : list) s.score = dense_dot(m_.a, query_, s.item) * m_.prior[s.item];
    }
    for (auto& s : list) s.score = std::min(s.score, kMaxScore);
    keep_top_k(list, run_.k);
  }

  // Appends `tier` (best first) below everything already in `out`.
  void append_below(std::vector<Scored>& tier, std::vector<Scored>& out) const {
    scale_to_unit(tier);
    const float floor = out.empty() ? kMaxScore : out.back().score;
    for (const auto& t : tier) {
      if (out.size() >= run_.k) break;
      out.push_back({t.item, floor * t.score});
    }
  }

  std::span<const ItemContent> items_;
  const SimilarModel& m_;
  const SimilarOptions& o_;
  const RunOptions& run_;
  std::vector<float> acc_;
  std::vector<float> query_;  // the product's row over every feature while it is rescored, else zeros
  std::vector<std::uint32_t> touched_;
  std::vector<WeightedFeature> features_;
  std::vector<Scored> candidates_;
  std::vector<Scored> demoted_;
  std::vector<std::uint32_t> best_;    // per formulation: its index in the output, or kNone
  std::vector<std::uint32_t> groups_;  // formulations with best_ set
};

}  // namespace

RowMat content_vectors(std::span<const ItemContent> items, const SimilarOptions& options) {
  auto [features, feature_count] = item_features(items, options);
  std::vector<std::uint32_t> df(feature_count, 0);
  for (const auto& f : features)
    for (const auto& w : f) ++df[w.feature];
  const double n = static_cast<double>(items.size());
  std::size_t nonzeros = 0;
  for (const auto& f : features) nonzeros += f.size();
  // Filled row by row (each row's features are sorted and distinct), each
  // row freed once copied: no triplets and no second copy of the matrix.
  RowMat a(static_cast<Eigen::Index>(items.size()), static_cast<Eigen::Index>(feature_count));
  a.reserve(static_cast<Eigen::Index>(nonzeros));
  for (std::size_t row = 0; row < features.size(); ++row) {
    double norm2 = 0;
    for (auto& w : features[row]) {
      w.weight *= static_cast<float>(std::log1p(n / df[w.feature]));
      norm2 += double{w.weight} * w.weight;
    }
    const float inv = norm2 > 0 ? static_cast<float>(1.0 / std::sqrt(norm2)) : 0.0f;
    a.startVec(static_cast<Eigen::Index>(row));
    for (const auto& w : features[row])
      a.insertBack(static_cast<Eigen::Index>(row), static_cast<Eigen::Index>(w.feature)) = w.weight * inv;
    std::vector<WeightedFeature>().swap(features[row]);
  }
  a.finalize();
  return a;
}

std::vector<float> popularity_prior(std::span<const float> popularity, std::size_t items, float weight) {
  std::vector<float> prior(items, 1.0f);
  if (popularity.size() != items || !(weight > 0)) return prior;
  float top = 0;
  for (float p : popularity) top = std::max(top, p);
  if (!(top > 0)) return prior;  // nothing sold: no product is proven
  const double log_top = std::log1p(double{top});
  for (std::size_t n = 0; n < items; ++n) {
    const double p = std::log1p(double{std::max(popularity[n], 0.0f)}) / log_top;
    prior[n] = static_cast<float>((1.0 + weight * p) / (1.0 + weight));
  }
  return prior;
}

ScoredLists similar(std::span<const ItemContent> items, std::span<const float> popularity,
                    const SimilarOptions& options, const RunOptions& run) {
  ScoredLists all;
  Status done = similar_blocks(items, popularity, options, run, [&](std::size_t, ScoredLists&& block) {
    all.append_rows(block);
    return Status::Ok();
  });
  (void)done;  // the callback never fails
  return all;
}

Status similar_blocks(std::span<const ItemContent> items, std::span<const float> popularity,
                      const SimilarOptions& options, const RunOptions& run,
                      const std::function<Status(std::size_t, ScoredLists&&)>& on_block) {
  SimilarModel m;
  m.a = content_vectors(items, options);
  m.postings = build_postings(m.a, items, popularity);
  m.prior = popularity_prior(popularity, items.size(), options.popularity_weight);
  if (options.one_per_formulation) m.group = formulation_groups(items);
  auto make_worker = [&] { return SimilarWorker(items, m, options, run); };
  const std::size_t block = std::max<std::size_t>(run.block_rows, 1);
  for (std::size_t first = 0; first < items.size(); first += block) {
    ScoredLists rows = build_scored_rows(first, std::min(block, items.size() - first), run.threads, make_worker);
    AYC_RETURN_IF_ERROR(on_block(first, std::move(rows)));
  }
  return Status::Ok();
}

}  // namespace ayc::recsys
