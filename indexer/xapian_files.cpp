#include "indexer/xapian_files.h"

#include <cstdlib>
#include <unordered_set>

#include "common/text.h"
#include "index/generations.h"
#include "index/index_schema.h"
#include "index/layers.h"

namespace ayc::indexer {

namespace fs = std::filesystem;

Result<std::unique_ptr<XapianShards>> XapianShards::create(const fs::path& dir, int count) {
  auto out = std::make_unique<XapianShards>();
  out->dir_ = dir;
  // Xapian flushes a writer every 10,000 documents by default. Smaller
  // batches build faster: a batch keeps, per term, an ordered map of its
  // documents, and with 30,000 documents walking those maps took 16% of a
  // full run's CPU (2,000: 7%, and the run's peak memory falls by a third).
  // 500 instead of 2,000: 8-14% less of the indexer's CPU in a full run and
  // 30 MiB less peak memory at 100k; the shards are compacted into one
  // database at the end, so the index is the same.
  ::setenv("XAPIAN_FLUSH_THRESHOLD", "500", 0);
  try {
    fs::create_directories(dir);
    for (int i = 0; i < count; ++i) {
      fs::path p = dir / ("shard-" + std::to_string(i));
      // No termlist table: a base is never changed after its run (an
      // incremental run writes a delta beside it) and the server reads
      // postings and value streams only, so the table (more than half of
      // the database, deflated as it is written) bought nothing.
      out->dbs_.push_back(std::make_unique<Xapian::WritableDatabase>(
          p.string(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS | Xapian::DB_NO_SYNC |
                          Xapian::DB_DANGEROUS | Xapian::DB_NO_TERMLIST));
    }
  } catch (const Xapian::Error& e) {
    return Status::Unavailable("creating Xapian shards in " + dir.string() + ": " + e.get_description());
  } catch (const fs::filesystem_error& e) {
    return Status::Unavailable(std::string("creating Xapian shards: ") + e.what());
  }
  return out;
}

std::vector<Xapian::WritableDatabase*> XapianShards::shards() {
  std::vector<Xapian::WritableDatabase*> out;
  for (auto& db : dbs_) out.push_back(db.get());
  return out;
}

Status XapianShards::merge_into(const fs::path& dest) {
  try {
    std::vector<std::string> paths;
    for (std::size_t i = 0; i < dbs_.size(); ++i) {
      dbs_[i]->commit();
      dbs_[i]->close();
      paths.push_back((dir_ / ("shard-" + std::to_string(i))).string());
    }
    dbs_.clear();
    Xapian::Database combined;
    for (const auto& p : paths) combined.add_database(Xapian::Database(p));
    combined.compact(dest.string(), Xapian::DBCOMPACT_MULTIPASS);
    combined.close();
    fs::remove_all(dir_);
  } catch (const Xapian::Error& e) {
    return Status::Internal("merging Xapian shards: " + e.get_description());
  } catch (const fs::filesystem_error& e) {
    return Status::Unavailable(std::string("removing Xapian shards: ") + e.what());
  }
  return Status::Ok();
}

Status write_synonyms(Xapian::WritableDatabase& db, const std::vector<SynonymGroup>& groups) {
  try {
    std::unordered_set<std::string> spelled;
    for (const auto& g : groups) {
      // An ingredient's names also point at its canonical term (XK<slug>), which
      // every product containing it carries: the server matches that one term
      // instead of every name.
      std::string marker = g.kind == "ingredient" ? index::canonical_ingredient_term(text::slugify(g.canonical)) : "";
      for (const auto& key : g.terms) {
        // The words of every name are also spelling suggestions, each with
        // the least weight (once, however many names share it, so the
        // catalogue's own words stay the most frequent): a misspelling of a
        // name no product spells that way ("trifla" for the listed
        // "trifala") is corrected to it.
        for (auto& word : text::split_words(key)) {
          if (index::is_spelling_word(word) && spelled.insert(word).second) db.add_spelling(word, 1);
        }
        if (!marker.empty()) db.add_synonym(key, marker);
        for (const auto& value : g.terms) {
          if (value != key) db.add_synonym(key, value);
        }
      }
    }
  } catch (const Xapian::Error& e) {
    return Status::Internal("writing synonyms: " + e.get_description());
  }
  return Status::Ok();
}

namespace {

// What `read` tells of the database at `path`, opened read-only.
template <typename Read>
Result<std::int64_t> read_database(const fs::path& path, Read read) {
  try {
    Xapian::Database db(path.string());
    return static_cast<std::int64_t>(read(db));
  } catch (const Xapian::Error& e) {
    return Status::DataLoss("opening Xapian index " + path.string() + ": " + e.get_description());
  }
}

}  // namespace

Result<std::int64_t> xapian_doc_count(const fs::path& path) {
  return read_database(path, [](const Xapian::Database& db) { return db.get_doccount(); });
}

Result<std::int64_t> xapian_last_docid(const fs::path& path) {
  return read_database(path, [](const Xapian::Database& db) { return db.get_lastdocid(); });
}

Result<std::int64_t> generation_doc_count(const fs::path& dir) {
  AYC_ASSIGN_OR_RETURN(auto count, xapian_doc_count(dir / index::kXapianSubdir));
  std::error_code ec;
  if (!fs::exists(dir / index::kDeltaSubdir, ec)) return count;
  AYC_ASSIGN_OR_RETURN(auto delta, xapian_doc_count(dir / index::kDeltaSubdir));
  AYC_ASSIGN_OR_RETURN(auto superseded, index::read_superseded(dir));
  return count - static_cast<std::int64_t>(superseded.size()) + delta;
}

Result<std::vector<PopularQuery>> queries_in_vocabulary(const fs::path& path,
                                                        const std::vector<PopularQuery>& queries) {
  std::vector<PopularQuery> out;
  try {
    Xapian::Database db(path.string());
    Xapian::Stem stem("english");
    for (const auto& q : queries) {
      auto words = text::split_words(q.query);
      bool known = !words.empty();
      for (const auto& w : words) known = known && (index::is_stop_word(w) || db.term_exists(stem(w)));
      if (known) out.push_back(q);
    }
  } catch (const Xapian::Error& e) {
    return Status::DataLoss("reading the vocabulary of " + path.string() + ": " + e.get_description());
  }
  return out;
}

std::uint64_t directory_bytes(const fs::path& path) {
  std::uint64_t total = 0;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(path, ec); it != fs::recursive_directory_iterator(); ++it) {
    if (it->is_regular_file(ec)) total += it->file_size(ec);
  }
  return total;
}

}  // namespace ayc::indexer
