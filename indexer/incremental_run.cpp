// Incremental update: changes since the served generation's watermark,
// written as a layered generation (index/layers.h): the base shared, the
// change in a delta, so what a run writes grows with the change.
#include <algorithm>
#include <filesystem>

#include "index/index_schema.h"
#include "index/layers.h"
#include "indexer/product_pipeline.h"
#include "indexer/run_common.h"
#include "indexer/xapian_files.h"

namespace ayc::indexer {

namespace fs = std::filesystem;

namespace {

// The next generation's files, written in `staging`: the base database as
// hard links, a copy of the served delta (or a new empty one), the feature
// store's SST files as hard links and its small files as copies
// (index/layers.h).
Status lay_out_generation(const fs::path& served, const fs::path& staging) {
  auto always = [](const fs::path&) { return true; };
  auto never = [](const fs::path&) { return false; };
  AYC_RETURN_IF_ERROR(index::link_tree(served / index::kXapianSubdir, staging / index::kXapianSubdir, always));
  std::error_code ec;
  if (fs::exists(served / index::kDeltaSubdir, ec)) {
    AYC_RETURN_IF_ERROR(index::link_tree(served / index::kDeltaSubdir, staging / index::kDeltaSubdir, never));
  }
  return index::link_tree(served / index::kFeaturesSubdir, staging / index::kFeaturesSubdir,
                          [](const fs::path& p) { return p.extension() == ".sst"; });
}

// The served generation's superseded docids plus the base documents of every
// product changed or deleted now: whatever the delta says of them, the base's
// copy is out of date.
Result<std::vector<std::uint32_t>> superseded_after(const fs::path& served, const ChangeSet& changes) {
  AYC_ASSIGN_OR_RETURN(auto out, index::read_superseded(served));
  try {
    Xapian::Database base((served / index::kXapianSubdir).string());
    for (const auto* ids : {&changes.changed_ids, &changes.deleted_ids}) {
      for (const auto& id : *ids) {
        const std::string term = index::id_term(id);
        for (auto it = base.postlist_begin(term); it != base.postlist_end(term); ++it) out.push_back(*it);
      }
    }
  } catch (const Xapian::Error& e) {
    return Status::DataLoss("reading the base database: " + e.get_description());
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Removes deleted products from both stores.
Status apply_deletions(const std::vector<std::string>& ids, Xapian::WritableDatabase& db, index::FeatureStore& store) {
  index::FeatureStore::Batch batch;
  try {
    for (const auto& id : ids) {
      db.delete_document(index::id_term(id));
      AYC_ASSIGN_OR_RETURN(auto existing, store.product(id));
      if (existing.has_value() && !existing->slug.empty()) {
        batch.del(index::FeatureStore::Family::kSlugs, existing->slug);
      }
      batch.del(index::FeatureStore::Family::kProducts, id);
      batch.del(index::FeatureStore::Family::kSuggestions, "p:" + id);
    }
  } catch (const Xapian::Error& e) {
    return Status::Internal("deleting from the Xapian index: " + e.get_description());
  }
  return store.commit(batch);
}

struct Applied {
  PipelineCounts counts;
  PipelineTimings timings;
  double postgres_seconds = 0;
};

Result<Applied> apply_changes(const IndexerConfig& config, CatalogReader& reader, const CatalogContext& ctx,
                              const ChangeSet& changes, Xapian::WritableDatabase& db, index::FeatureStore& store) {
  auto progress = make_progress(config, "applying changes", changes.changed_ids.size());
  ProductPipeline pipeline(ctx.kb, {&db}, store, ProductPipeline::Mode::kUpdate,
                           static_cast<std::size_t>(config.batch_size), progress.get());
  auto start = SteadyClock::now();
  Status streamed = Status::Ok();
  if (!changes.changed_ids.empty()) {
    ProductSelection selection{false, changes.changed_ids};
    streamed = reader.stream_products(selection, [&](ProductRecord&& r) { return pipeline.push(std::move(r)); });
  }
  double seconds = seconds_since(start);
  Status finished = pipeline.finish();
  if (progress) progress->finish();
  AYC_RETURN_IF_ERROR(streamed);
  AYC_RETURN_IF_ERROR(finished);
  AYC_RETURN_IF_ERROR(apply_deletions(changes.deleted_ids, db, store));
  Applied out{pipeline.counts(), pipeline.timings(), 0};
  out.postgres_seconds = std::max(0.0, seconds - out.timings.build_seconds - out.timings.xapian_seconds);
  return out;
}

}  // namespace

namespace {

// True when the served generation was written in another index format (an
// older binary): it cannot be updated in place of a rebuild.
bool served_format_differs(const index::Generations& gens) {
  auto current = gens.current();
  if (!current.ok() || !current->has_value()) return false;
  auto manifest = index::read_manifest(gens.path_of(**current));
  return manifest.ok() && manifest->get("format_version") != std::to_string(index::kIndexFormatVersion);
}

}  // namespace

Result<RunSummary> run_incremental(const IndexerConfig& config, const log::Logger& logger) {
  auto start = SteadyClock::now();
  index::Generations gens(config.index_dir);
  if (served_format_differs(gens)) {
    logger.warning("the served generation has another index format; rebuilding in full");
    return run_full(config);
  }
  AYC_RETURN_IF_ERROR(gens.ensure_root());
  AYC_ASSIGN_OR_RETURN(auto lock, index::RunLock::acquire(gens.root()));
  RunSummary summary;
  summary.kind = "incremental";
  if (auto cleaned = gens.cleanup(static_cast<int>(config.keep_generations)); cleaned.ok()) {
    summary.removed_generations = *cleaned;
  }
  AYC_ASSIGN_OR_RETURN(auto current, gens.current());
  if (!current.has_value()) {
    return Status::FailedPrecondition("no generation in " + config.index_dir +
                                      " to update: run a full index first (without --incremental)");
  }
  AYC_ASSIGN_OR_RETURN(auto base_manifest_fields, index::read_manifest(gens.path_of(*current)));
  std::int64_t watermark = std::stoll("0" + base_manifest_fields.get("watermark"));

  AYC_ASSIGN_OR_RETURN(auto reader, CatalogReader::open(config.pg));
  // The suggestions come with the copied generation; past queries are
  // aggregated again by the next full run.
  AYC_ASSIGN_OR_RETURN(auto ctx, reader->load_context(false));
  AYC_ASSIGN_OR_RETURN(auto changes, reader->changes_since(watermark - config.overlap_seconds));

  summary.generation = gens.next_name();
  fs::path staging = gens.staging_path(summary.generation);
  const fs::path served = gens.path_of(*current);
  AYC_RETURN_IF_ERROR(lay_out_generation(served, staging));
  AYC_ASSIGN_OR_RETURN(auto superseded, superseded_after(served, changes));
  AYC_RETURN_IF_ERROR(index::write_superseded(staging, superseded));
  AYC_ASSIGN_OR_RETURN(auto store, index::FeatureStore::open((staging / index::kFeaturesSubdir).string(),
                                                             index::FeatureStore::Mode::kChange));

  Result<Applied> applied = Status::Internal("not run");
  try {
    // The changes go to the delta only: the base's files are shared.
    Xapian::WritableDatabase delta((staging / index::kDeltaSubdir).string(), Xapian::DB_CREATE_OR_OPEN);
    applied = apply_changes(config, *reader, ctx, changes, delta, *store);
    if (!applied.ok()) return applied.status();
    delta.commit();
    delta.close();
  } catch (const Xapian::Error& e) {
    return Status::Internal("updating the delta database: " + e.get_description());
  }
  reader.reset();
  AYC_ASSIGN_OR_RETURN(auto doc_count, generation_doc_count(staging));

  index::FeatureStore::Batch meta;
  put_store_meta(meta, ctx, summary.generation);
  AYC_RETURN_IF_ERROR(store->commit(meta));
  AYC_RETURN_IF_ERROR(store->finalize());
  store.reset();
  AYC_RETURN_IF_ERROR(verify_generation(staging, doc_count));

  index::Manifest manifest = base_manifest(summary.generation, "incremental", ctx);
  manifest.fields["base_generation"] = *current;
  // The base database's origin and last docid, kept across runs.
  const std::string base_database = base_manifest_fields.get(index::kBaseDatabaseField);
  manifest.fields[index::kBaseDatabaseField] = base_database.empty() ? *current : base_database;
  manifest.fields[index::kBaseBuiltAtField] =
      base_manifest_fields.get(base_database.empty() ? "built_at" : index::kBaseBuiltAtField);
  AYC_ASSIGN_OR_RETURN(auto base_last, xapian_last_docid(staging / index::kXapianSubdir));
  manifest.fields[index::kBaseLastDocidField] = std::to_string(base_last);
  manifest.fields["superseded"] = std::to_string(superseded.size());
  manifest.fields["changed"] = std::to_string(changes.changed_ids.size());
  manifest.fields["deleted"] = std::to_string(changes.deleted_ids.size());
  manifest.fields["searchable"] = std::to_string(doc_count);
  AYC_RETURN_IF_ERROR(index::write_manifest(staging, manifest));
  AYC_RETURN_IF_ERROR(gens.publish(summary.generation));
  if (auto cleaned = gens.cleanup(static_cast<int>(config.keep_generations)); cleaned.ok()) {
    summary.removed_generations += *cleaned;
  }

  summary.products = applied->counts.read;
  summary.searchable = doc_count;
  summary.deleted = static_cast<std::int64_t>(changes.deleted_ids.size());
  record_timings(summary, applied->timings, applied->postgres_seconds);
  finish_summary(summary, gens, start);
  return summary;
}

}  // namespace ayc::indexer
