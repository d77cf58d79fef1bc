#include "tests/indexer/index_test_util.h"

#include <catch2/catch.hpp>

#include "index/index_schema.h"

namespace ayc::testing {

indexer::IndexerConfig config_for(const TempDatabase& db, const TempDir& dir) {
  indexer::IndexerConfig c;
  c.pg = db.indexer_url();
  c.index_dir = (dir.path() / "index").string();
  c.progress = "never";
  c.threads = 2;
  c.overlap_seconds = 0;
  return c;
}

std::filesystem::path current_generation_path(const std::filesystem::path& index_dir) {
  index::Generations gens(index_dir);
  auto cur = gens.current();
  REQUIRE(cur.ok());
  REQUIRE(cur->has_value());
  return gens.path_of(**cur);
}

Xapian::Database open_current_xapian(const std::filesystem::path& index_dir) {
  return Xapian::Database((current_generation_path(index_dir) / index::kXapianSubdir).string());
}

std::vector<std::string> search_ids(const Xapian::Database& db, const std::string& text) {
  Xapian::QueryParser qp;
  qp.set_database(db);
  qp.set_stemmer(Xapian::Stem("english"));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
  qp.set_default_op(Xapian::Query::OP_AND);
  Xapian::Enquire enquire(db);
  enquire.set_query(qp.parse_query(text));
  std::vector<std::string> ids;
  Xapian::MSet mset = enquire.get_mset(0, 100);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    ids.push_back(it.get_document().get_data());
  }
  return ids;
}

std::optional<Xapian::Document> find_document(const Xapian::Database& db, const std::string& product_id) {
  auto term = index::id_term(product_id);
  auto it = db.postlist_begin(term);
  if (it == db.postlist_end(term)) return std::nullopt;
  return db.get_document(*it);
}

}  // namespace ayc::testing
