// Xapian database files of a generation being built: per-worker shards,
// their merge by compaction, the synonym table, verification.
//
// Thread-safety: one object per run; each shard is used by one thread.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/status.h"
#include "indexer/catalog_reader.h"
#include "indexer/knowledge_base.h"

namespace ayc::indexer {

class XapianShards {
 public:
  // Creates `count` empty shards under `dir`/shard-N.
  static Result<std::unique_ptr<XapianShards>> create(const std::filesystem::path& dir, int count);
  std::vector<Xapian::WritableDatabase*> shards();
  // Commits every shard, compacts them into `dest`, then removes the shards.
  Status merge_into(const std::filesystem::path& dest);

 private:
  std::filesystem::path dir_;
  std::vector<std::unique_ptr<Xapian::WritableDatabase>> dbs_;
};

// Writes every synonym group into the database's synonym table: each term of
// a group maps to all the others (keys and values are normalised phrases).
// The terms' words also go into the spelling dictionary.
Status write_synonyms(Xapian::WritableDatabase& db, const std::vector<SynonymGroup>& groups);

// Opens the database at `path` read-only and returns its document count.
Result<std::int64_t> xapian_doc_count(const std::filesystem::path& path);
// Its last docid.
Result<std::int64_t> xapian_last_docid(const std::filesystem::path& path);
// The searchable products of the generation in `dir`: the base's documents
// less the superseded ones, plus the delta's (index/layers.h).
Result<std::int64_t> generation_doc_count(const std::filesystem::path& dir);

// The queries whose every word is a term of the index at `path`: past
// searches worth suggesting (a misspelling that happened to find something is not).
Result<std::vector<PopularQuery>> queries_in_vocabulary(const std::filesystem::path& path,
                                                        const std::vector<PopularQuery>& queries);

// Bytes under `path`, for the run summary.
std::uint64_t directory_bytes(const std::filesystem::path& path);

}  // namespace ayc::indexer
