// --only-recommendations: the served generation copied with fresh lists.
#include <filesystem>

#include "indexer/recommendation_stage.h"
#include "indexer/run_common.h"
#include "indexer/xapian_files.h"

namespace ayc::indexer {

namespace fs = std::filesystem;

Result<RunSummary> run_only_recommendations(const IndexerConfig& config) {
  auto start = SteadyClock::now();
  Generations gens(config.index_dir);
  AYC_RETURN_IF_ERROR(gens.ensure_root());
  auto lock = RunLock::acquire(gens.root());
  if (!lock.ok()) return lock.status();
  (void)gens.cleanup(static_cast<int>(config.keep_generations));
  auto current = gens.current();
  if (!current.ok()) return current.status();
  if (!current->has_value()) {
    return Status::FailedPrecondition("no generation in " + config.index_dir + ": run a full index first");
  }
  auto base = read_manifest(gens.path_of(**current));
  if (!base.ok()) return base.status();

  RunSummary summary;
  summary.kind = "recommendations";
  summary.generation = gens.next_name();
  fs::path staging = gens.staging_path(summary.generation);
  std::error_code ec;
  fs::copy(gens.path_of(**current), staging, fs::copy_options::recursive, ec);
  if (ec) return Status::Unavailable("copying the served generation: " + ec.message());
  auto store = FeatureStore::open((staging / kFeaturesSubdir).string(), FeatureStore::Mode::kReadWrite);
  if (!store.ok()) return store.status();
  AYC_RETURN_IF_ERROR((*store)->clear(FeatureStore::Family::kRelated));
  AYC_RETURN_IF_ERROR((*store)->clear(FeatureStore::Family::kUsers));
  auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch());
  auto recs = run_recommendation_stage(config, **store, now.count());
  if (!recs.ok()) return recs.status();
  FeatureStore::Batch meta;
  meta.put(FeatureStore::Family::kMeta, "generation", summary.generation);
  AYC_RETURN_IF_ERROR((*store)->commit(meta));
  AYC_RETURN_IF_ERROR((*store)->finalize());
  store->reset();

  std::int64_t searchable = std::stoll("0" + base->get("searchable"));
  AYC_RETURN_IF_ERROR(verify_generation(staging, searchable));
  Manifest manifest = *base;
  manifest.fields["generation"] = summary.generation;
  manifest.fields["kind"] = "recommendations";
  manifest.fields["base_generation"] = **current;
  AYC_RETURN_IF_ERROR(write_manifest(staging, manifest));
  AYC_RETURN_IF_ERROR(gens.publish(summary.generation));
  (void)gens.cleanup(static_cast<int>(config.keep_generations));

  summary.searchable = searchable;
  summary.recommendation_seconds = recs->seconds;
  finish_summary(summary, gens, start);
  return summary;
}

}  // namespace ayc::indexer
