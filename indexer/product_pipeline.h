// The multi-threaded middle of an indexing run: the reader thread pushes
// ProductRecords; worker threads build documents and features and write them,
// each worker into its own Xapian shard (merged later by compaction) and all
// into the feature store.
//
// Thread-safety: push()/finish() from one (reader) thread; workers are internal.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include <xapian.h>

#include "common/progress.h"
#include "common/status.h"
#include "index/feature_store.h"
#include "indexer/knowledge_base.h"
#include "indexer/product_record.h"
#include "indexer/suggestions.h"

namespace ayc::indexer {

struct PipelineTimings {
  double build_seconds = 0;     // documents + features, summed over workers
  double xapian_seconds = 0;    // adding to shards, summed over workers
  double rocksdb_seconds = 0;   // feature store writes, summed over workers
};

struct PipelineCounts {
  std::int64_t read = 0;
  std::int64_t indexed = 0;     // searchable: in the Xapian index
  std::int64_t unlisted = 0;    // not searchable (draft, inactive, discontinued)
};

class ProductPipeline {
 public:
  enum class Mode {
    kFresh,    // empty shards: add_document, one shard per worker
    kUpdate,   // one existing database: replace/delete by id term
  };
  ProductPipeline(const KnowledgeBase& kb, std::vector<Xapian::WritableDatabase*> shards, index::FeatureStore& store,
                  Mode mode, std::size_t batch_size, Progress* progress);
  ~ProductPipeline();

  Status push(ProductRecord&& record);
  // Drains the queue, stops the workers and reports the first error.
  Status finish();

  PipelineCounts counts() const;
  PipelineTimings timings() const;
  SuggestionBuilder take_suggestions();

 private:
  struct Worker;
  void run_worker(Worker& w);
  Status process_batch(Worker& w, std::vector<ProductRecord>& batch);
  void fail(Status s);

  const KnowledgeBase& kb_;
  index::FeatureStore& store_;
  Mode mode_;
  std::size_t batch_size_;
  Progress* progress_;

  std::vector<std::unique_ptr<Worker>> workers_;
  std::vector<ProductRecord> pending_;
  std::mutex mu_;
  std::condition_variable not_empty_, not_full_;
  std::deque<std::vector<ProductRecord>> queue_;
  bool closing_ = false;
  Status error_;
  std::atomic<bool> failed_{false};
};

}  // namespace ayc::indexer
