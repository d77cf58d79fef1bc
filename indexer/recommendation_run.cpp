// --only-recommendations: the served generation with fresh lists.
#include <filesystem>

#include "index/generations.h"
#include "index/layers.h"
#include "indexer/recommendation_stage.h"
#include "indexer/run_common.h"
#include "indexer/xapian_files.h"

namespace ayc::indexer {

namespace fs = std::filesystem;

namespace {

// The served generation's files in `staging`: its Xapian databases and
// superseded list shared as hard links (a run of the lists never changes
// them: at a million products copying them took minutes and 2 GiB), the
// feature store's SST files linked and its other files copied, since the
// store is rewritten. Its MANIFEST and CHECKSUMS are written anew.
Status lay_out_generation(const fs::path& served, const fs::path& staging) {
  auto always = [](const fs::path&) { return true; };
  try {
    fs::create_directories(staging);
    for (const auto& entry : fs::directory_iterator(served)) {
      const std::string name = entry.path().filename().string();
      if (name == index::kManifestFile || name == "CHECKSUMS") continue;
      if (name == index::kXapianSubdir || name == index::kDeltaSubdir || name == index::kSupersededFile) {
        if (entry.is_directory()) {
          AYC_RETURN_IF_ERROR(index::link_tree(entry.path(), staging / name, always));
        } else {
          fs::create_hard_link(entry.path(), staging / name);
        }
      } else if (name == index::kFeaturesSubdir) {
        AYC_RETURN_IF_ERROR(index::link_tree(entry.path(), staging / name,
                                             [](const fs::path& p) { return p.extension() == ".sst"; }));
      } else {
        fs::copy(entry.path(), staging / name, fs::copy_options::recursive);
      }
    }
  } catch (const fs::filesystem_error& e) {
    return Status::Unavailable(std::string("laying out the new generation: ") + e.what());
  }
  return Status::Ok();
}

}  // namespace

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
  AYC_RETURN_IF_ERROR(lay_out_generation(gens.path_of(*current), staging));
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
