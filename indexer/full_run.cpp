// The nightly full rebuild: a fresh generation from one PostgreSQL snapshot.
#include <filesystem>

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
                                    XapianShards& shards, FeatureStore& store) {
  auto total = reader.count_products({});
  if (!total.ok()) return total.status();
  auto progress = make_progress(config, "indexing products", static_cast<std::uint64_t>(*total));
  ProductPipeline pipeline(ctx.kb, shards.shards(), store, ProductPipeline::Mode::kFresh,
                           static_cast<std::size_t>(config.batch_size), progress.get());
  double blocked = 0;
  auto start = SteadyClock::now();
  Status streamed = reader.stream_products({}, [&](ProductRecord&& r) {
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
  Generations gens(config.index_dir);
  AYC_RETURN_IF_ERROR(gens.ensure_root());
  auto lock = RunLock::acquire(gens.root());
  if (!lock.ok()) return lock.status();
  RunSummary summary;
  summary.kind = "full";
  if (auto cleaned = gens.cleanup(static_cast<int>(config.keep_generations)); cleaned.ok()) {
    summary.removed_generations = *cleaned;
  }

  auto reader = CatalogReader::open(config.pg);
  if (!reader.ok()) return reader.status();
  auto ctx = (*reader)->load_context();
  if (!ctx.ok()) return ctx.status();

  summary.generation = gens.next_name();
  fs::path staging = gens.staging_path(summary.generation);
  std::error_code ec;
  fs::create_directories(staging, ec);
  if (ec) return Status::Unavailable("cannot create " + staging.string() + ": " + ec.message());

  auto store = FeatureStore::open((staging / kFeaturesSubdir).string(), FeatureStore::Mode::kCreate);
  if (!store.ok()) return store.status();
  auto shards = XapianShards::create(staging / "shards", worker_count(config));
  if (!shards.ok()) return shards.status();
  AYC_RETURN_IF_ERROR(write_synonyms(*(*shards)->shards()[0], ctx->kb.synonym_groups()));

  auto streamed = index_products(config, **reader, *ctx, **shards, **store);
  if (!streamed.ok()) return streamed.status();
  reader->reset();  // ends the snapshot

  auto merge_start = SteadyClock::now();
  AYC_RETURN_IF_ERROR((*shards)->merge_into(staging / kXapianSubdir));
  summary.merge_seconds = seconds_since(merge_start);

  auto known_queries = queries_in_vocabulary(staging / kXapianSubdir, ctx->popular_queries);
  if (!known_queries.ok()) return known_queries.status();
  ctx->popular_queries = std::move(known_queries).value();
  AYC_RETURN_IF_ERROR(put_suggestions(**store, streamed->suggestions.build(*ctx)));
  if (config.recommendations) {
    auto recs = run_recommendation_stage(config, **store, ctx->snapshot_time);
    if (!recs.ok()) return recs.status();
    summary.recommendation_seconds = recs->seconds;
  }
  FeatureStore::Batch meta;
  put_store_meta(meta, *ctx, summary.generation);
  AYC_RETURN_IF_ERROR((*store)->commit(meta));
  AYC_RETURN_IF_ERROR((*store)->finalize());
  store->reset();

  AYC_RETURN_IF_ERROR(verify_generation(staging, streamed->counts.indexed));
  Manifest manifest = base_manifest(summary.generation, "full", *ctx);
  manifest.fields["products"] = std::to_string(streamed->counts.read);
  manifest.fields["searchable"] = std::to_string(streamed->counts.indexed);
  AYC_RETURN_IF_ERROR(write_manifest(staging, manifest));
  AYC_RETURN_IF_ERROR(gens.publish(summary.generation));
  if (auto cleaned = gens.cleanup(static_cast<int>(config.keep_generations)); cleaned.ok()) {
    summary.removed_generations += *cleaned;
  }

  summary.products = streamed->counts.read;
  summary.searchable = streamed->counts.indexed;
  record_timings(summary, streamed->timings, streamed->postgres_seconds);
  finish_summary(summary, gens, start);
  return summary;
}

Result<RunSummary> run_stream_only(const IndexerConfig& config) {
  auto start = SteadyClock::now();
  auto reader = CatalogReader::open(config.pg);
  if (!reader.ok()) return reader.status();
  auto ctx = (*reader)->load_context();
  if (!ctx.ok()) return ctx.status();
  auto total = (*reader)->count_products({});
  if (!total.ok()) return total.status();
  auto progress = make_progress(config, "reading products", static_cast<std::uint64_t>(*total));
  RunSummary summary;
  summary.kind = "stream-only";
  summary.generation = "(none)";
  AYC_RETURN_IF_ERROR((*reader)->stream_products({}, [&](ProductRecord&& r) {
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
