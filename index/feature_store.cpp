#include "index/feature_store.h"

#include <mutex>

#include <rocksdb/db.h>
#include <rocksdb/options.h>
#include <rocksdb/table.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/write_batch.h>

namespace ayc::index {

namespace {
const std::vector<std::string>& family_names() {
  static const std::vector<std::string> names = {rocksdb::kDefaultColumnFamilyName, "products",
                                                 "slugs", "suggestions", "related", "users"};
  return names;
}

Status to_status(const rocksdb::Status& s, const std::string& what) {
  if (s.ok()) return Status::Ok();
  if (s.IsNotFound()) return Status::NotFound(what + ": " + s.ToString());
  if (s.IsCorruption()) return Status::DataLoss(what + ": " + s.ToString());
  if (s.IsIOError()) return Status::Unavailable(what + ": " + s.ToString());
  return Status::Internal(what + ": " + s.ToString());
}
}  // namespace

struct FeatureStore::Impl {
  std::unique_ptr<rocksdb::DB> db;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  bool compact = true;  // finalize() compacts (not in kChange mode)
  // The product ordinal table, read once (see scored_list()).
  std::once_flag ordinals_once;
  Status ordinals_status;
  std::vector<std::string> ordinals;
  ~Impl() {
    for (auto* h : handles) {
      if (db) db->DestroyColumnFamilyHandle(h);
    }
    if (db) db->Close();
  }
  rocksdb::ColumnFamilyHandle* cf(Family f) const { return handles[static_cast<std::size_t>(f)]; }
};

FeatureStore::FeatureStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
FeatureStore::~FeatureStore() = default;

Result<std::unique_ptr<FeatureStore>> FeatureStore::open(const std::string& path, Mode mode) {
  rocksdb::Options options;
  options.create_if_missing = mode == Mode::kCreate;
  options.error_if_exists = mode == Mode::kCreate;
  options.create_missing_column_families = mode != Mode::kReadOnly;
  options.IncreaseParallelism(2);
  options.max_open_files = 256;
  // A run writes every family at once, beside the Xapian writers and the
  // recommendation models: all memtables together stay under 64 MiB (the
  // default, 64 MiB for each of six families, let them reach ~200 MiB at
  // 100k products). finalize() compacts the extra files away.
  options.db_write_buffer_size = 64 << 20;
  rocksdb::BlockBasedTableOptions table;
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  table.block_cache = rocksdb::NewLRUCache(64 << 20);
  rocksdb::ColumnFamilyOptions cf_options(options);
  cf_options.disable_auto_compactions = mode == Mode::kChange;
  cf_options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  cf_options.write_buffer_size = 16 << 20;
  // Product records and suggestions are text and shrink by LZ4; RocksDB keeps
  // a block uncompressed when it would not (the lists: ordinals and floats).
  cf_options.compression = rocksdb::kLZ4Compression;

  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  for (const auto& name : family_names()) families.emplace_back(name, cf_options);
  auto impl = std::make_unique<Impl>();
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s;
  if (mode == Mode::kReadOnly) {
    s = rocksdb::DB::OpenForReadOnly(rocksdb::DBOptions(options), path, families, &impl->handles, &raw);
  } else {
    s = rocksdb::DB::Open(rocksdb::DBOptions(options), path, families, &impl->handles, &raw);
  }
  if (!s.ok()) return to_status(s, "opening feature store " + path);
  impl->db.reset(raw);
  impl->compact = mode != Mode::kChange;
  return std::unique_ptr<FeatureStore>(new FeatureStore(std::move(impl)));
}

void FeatureStore::Batch::put(Family family, std::string_view key, std::string_view value) {
  ops_.push_back({family, false, std::string(key), std::string(value)});
}
void FeatureStore::Batch::del(Family family, std::string_view key) {
  ops_.push_back({family, true, std::string(key), {}});
}
std::size_t FeatureStore::Batch::size() const { return ops_.size(); }

Status FeatureStore::commit(const Batch& batch) {
  rocksdb::WriteBatch wb;
  for (const auto& op : batch.ops_) {
    if (op.is_delete) {
      wb.Delete(impl_->cf(op.family), op.key);
    } else {
      wb.Put(impl_->cf(op.family), op.key, op.value);
    }
  }
  rocksdb::WriteOptions wo;
  wo.disableWAL = false;
  return to_status(impl_->db->Write(wo, &wb), "writing feature store");
}

Result<std::optional<std::string>> FeatureStore::get(Family family, std::string_view key) const {
  std::string value;
  rocksdb::Status s = impl_->db->Get(rocksdb::ReadOptions(), impl_->cf(family), key, &value);
  if (s.IsNotFound()) return std::optional<std::string>();
  if (!s.ok()) return to_status(s, "reading feature store");
  return std::optional<std::string>(std::move(value));
}

Status FeatureStore::for_each(Family family,
                              const std::function<bool(std::string_view, std::string_view)>& fn) const {
  rocksdb::ReadOptions read;
  read.fill_cache = false;  // a whole-family scan would push out the blocks point reads keep using
  std::unique_ptr<rocksdb::Iterator> it(impl_->db->NewIterator(read, impl_->cf(family)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    if (!fn(std::string_view(it->key().data(), it->key().size()),
            std::string_view(it->value().data(), it->value().size()))) {
      break;
    }
  }
  return to_status(it->status(), "scanning feature store");
}

Status FeatureStore::clear(Family family) {
  std::vector<std::string> keys;
  AYC_RETURN_IF_ERROR(for_each(family, [&](std::string_view k, std::string_view) {
    keys.emplace_back(k);
    return true;
  }));
  Batch batch;
  for (const auto& k : keys) {
    batch.del(family, k);
    if (batch.size() >= 10000) {
      AYC_RETURN_IF_ERROR(commit(batch));
      batch = Batch();
    }
  }
  return commit(batch);
}

Status FeatureStore::finalize() {
  rocksdb::FlushOptions fo;
  fo.wait = true;
  AYC_RETURN_IF_ERROR(to_status(impl_->db->Flush(fo, impl_->handles), "flushing feature store"));
  rocksdb::CompactRangeOptions co;
  for (auto* h : impl_->compact ? impl_->handles : std::vector<rocksdb::ColumnFamilyHandle*>{}) {
    AYC_RETURN_IF_ERROR(to_status(impl_->db->CompactRange(co, h, nullptr, nullptr), "compacting feature store"));
  }
  return to_status(impl_->db->SyncWAL(), "syncing feature store");
}

void FeatureStore::put_product(Batch& b, const features::ProductFeatures& p) {
  b.put(Family::kProducts, p.id, features::encode_product(p));
  if (!p.slug.empty()) b.put(Family::kSlugs, p.slug, p.id);
}

Result<std::optional<features::ProductFeatures>> FeatureStore::product(std::string_view id) const {
  AYC_ASSIGN_OR_RETURN(auto raw, get(Family::kProducts, id));
  if (!raw.has_value()) return std::optional<features::ProductFeatures>();
  auto decoded = features::decode_product(*raw);
  if (!decoded) return Status::DataLoss("feature store: undecodable product " + std::string(id));
  return decoded;
}

Result<std::optional<std::string>> FeatureStore::id_for_slug(std::string_view slug) const {
  return get(Family::kSlugs, slug);
}

void FeatureStore::put_product_ordinals(Batch& b, const std::vector<std::string>& ids) {
  b.put(Family::kMeta, kProductOrdinalsKey, features::encode_product_ordinals(ids));
}

void FeatureStore::put_scored_list(Batch& b, Family family, std::string_view key,
                                   const std::vector<features::CompactItem>& items) {
  b.put(family, key, features::encode_compact_list(items));
}

Result<std::optional<std::vector<features::ScoredItem>>> FeatureStore::scored_list(Family family,
                                                                                    std::string_view key) const {
  AYC_ASSIGN_OR_RETURN(auto raw, get(family, key));
  if (!raw.has_value()) return std::optional<std::vector<features::ScoredItem>>();
  Impl& impl = *impl_;
  std::call_once(impl.ordinals_once, [&] {
    auto table = get(Family::kMeta, kProductOrdinalsKey);
    if (!table.ok()) {
      impl.ordinals_status = table.status();
      return;
    }
    auto ids = table->has_value() ? features::decode_product_ordinals(**table) : std::nullopt;
    if (!ids) {
      impl.ordinals_status = Status::DataLoss("feature store: no decodable product ordinal table");
      return;
    }
    impl.ordinals = std::move(*ids);
  });
  AYC_RETURN_IF_ERROR(impl.ordinals_status);
  auto items = features::decode_compact_list(*raw, impl.ordinals);
  if (!items) return Status::DataLoss("feature store: undecodable list under '" + std::string(key) + "'");
  return std::optional<std::vector<features::ScoredItem>>(std::move(*items));
}

std::string FeatureStore::user_list_key(std::string_view user_id, std::string_view kind) {
  return related_key(user_id, kind);
}

std::string FeatureStore::related_key(std::string_view product_id, std::string_view kind) {
  std::string key;
  key.reserve(product_id.size() + 1 + kind.size());
  key.append(product_id).append(1, '\0').append(kind);
  return key;
}

}  // namespace ayc::index
