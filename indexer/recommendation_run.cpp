// --only-recommendations: the served generation copied with fresh lists.
#include <filesystem>

#include "indexer/recommendation_stage.h"
#include "indexer/run_common.h"
#include "indexer/xapian_files.h"

namespace ayc::indexer {

namespace fs = std::filesystem;

Result<RunSummary> run_only_recommendations(const IndexerConfig& config) {
  auto start = SteadyClock::now();
  index::Generations gens(config.index_dir);
  AYC_RETURN_IF_ERROR(gens.ensure_root());
  AYC_ASSIGN_OR_RETURN(auto lock, index::RunLock::acquire(gens.root()));
  (void)gens.cleanup(static_cast<int>(config.keep_generations));
  AYC_ASSIGN_OR_RETURN(auto current, gens.current());
  if (!current.has_value()) {
    return Status::FailedPrecondition("no generation in " + config.index_dir + ": run a full index first");
  }
  AYC_ASSIGN_OR_RETURN(auto base, index::read_manifest(gens.path_of(*current)));

  RunSummary summary;
  summary.kind = "recommendations";
  summary.generation = gens.next_name();
  fs::path staging = gens.staging_path(summary.generation);
  std::error_code ec;
  fs::copy(gens.path_of(*current), staging, fs::copy_options::recursive, ec);
  if (ec) return Status::Unavailable("copying the served generation: " + ec.message());
  AYC_ASSIGN_OR_RETURN(auto store, index::FeatureStore::open((staging / index::kFeaturesSubdir).string(), index::FeatureStore::Mode::kReadWrite));
  AYC_RETURN_IF_ERROR(store->clear(index::FeatureStore::Family::kRelated));
  AYC_RETURN_IF_ERROR(store->clear(index::FeatureStore::Family::kUsers));
  auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch());
  AYC_ASSIGN_OR_RETURN(auto recs, run_recommendation_stage(config, *store, now.count()));
  index::FeatureStore::Batch meta;
  meta.put(index::FeatureStore::Family::kMeta, "generation", summary.generation);
  AYC_RETURN_IF_ERROR(store->commit(meta));
  AYC_RETURN_IF_ERROR(store->finalize());
  store.reset();

  std::int64_t searchable = std::stoll("0" + base.get("searchable"));
  AYC_RETURN_IF_ERROR(verify_generation(staging, searchable));
  index::Manifest manifest = base;
  manifest.fields["generation"] = summary.generation;
  manifest.fields["kind"] = "recommendations";
  manifest.fields["base_generation"] = *current;
  AYC_RETURN_IF_ERROR(index::write_manifest(staging, manifest));
  AYC_RETURN_IF_ERROR(gens.publish(summary.generation));
  (void)gens.cleanup(static_cast<int>(config.keep_generations));

  summary.searchable = searchable;
  summary.recommendation_seconds = recs.seconds;
  finish_summary(summary, gens, start);
  return summary;
}

}  // namespace ayc::indexer
