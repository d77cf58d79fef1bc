#include "server/search/index_snapshot.h"

#include <algorithm>

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

Status load_autocomplete(const FeatureStore& store, Autocomplete& ac) {
  Status decode_error;
  Status scanned = store.for_each(FeatureStore::Family::kSuggestions, [&](std::string_view key, std::string_view v) {
    auto s = features::decode_suggestion(v);
    if (!s) {
      decode_error = Status::DataLoss("undecodable suggestion " + std::string(key));
      return false;
    }
    ac.add(std::move(*s));
    return true;
  });
  AYC_RETURN_IF_ERROR(scanned);
  AYC_RETURN_IF_ERROR(decode_error);
  ac.build();
  return Status::Ok();
}

}  // namespace

Result<std::shared_ptr<const IndexSnapshot>> IndexSnapshot::load(const fs::path& dir, const SnapshotOptions& options) {
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
  AYC_ASSIGN_OR_RETURN(auto layout, IndexLayout::load(dir));
  snap->layout_ = std::move(layout);
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
  AYC_RETURN_IF_ERROR(load_autocomplete(*snap->store_, snap->autocomplete_));

  AYC_ASSIGN_OR_RETURN(auto lease, snap->borrow_xapian());
  AYC_RETURN_IF_ERROR(load_synonyms(lease.db(), snap->query_words_, snap->synonyms_, snap->longest_synonym_from_));
  AYC_ASSIGN_OR_RETURN(auto facets, FacetColumns::build(lease.db(), snap->layout_));
  snap->facets_ = std::move(facets);
  snap->facets_.pack(PriceBands(snap->currencies_, snap->currencies_.base()));
  AYC_ASSIGN_OR_RETURN(auto docs, DocTable::build(lease.db(), snap->layout_));
  snap->docs_ = std::move(docs);
  snap->doc_count_ = snap->docs_.count();
  AYC_ASSIGN_OR_RETURN(auto cards, HitCards::build(*snap->store_, snap->docs_));
  snap->cards_ = std::move(cards);
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
    return XapianLease(this, std::make_unique<Xapian::Database>(layout_.open(dir_)));
  } catch (const Xapian::Error& e) {
    return Status::DataLoss("opening the Xapian databases of " + dir_.string() + ": " + e.get_description());
  }
}

void IndexSnapshot::give_back(std::unique_ptr<Xapian::Database> db) const {
  std::lock_guard<std::mutex> lock(pool_mu_);
  pool_.push_back(std::move(db));
}

}  // namespace ayc::search
