#include "server/search/index_snapshot.h"

#include <algorithm>
#include <chrono>

#include "common/text.h"
#include "index/generations.h"
#include "index/index_schema.h"
#include "server/search/cache_key.h"
#include "server/search/query_builder.h"

namespace ayc::search {

namespace fs = std::filesystem;
using index::FeatureStore;

XapianLease::~XapianLease() {
  if (owner_ != nullptr && db_) owner_->give_back(std::move(db_));
}

namespace {

// Each phrase is found under the words a query of it keeps ("jodon ka dard"
// under "jodon dard"): queries drop function and noise words before phrases
// are looked up. Phrases that read alike share their alternatives.
Status load_synonyms(Xapian::Database& db, const index::QueryWords& query_words,
                     std::unordered_map<std::string, std::vector<std::string>>& out,
                     std::unordered_map<std::string, std::size_t>& longest_from) {
  try {
    for (auto k = db.synonym_keys_begin(); k != db.synonym_keys_end(); ++k) {
      const std::string key = phrase_as_query(*k, query_words);
      auto& values = out[key];
      for (auto v = db.synonyms_begin(*k); v != db.synonyms_end(*k); ++v) {
        if (std::find(values.begin(), values.end(), *v) == values.end()) values.push_back(*v);
      }
      const auto words = text::split_words(key);
      if (words.empty()) continue;
      std::size_t& longest = longest_from[words.front()];
      longest = std::max(longest, words.size());
    }
  } catch (const Xapian::Error& e) {
    return Status::DataLoss("reading synonyms: " + e.get_description());
  }
  return Status::Ok();
}

// A product's suggestion is stored under "p:" and its id.
constexpr std::string_view kProductSuggestion = "p:";

// Every suggestion of the store, product ones with their documents.
Result<std::shared_ptr<const Autocomplete>> load_autocomplete(
    const FeatureStore& store, const std::unordered_map<std::string_view, Xapian::docid>& docid_of) {
  auto ac = std::make_shared<Autocomplete>();
  Status decode_error;
  Status scanned = store.for_each(FeatureStore::Family::kSuggestions, [&](std::string_view key, std::string_view v) {
    auto s = features::decode_suggestion(v);
    if (!s) {
      decode_error = Status::DataLoss("undecodable suggestion " + std::string(key));
      return false;
    }
    Xapian::docid d = 0;
    if (key.substr(0, kProductSuggestion.size()) == kProductSuggestion) {
      auto it = docid_of.find(key.substr(kProductSuggestion.size()));
      if (it != docid_of.end()) d = it->second;
    }
    ac->add(std::move(*s), d);
    return true;
  });
  AYC_RETURN_IF_ERROR(scanned);
  AYC_RETURN_IF_ERROR(decode_error);
  ac->build();
  return std::shared_ptr<const Autocomplete>(std::move(ac));
}

// `before`'s shared suggestions less those of documents past the base or
// superseded, plus the suggestions of the delta's products (`docs` after
// the base's last docid), read one by one.
Result<LayeredAutocomplete> extend_autocomplete(const LayeredAutocomplete& before, const FeatureStore& store,
                                                const DocTable& docs, const IndexLayout& layout) {
  const Autocomplete& shared = *before.shared();
  std::vector<bool> hidden(shared.size(), false);
  for (std::size_t i = 0; i < shared.size(); ++i) {
    const Xapian::docid d = shared.docid(i);
    hidden[i] = d != 0 && (d > layout.base_last_docid() || layout.hidden(d));
  }
  auto delta = std::make_shared<Autocomplete>();
  const auto& live = docs.live();
  for (auto it = std::upper_bound(live.begin(), live.end(), layout.base_last_docid()); it != live.end(); ++it) {
    const std::string key = std::string(kProductSuggestion) + std::string(docs.id(*it));
    AYC_ASSIGN_OR_RETURN(auto raw, store.get(FeatureStore::Family::kSuggestions, key));
    if (!raw.has_value()) continue;
    auto s = features::decode_suggestion(*raw);
    if (!s) return Status::DataLoss("undecodable suggestion " + key);
    delta->add(std::move(*s), *it);
  }
  delta->build();
  return LayeredAutocomplete(before.shared(), std::move(hidden), std::move(delta));
}

}  // namespace

Result<std::shared_ptr<const IndexSnapshot>> IndexSnapshot::load(const fs::path& dir, const SnapshotOptions& options,
                                                                 const IndexSnapshot* before) {
  const auto started = std::chrono::steady_clock::now();
  AYC_ASSIGN_OR_RETURN(auto manifest, index::read_manifest(dir));
  if (manifest.get("format_version") != std::to_string(index::kIndexFormatVersion)) {
    return Status::FailedPrecondition("generation " + dir.string() + " has index format " +
                                      manifest.get("format_version") + ", this server reads " +
                                      std::to_string(index::kIndexFormatVersion) + ": reindex");
  }
  auto snap = std::make_shared<IndexSnapshot>(options);
  snap->generation_ = manifest.get("generation");
  snap->built_at_ = std::stoll("0" + manifest.get("built_at"));
  snap->dir_ = dir;
  AYC_ASSIGN_OR_RETURN(auto loaded_layout, IndexLayout::load(dir));
  snap->layout_ = std::move(loaded_layout);
  snap->caches_.postings.use_layout(&snap->layout_);
  AYC_ASSIGN_OR_RETURN(auto store, FeatureStore::open((dir / index::kFeaturesSubdir).string(), FeatureStore::Mode::kReadOnly));
  snap->store_ = std::move(store);

  auto base = snap->store_->get(FeatureStore::Family::kMeta, "base_currency");
  auto rates = snap->store_->get(FeatureStore::Family::kMeta, "currencies");
  if (!base.ok() || !rates.ok() || !base->has_value() || !rates->has_value()) {
    return Status::DataLoss("generation " + dir.string() + " lacks currency metadata");
  }
  AYC_ASSIGN_OR_RETURN(auto table, CurrencyTable::parse(**base, **rates));
  snap->currencies_ = std::move(table);
  AYC_ASSIGN_OR_RETURN(auto query_words, snap->store_->get(FeatureStore::Family::kMeta, "query_words"));
  if (!query_words.has_value()) return Status::DataLoss("generation " + dir.string() + " lacks query words");
  AYC_ASSIGN_OR_RETURN(auto words, index::QueryWords::decode(*query_words));
  snap->query_words_ = std::move(words);

  AYC_ASSIGN_OR_RETURN(auto lease, snap->borrow_xapian());
  AYC_RETURN_IF_ERROR(load_synonyms(lease.db(), snap->query_words_, snap->synonyms_, snap->longest_synonym_from_));
  const IndexLayout& layout = snap->layout_;
  if (before != nullptr && layout.layered() && layout.same_base(before->layout_)) {
    Xapian::Database delta;
    try {
      delta = layout.open_delta(dir);
    } catch (const Xapian::Error& e) {
      return Status::DataLoss("opening the delta of " + dir.string() + ": " + e.get_description());
    }
    AYC_ASSIGN_OR_RETURN(auto facets, FacetColumns::extend(before->facets_, delta, layout));
    snap->facets_ = std::move(facets);
    AYC_ASSIGN_OR_RETURN(auto docs, DocTable::extend(before->docs_, delta, layout));
    snap->docs_ = std::move(docs);
    AYC_ASSIGN_OR_RETURN(auto cards, HitCards::extend(before->cards_, *snap->store_, snap->docs_, layout.base_last_docid()));
    snap->cards_ = std::move(cards);
    AYC_ASSIGN_OR_RETURN(auto ac, extend_autocomplete(before->autocomplete_, *snap->store_, snap->docs_, layout));
    snap->autocomplete_ = std::move(ac);
    snap->extended_ = before->generation_;
  } else {
    AYC_ASSIGN_OR_RETURN(auto facets, FacetColumns::build(lease.db(), layout));
    snap->facets_ = std::move(facets);
    AYC_ASSIGN_OR_RETURN(auto docs, DocTable::build(lease.db(), layout));
    snap->docs_ = std::move(docs);
    const auto docid_of = snap->docs_.by_id();
    AYC_ASSIGN_OR_RETURN(auto cards, HitCards::build(*snap->store_, snap->docs_, docid_of));
    snap->cards_ = std::move(cards);
    AYC_ASSIGN_OR_RETURN(auto ac, load_autocomplete(*snap->store_, docid_of));
    snap->autocomplete_ = LayeredAutocomplete(std::move(ac));
  }
  snap->facets_.pack(PriceBands(snap->currencies_, snap->currencies_.base()));
  snap->doc_count_ = snap->docs_.count();
  if (options.caches.postings_cache_bytes == 0) {
    snap->caches_.postings.set_max_bytes(postings_cache_bytes_for(snap->doc_count_));
  }
  snap->load_seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return std::shared_ptr<const IndexSnapshot>(std::move(snap));
}

Result<ProductPtr> IndexSnapshot::product(const std::string& id) const {
  if (auto hit = caches_.products.get(id)) return hit;
  AYC_ASSIGN_OR_RETURN(auto p, store_->product(id));
  if (!p.has_value()) return ProductPtr();
  auto fresh = std::make_shared<const features::ProductFeatures>(std::move(*p));
  caches_.products.put(id, fresh);
  return ProductPtr(fresh);
}

Result<std::optional<std::string>> IndexSnapshot::id_for_slug(const std::string& slug) const {
  if (auto hit = caches_.slugs.get(slug)) return std::optional<std::string>(*hit);
  auto id = store_->id_for_slug(slug);
  if (!id.ok() || !id->has_value()) return id;
  caches_.slugs.put(slug, std::make_shared<const std::string>(**id));
  return id;
}

ScoredListPtr IndexSnapshot::scored_list(FeatureStore::Family family, const std::string& key) const {
  const std::string list_key = cache_key({std::to_string(static_cast<int>(family)), key});
  if (auto hit = caches_.lists.get(list_key)) return hit;
  auto list = store_->scored_list(family, key);
  auto items = std::make_shared<const std::vector<features::ScoredItem>>(
      list.ok() && list->has_value() ? std::move(**list) : std::vector<features::ScoredItem>{});
  if (list.ok()) caches_.lists.put(list_key, items);
  return items;
}

std::size_t IndexSnapshot::longest_synonym_words(const std::string& first_word) const {
  auto it = longest_synonym_from_.find(first_word);
  return it == longest_synonym_from_.end() ? 0 : it->second;
}

const std::vector<std::string>* IndexSnapshot::synonyms_of(const std::string& phrase) const {
  auto it = synonyms_.find(phrase);
  return it == synonyms_.end() ? nullptr : &it->second;
}

Result<XapianLease> IndexSnapshot::borrow_xapian() const {
  {
    std::lock_guard<std::mutex> lock(pool_mu_);
    if (!pool_.empty()) {
      auto db = std::move(pool_.back());
      pool_.pop_back();
      return XapianLease(this, std::move(db));
    }
  }
  try {
    return XapianLease(this, layout_.open_handle(dir_));
  } catch (const Xapian::Error& e) {
    return Status::DataLoss("opening the Xapian databases of " + dir_.string() + ": " + e.get_description());
  }
}

void IndexSnapshot::give_back(std::unique_ptr<Xapian::Database> db) const {
  std::lock_guard<std::mutex> lock(pool_mu_);
  pool_.push_back(std::move(db));
}

}  // namespace ayc::search
