// Reads the catalogue from PostgreSQL inside one consistent read-only
// snapshot (REPEATABLE READ), streaming products with COPY so memory stays
// bounded however large the catalogue. The only indexer file that uses libpqxx
// (besides the recommendation stage's own adapter in recsys/).
//
// Thread-safety: one reader per thread; the sink is called on the caller's thread.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "index/query_words.h"
#include "indexer/knowledge_base.h"
#include "indexer/product_record.h"

namespace ayc::indexer {

struct Currency {
  std::string code;
  std::string symbol;
  double per_usd = 1;  // currencies.exchange_rate: units of this currency per US dollar
};

struct PopularQuery {
  std::string query;    // normalised: what autocomplete matches
  std::string display;  // as shoppers typed it (lower case, single spaces): what it shows
  std::int64_t count = 0;
};

struct NamedRef {
  std::string slug;
  std::string name;
};

// Everything besides products that a run needs, loaded once per snapshot.
struct CatalogContext {
  KnowledgeBase kb;
  index::QueryWords query_words;      // search_query_words
  std::string base_currency = "INR";
  std::vector<Currency> currencies;
  std::vector<PopularQuery> popular_queries;
  std::vector<NamedRef> brands;       // active brands
  std::vector<NamedRef> categories;   // active categories
  std::int64_t snapshot_time = 0;     // the snapshot's now(), seconds since the epoch
  // Where the next incremental run starts reading changes (before its overlap):
  // snapshot_time on a primary. On a hot standby now() is the standby's clock,
  // not how far it has replayed, so it is the last replayed commit's time
  // (0 when the standby has replayed none since it started: the next
  // incremental run then re-reads every product).
  std::int64_t watermark = 0;
  bool from_standby = false;          // pg_is_in_recovery() on the snapshot's server
};

// Which products to stream: all of them, or only the listed ids.
struct ProductSelection {
  bool all = true;
  std::vector<std::string> ids;
  bool by_rank = false;  // in static rank order (sql::static_rank_order), else by id
};

struct ChangeSet {
  std::vector<std::string> changed_ids;  // new or updated (any status)
  std::vector<std::string> deleted_ids;  // rows gone from products
};

class CatalogReader {
 public:
  // Connects and opens the snapshot.
  static Result<std::unique_ptr<CatalogReader>> open(const std::string& pg_url);
  ~CatalogReader();

  // Reference data, currencies, categories and brands; with
  // `popular_queries`, also the past queries autocomplete offers (an
  // aggregate over 180 days of search_logs: a full run's cost, which grows
  // with the table; incremental runs keep the suggestions they copy).
  Result<CatalogContext> load_context(bool popular_queries = true);
  Result<std::int64_t> count_products(const ProductSelection& selection);
  // Calls sink for every selected product in id order; stops at the first non-OK Status.
  Status stream_products(const ProductSelection& selection,
                         const std::function<Status(ProductRecord&&)>& sink);
  // Products touched after `since` (seconds since the epoch): the product row,
  // its variants, inventory, reviews, brand or categories.
  Result<ChangeSet> changes_since(std::int64_t since);

 private:
  struct Impl;
  explicit CatalogReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace ayc::indexer
