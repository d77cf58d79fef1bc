// The nightly full rebuild: a fresh generation from one PostgreSQL snapshot.
#include <filesystem>
#include <future>

#include "indexer/product_pipeline.h"
#include "indexer/recommendation_stage.h"
#include "indexer/run_common.h"
#include "indexer/xapian_files.h"

namespace ayc::indexer {

namespace fs = std::filesystem;

namespace {

struct StreamResult {
  PipelineCounts counts;
  PipelineTimings timings;
  double postgres_seconds = 0;
  SuggestionBuilder suggestions;
};

// Streams every product through the pipeline into the shards and the store.
Result<StreamResult> index_products(const IndexerConfig& config, CatalogReader& reader, const CatalogContext& ctx,
                                    XapianShards& shards, index::FeatureStore& store) {
  AYC_ASSIGN_OR_RETURN(auto total, reader.count_products({}));
  auto progress = make_progress(config, "indexing products", static_cast<std::uint64_t>(total));
  ProductPipeline pipeline(ctx.kb, shards.shards(), store, ProductPipeline::Mode::kFresh,
                           static_cast<std::size_t>(config.batch_size), progress.get());
  double blocked = 0;
  auto start = SteadyClock::now();
  // Best first: documents are numbered in stream order (one run per shard,
  // each best first, after the merge), which top-k early termination needs.
  ProductSelection every;
  every.by_rank = true;
  Status streamed = reader.stream_products(every, [&](ProductRecord&& r) {
    auto t = SteadyClock::now();
    Status s = pipeline.push(std::move(r));
    blocked += seconds_since(t);
    return s;
  });
  double stream_seconds = seconds_since(start);
  Status finished = pipeline.finish();
  if (progress) progress->finish();
  AYC_RETURN_IF_ERROR(streamed);
  AYC_RETURN_IF_ERROR(finished);
  StreamResult out;
  out.counts = pipeline.counts();
  out.timings = pipeline.timings();
  out.postgres_seconds = std::max(0.0, stream_seconds - blocked);
  out.suggestions = pipeline.take_suggestions();
  return out;
}

}  // namespace

Result<RunSummary> run_full(const IndexerConfig& config) {
  auto start = SteadyClock::now();
  index::Generations gens(config.index_dir);
  AYC_RETURN_IF_ERROR(gens.ensure_root());
  AYC_ASSIGN_OR_RETURN(auto lock, index::RunLock::acquire(gens.root()));
  RunSummary summary;
  summary.kind = "full";
  if (auto cleaned = gens.cleanup(static_cast<int>(config.keep_generations)); cleaned.ok()) {
    summary.removed_generations = *cleaned;
  }

  AYC_ASSIGN_OR_RETURN(auto reader, CatalogReader::open(config.pg));
  AYC_ASSIGN_OR_RETURN(auto ctx, reader->load_context());
  if (config.recommendations) AYC_RETURN_IF_ERROR(check_recommendations_writable(config, ctx.from_standby));

  summary.generation = gens.next_name();
  fs::path staging = gens.staging_path(summary.generation);
  std::error_code ec;
  fs::create_directories(staging, ec);
  if (ec) return Status::Unavailable("cannot create " + staging.string() + ": " + ec.message());

  AYC_ASSIGN_OR_RETURN(auto store, index::FeatureStore::open((staging / index::kFeaturesSubdir).string(), index::FeatureStore::Mode::kCreate));
  AYC_ASSIGN_OR_RETURN(auto shards, XapianShards::create(staging / "shards", worker_count(config)));
  AYC_RETURN_IF_ERROR(write_synonyms(*shards->shards()[0], ctx.kb.synonym_groups()));

  // The recommendation stage needs purchases, not the index: it runs beside
  // the product stream on its own connections (its lists go to the same
  // store, RocksDB is thread-safe). Declared after the store, so a failed
  // run waits for it before closing the store.
  std::future<Result<RecommendationStageSummary>> recs;
  if (config.recommendations) {
    recs = std::async(std::launch::async, [&config, &store, now = ctx.snapshot_time] {
      return run_recommendation_stage(config, *store, now);
    });
  }
  AYC_ASSIGN_OR_RETURN(auto streamed, index_products(config, *reader, ctx, *shards, *store));
  reader.reset();  // ends the snapshot

  auto merge_start = SteadyClock::now();
  AYC_RETURN_IF_ERROR(shards->merge_into(staging / index::kXapianSubdir));
  summary.merge_seconds = seconds_since(merge_start);

  AYC_ASSIGN_OR_RETURN(auto known_queries, queries_in_vocabulary(staging / index::kXapianSubdir, ctx.popular_queries));
  ctx.popular_queries = std::move(known_queries);
  AYC_RETURN_IF_ERROR(put_suggestions(*store, streamed.suggestions.build(ctx)));
  if (recs.valid()) {
    AYC_ASSIGN_OR_RETURN(auto stage, recs.get());
    summary.recommendation_seconds = stage.seconds;
  }
  index::FeatureStore::Batch meta;
  put_store_meta(meta, ctx, summary.generation);
  AYC_RETURN_IF_ERROR(store->commit(meta));
  AYC_RETURN_IF_ERROR(store->finalize());
  store.reset();

  AYC_RETURN_IF_ERROR(verify_generation(staging, streamed.counts.indexed));
  index::Manifest manifest = base_manifest(summary.generation, "full", ctx);
  manifest.fields["products"] = std::to_string(streamed.counts.read);
  manifest.fields["searchable"] = std::to_string(streamed.counts.indexed);
  AYC_RETURN_IF_ERROR(index::write_manifest(staging, manifest));
  AYC_RETURN_IF_ERROR(gens.publish(summary.generation));
  if (auto cleaned = gens.cleanup(static_cast<int>(config.keep_generations)); cleaned.ok()) {
    summary.removed_generations += *cleaned;
  }

  summary.products = streamed.counts.read;
  summary.searchable = streamed.counts.indexed;
  record_timings(summary, streamed.timings, streamed.postgres_seconds);
  finish_summary(summary, gens, start);
  return summary;
}

Result<RunSummary> run_stream_only(const IndexerConfig& config) {
  auto start = SteadyClock::now();
  AYC_ASSIGN_OR_RETURN(auto reader, CatalogReader::open(config.pg));
  AYC_ASSIGN_OR_RETURN(auto ctx, reader->load_context(false));
  AYC_ASSIGN_OR_RETURN(auto total, reader->count_products({}));
  auto progress = make_progress(config, "reading products", static_cast<std::uint64_t>(total));
  RunSummary summary;
  summary.kind = "stream-only";
  summary.generation = "(none)";
  ProductSelection every;
  every.by_rank = true;  // as a full run reads them
  AYC_RETURN_IF_ERROR(reader->stream_products(every, [&](ProductRecord&& r) {
    ++summary.products;
    if (r.searchable()) ++summary.searchable;
    if (progress) progress->add(1);
    return Status::Ok();
  }));
  if (progress) progress->finish();
  summary.seconds = seconds_since(start);
  summary.postgres_seconds = summary.seconds;
  summary.peak_rss_bytes = peak_rss_bytes();
  return summary;
}

}  // namespace ayc::indexer
