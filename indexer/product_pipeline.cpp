#include "indexer/product_pipeline.h"

#include <chrono>

#include "index/index_schema.h"
#include "indexer/document_builder.h"

namespace ayc::indexer {

namespace {
using Clock = std::chrono::steady_clock;
double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }
constexpr std::size_t kQueueBatches = 8;
}  // namespace

struct ProductPipeline::Worker {
  Xapian::WritableDatabase* db = nullptr;
  std::unique_ptr<DocumentBuilder> builder;
  SuggestionBuilder suggestions;
  PipelineCounts counts;
  PipelineTimings timings;
  std::thread thread;
};

ProductPipeline::ProductPipeline(const KnowledgeBase& kb, std::vector<Xapian::WritableDatabase*> shards,
                                 index::FeatureStore& store, Mode mode, std::size_t batch_size, Progress* progress)
    : kb_(kb), store_(store), mode_(mode), batch_size_(batch_size), progress_(progress) {
  // kUpdate writes one existing database: a single worker keeps writes ordered.
  std::size_t n = mode == Mode::kUpdate ? 1 : shards.size();
  for (std::size_t i = 0; i < n; ++i) {
    auto w = std::make_unique<Worker>();
    w->db = shards[i];
    w->builder = std::make_unique<DocumentBuilder>(kb_);
    workers_.push_back(std::move(w));
  }
  for (auto& w : workers_) {
    Worker* raw = w.get();
    w->thread = std::thread([this, raw] { run_worker(*raw); });
  }
}

ProductPipeline::~ProductPipeline() {
  if (!closing_) (void)finish();
}

void ProductPipeline::fail(Status s) {
  std::lock_guard<std::mutex> lock(mu_);
  if (error_.ok()) error_ = std::move(s);
  failed_ = true;
  not_full_.notify_all();
  not_empty_.notify_all();
}

Status ProductPipeline::push(ProductRecord&& record) {
  pending_.push_back(std::move(record));
  if (pending_.size() < batch_size_) return Status::Ok();
  std::unique_lock<std::mutex> lock(mu_);
  not_full_.wait(lock, [&] { return queue_.size() < kQueueBatches || failed_; });
  if (failed_) return error_;
  queue_.push_back(std::move(pending_));
  pending_.clear();
  not_empty_.notify_one();
  return Status::Ok();
}

Status ProductPipeline::finish() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!pending_.empty()) queue_.push_back(std::move(pending_));
    pending_.clear();
    closing_ = true;
    not_empty_.notify_all();
  }
  for (auto& w : workers_) {
    if (w->thread.joinable()) w->thread.join();
  }
  std::lock_guard<std::mutex> lock(mu_);
  if (!error_.ok()) return error_;
  try {
    for (auto& w : workers_) {
      for (const auto& [word, freq] : w->builder->spelling_words()) w->db->add_spelling(word, freq);
    }
  } catch (const Xapian::Error& e) {
    return Status::Internal("writing the spelling dictionary: " + e.get_description());
  }
  return Status::Ok();
}

void ProductPipeline::run_worker(Worker& w) {
  for (;;) {
    std::vector<ProductRecord> batch;
    {
      std::unique_lock<std::mutex> lock(mu_);
      not_empty_.wait(lock, [&] { return !queue_.empty() || closing_ || failed_; });
      if (failed_ || queue_.empty()) return;
      batch = std::move(queue_.front());
      queue_.pop_front();
      not_full_.notify_one();
    }
    Status s = process_batch(w, batch);
    if (!s.ok()) {
      fail(std::move(s));
      return;
    }
  }
}

Status ProductPipeline::process_batch(Worker& w, std::vector<ProductRecord>& batch) {
  index::FeatureStore::Batch features;
  try {
    for (auto& record : batch) {
      auto t0 = Clock::now();
      ++w.counts.read;
      if (!record.searchable()) {
        ++w.counts.unlisted;
        index::FeatureStore::put_product(features, DocumentBuilder::to_features(record));
        features.del(index::FeatureStore::Family::kSuggestions, "p:" + record.id);
        w.timings.build_seconds += since(t0);
        if (mode_ == Mode::kUpdate) {
          auto t1 = Clock::now();
          w.db->delete_document(index::id_term(record.id));
          w.timings.xapian_seconds += since(t1);
        }
        continue;
      }
      BuiltProduct built = w.builder->build(record);
      index::FeatureStore::put_product(features, built.features);
      auto [key, suggestion] = SuggestionBuilder::product_suggestion(record);
      features.put(index::FeatureStore::Family::kSuggestions, key, features::encode_suggestion(suggestion));
      w.suggestions.add_product(record, kb_);
      auto t1 = Clock::now();
      w.timings.build_seconds += std::chrono::duration<double>(t1 - t0).count();
      if (mode_ == Mode::kFresh) {
        w.db->add_document(built.document);
      } else {
        w.db->replace_document(built.id_term, built.document);
      }
      w.timings.xapian_seconds += since(t1);
      ++w.counts.indexed;
    }
  } catch (const Xapian::Error& e) {
    return Status::Internal("writing the Xapian index: " + e.get_description());
  }
  auto t2 = Clock::now();
  Status s = store_.commit(features);
  w.timings.rocksdb_seconds += since(t2);
  if (progress_ != nullptr) progress_->add(batch.size());
  return s;
}

PipelineCounts ProductPipeline::counts() const {
  PipelineCounts c;
  for (const auto& w : workers_) {
    c.read += w->counts.read;
    c.indexed += w->counts.indexed;
    c.unlisted += w->counts.unlisted;
  }
  return c;
}

PipelineTimings ProductPipeline::timings() const {
  PipelineTimings t;
  for (const auto& w : workers_) {
    t.build_seconds += w->timings.build_seconds;
    t.xapian_seconds += w->timings.xapian_seconds;
    t.rocksdb_seconds += w->timings.rocksdb_seconds;
  }
  return t;
}

SuggestionBuilder ProductPipeline::take_suggestions() {
  SuggestionBuilder all;
  for (auto& w : workers_) all.merge(std::move(w->suggestions));
  return all;
}

}  // namespace ayc::indexer
