// The RocksDB feature store of one index generation: product display data,
// slug -> id map, autocomplete suggestions, recommendation lists and metadata,
// each in its own column family. RocksDB types stay inside feature_store.cpp.
//
// Thread-safety: all methods may be called concurrently (RocksDB is
// thread-safe); the server opens generations read-only.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "index/features.h"

namespace ayc::index {

class FeatureStore {
 public:
  // kChange: read-write for a small change to a store whose files are
  // shared with a published generation (hard links): no compaction, so
  // nothing but the change is written (finalize() only flushes).
  enum class Mode { kCreate, kReadWrite, kChange, kReadOnly };
  enum class Family { kMeta = 0, kProducts, kSlugs, kSuggestions, kRelated, kUsers };

  static Result<std::unique_ptr<FeatureStore>> open(const std::string& path, Mode mode);
  ~FeatureStore();

  // A group of writes applied atomically by commit().
  class Batch {
   public:
    void put(Family family, std::string_view key, std::string_view value);
    void del(Family family, std::string_view key);
    std::size_t size() const;

   private:
    friend class FeatureStore;
    struct Op {
      Family family;
      bool is_delete;
      std::string key;
      std::string value;
    };
    std::vector<Op> ops_;
  };
  Status commit(const Batch& batch);

  Result<std::optional<std::string>> get(Family family, std::string_view key) const;
  // Calls fn for every key/value in the family in key order; stops early when fn returns false.
  Status for_each(Family family, const std::function<bool(std::string_view, std::string_view)>& fn) const;
  // Deletes every key of one family.
  Status clear(Family family);
  // Flushes memtables and compacts, so a finished generation is compact and
  // durable (in kChange mode: flushes only).
  Status finalize();

  // Convenience wrappers over get()/put() with the documented encodings.
  static void put_product(Batch& b, const features::ProductFeatures& p);
  Result<std::optional<features::ProductFeatures>> product(std::string_view id) const;
  Result<std::optional<std::string>> id_for_slug(std::string_view slug) const;
  static std::string related_key(std::string_view product_id, std::string_view kind);

  // Recommendation lists (families kRelated and kUsers) are compact lists
  // naming products by ordinal (features.h); the generation's ordinal table is
  // the meta key kProductOrdinalsKey, written once by the recommendation stage.
  static constexpr std::string_view kProductOrdinalsKey = "list_products";
  static void put_product_ordinals(Batch& b, const std::vector<std::string>& ids);
  static void put_scored_list(Batch& b, Family family, std::string_view key,
                              const std::vector<features::CompactItem>& items);
  // The list under `key` with product ids; nothing when there is no such key;
  // DataLoss when it or the ordinal table does not decode. The table is read
  // at the first call (then kept: a generation's table never changes once
  // its lists are written).
  Result<std::optional<std::vector<features::ScoredItem>>> scored_list(Family family, std::string_view key) const;
  // `users` family: a user's list of `kind` other than for_you (which is the
  // value of the bare user id): "<user id>\0buy_again".
  static std::string user_list_key(std::string_view user_id, std::string_view kind);

 private:
  struct Impl;
  explicit FeatureStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace ayc::index
