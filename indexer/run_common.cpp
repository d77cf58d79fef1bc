#include "indexer/run_common.h"

#include <iostream>
#include <sstream>
#include <thread>

#include "index/index_schema.h"
#include "indexer/xapian_files.h"

namespace ayc::indexer {

int worker_count(const IndexerConfig& config) {
  if (config.threads > 0) return static_cast<int>(config.threads);
  unsigned hw = std::thread::hardware_concurrency();
  return hw == 0 ? 2 : static_cast<int>(hw);
}

std::unique_ptr<Progress> make_progress(const IndexerConfig& config, const std::string& label, std::uint64_t total) {
  bool interactive = config.progress == "always" || (config.progress == "auto" && stderr_is_terminal());
  if (config.progress == "never") return nullptr;
  return std::make_unique<Progress>(label, total, std::cerr, interactive);
}

void put_store_meta(index::FeatureStore::Batch& batch, const CatalogContext& ctx, const std::string& generation) {
  using F = index::FeatureStore::Family;
  batch.put(F::kMeta, "format_version", std::to_string(index::kIndexFormatVersion));
  batch.put(F::kMeta, "generation", generation);
  batch.put(F::kMeta, "base_currency", ctx.base_currency);
  std::ostringstream rates;  // "CODE rate symbol" lines
  rates.precision(10);
  for (const auto& c : ctx.currencies) rates << c.code << ' ' << c.per_usd << ' ' << c.symbol << '\n';
  batch.put(F::kMeta, "currencies", rates.str());
  batch.put(F::kMeta, "query_words", ctx.query_words.encode());
  batch.put(F::kMeta, "built_at", std::to_string(ctx.snapshot_time));
}

Status put_suggestions(index::FeatureStore& store, const std::vector<std::pair<std::string, features::Suggestion>>& all) {
  index::FeatureStore::Batch batch;
  for (const auto& [key, s] : all) {
    batch.put(index::FeatureStore::Family::kSuggestions, key, features::encode_suggestion(s));
    if (batch.size() >= 5000) {
      AYC_RETURN_IF_ERROR(store.commit(batch));
      batch = index::FeatureStore::Batch();
    }
  }
  return store.commit(batch);
}

Status verify_generation(const std::filesystem::path& dir, std::int64_t expected_docs) {
  AYC_ASSIGN_OR_RETURN(auto docs, generation_doc_count(dir));
  if (docs != expected_docs) {
    return Status::DataLoss("verification failed: Xapian index has " + std::to_string(docs) +
                            " documents, expected " + std::to_string(expected_docs));
  }
  auto store = index::FeatureStore::open((dir / index::kFeaturesSubdir).string(), index::FeatureStore::Mode::kReadOnly);
  if (!store.ok()) return store.status().with_context("verification failed");
  AYC_ASSIGN_OR_RETURN(auto version, (*store)->get(index::FeatureStore::Family::kMeta, "format_version"));
  if (!version.has_value() || *version != std::to_string(index::kIndexFormatVersion)) {
    return Status::DataLoss("verification failed: feature store has no matching format_version");
  }
  return Status::Ok();
}

void record_timings(RunSummary& summary, const PipelineTimings& timings, double postgres_seconds) {
  summary.postgres_seconds = postgres_seconds;
  summary.build_seconds = timings.build_seconds;
  summary.xapian_seconds = timings.xapian_seconds;
  summary.rocksdb_seconds = timings.rocksdb_seconds;
}

void finish_summary(RunSummary& summary, const index::Generations& gens, SteadyClock::time_point start) {
  summary.index_bytes = directory_bytes(gens.path_of(summary.generation));
  summary.seconds = seconds_since(start);
  summary.peak_rss_bytes = peak_rss_bytes();
}

index::Manifest base_manifest(const std::string& generation, const std::string& kind, const CatalogContext& ctx) {
  index::Manifest m;
  m.fields["format_version"] = std::to_string(index::kIndexFormatVersion);
  m.fields["generation"] = generation;
  m.fields["kind"] = kind;
  m.fields["built_at"] = std::to_string(ctx.snapshot_time);
  m.fields["watermark"] = std::to_string(ctx.watermark);
  if (ctx.from_standby) m.fields["read_from"] = "standby";
  m.fields["base_currency"] = ctx.base_currency;
  return m;
}

std::string RunSummary::to_line() const {
  std::ostringstream out;
  out.setf(std::ios::fixed);
  out.precision(1);
  double rate = seconds > 0 ? static_cast<double>(products) / seconds : 0;
  out << "indexer: " << kind << " run " << generation << ": " << products << " products (" << searchable
      << " searchable";
  if (kind == "incremental") out << ", " << deleted << " deleted";
  out << ") in " << seconds << " s (" << static_cast<long>(rate) << " products/s), index "
      << human_bytes(index_bytes) << " on disk, peak RSS " << human_bytes(peak_rss_bytes)
      << "; time: postgres " << postgres_seconds << " s, build " << build_seconds << " s, xapian "
      << xapian_seconds << " s, rocksdb " << rocksdb_seconds << " s, merge " << merge_seconds << " s";
  if (recommendation_seconds > 0) out << ", recommendations " << recommendation_seconds << " s";
  return out.str();
}

}  // namespace ayc::indexer
