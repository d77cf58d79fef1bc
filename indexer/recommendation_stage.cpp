#include "indexer/recommendation_stage.h"

#include <future>
#include <iostream>
#include <span>
#include <unordered_map>

#include <pqxx/pqxx>

#include "common/pg.h"
#include "common/progress.h"
#include "indexer/run_common.h"
#include "recsys/pg_sink.h"
#include "recsys/pg_source.h"
#include "recsys/recommendations.h"

namespace ayc::indexer {

namespace {

using F = index::FeatureStore::Family;

// A list as the store keeps it: recsys' dense product indices are the
// generation's product ordinals (the ordinal table is set.ids.products).
std::vector<features::CompactItem> compact(std::span<const recsys::Scored> list) {
  std::vector<features::CompactItem> items;
  items.reserve(list.size());
  for (const auto& s : list) items.push_back({s.item, s.score});
  return items;
}

class BatchWriter {
 public:
  explicit BatchWriter(index::FeatureStore& store) : store_(store) {}
  Status put_list(F family, const std::string& key, std::span<const recsys::Scored> list) {
    index::FeatureStore::put_scored_list(batch_, family, key, compact(list));
    return batch_.size() >= 5000 ? flush() : Status::Ok();
  }
  Status put_ordinals(const std::vector<std::string>& ids) {
    index::FeatureStore::put_product_ordinals(batch_, ids);
    return flush();
  }
  Status flush() {
    Status s = store_.commit(batch_);
    batch_ = index::FeatureStore::Batch();
    return s;
  }

 private:
  index::FeatureStore& store_;
  index::FeatureStore::Batch batch_;
};

Status write_product_lists(const recsys::RecommendationSet& set, BatchWriter& out, std::int64_t& count) {
  const auto& ids = set.ids;
  for (std::size_t p = 0; p < ids.products.size(); ++p) {
    const std::string& id = ids.products[p];
    struct Kind {
      const char* name;
      const recsys::ScoredLists* lists;
    };
    for (Kind k : {Kind{"bought_together", &set.bought_together}, Kind{"similar", &set.similar},
                   Kind{"related", &set.related}}) {
      if (p >= k.lists->size() || (*k.lists)[p].empty()) continue;
      AYC_RETURN_IF_ERROR(out.put_list(F::kRelated, index::FeatureStore::related_key(id, k.name), (*k.lists)[p]));
      ++count;
    }
  }
  return Status::Ok();
}

Status write_global_lists(pqxx::connection& conn, const recsys::RecommendationSet& set, BatchWriter& out) {
  AYC_RETURN_IF_ERROR(out.put_list(F::kRelated, index::FeatureStore::related_key("global", "best_sellers"),
                                   set.best_sellers));
  AYC_RETURN_IF_ERROR(out.put_list(F::kRelated, index::FeatureStore::related_key("global", "trending"), set.trending));
  std::unordered_map<std::string, std::string> slug_of;
  try {
    pqxx::read_transaction tx(conn);
    for (const auto& row : tx.exec("SELECT id::text, slug FROM categories")) {
      slug_of[row[0].as<std::string>()] = row[1].as<std::string>();
    }
  } catch (const std::exception& e) {
    return pg::query_error(e, "reading category slugs");
  }
  for (std::size_t c = 0; c < set.ids.categories.size(); ++c) {
    auto it = slug_of.find(set.ids.categories[c]);
    if (it == slug_of.end()) continue;
    if (c < set.category_best_sellers.size() && !set.category_best_sellers[c].empty()) {
      AYC_RETURN_IF_ERROR(out.put_list(F::kRelated, index::FeatureStore::related_key("cat:" + it->second, "best_sellers"),
                                       set.category_best_sellers[c]));
    }
    if (c < set.category_trending.size() && !set.category_trending[c].empty()) {
      AYC_RETURN_IF_ERROR(out.put_list(F::kRelated, index::FeatureStore::related_key("cat:" + it->second, "trending"),
                                       set.category_trending[c]));
    }
  }
  return Status::Ok();
}

// Every user gets an entry: for_you for customers, empty for the rest; a
// buy_again entry only when there is something to rebuy.
Status write_users(pqxx::connection& conn, const recsys::RecommendationSet& set, BatchWriter& out,
                   std::int64_t& count) {
  std::unordered_map<std::string, std::size_t> customer_index;
  for (std::size_t c = 0; c < set.ids.customers.size(); ++c) customer_index.emplace(set.ids.customers[c], c);
  try {
    pqxx::work tx(conn);
    tx.exec0("DECLARE user_ids NO SCROLL CURSOR FOR SELECT id::text FROM users");
    for (;;) {
      auto rows = tx.exec("FETCH 20000 FROM user_ids");
      if (rows.empty()) break;
      for (const auto& row : rows) {
        std::string id = row[0].as<std::string>();
        auto it = customer_index.find(id);
        const bool customer = it != customer_index.end();
        const bool has = customer && it->second < set.for_you.size();
        const auto for_you = has ? set.for_you[it->second] : std::span<const recsys::Scored>();
        AYC_RETURN_IF_ERROR(out.put_list(F::kUsers, id, for_you));
        if (customer && it->second < set.buy_again.size() && !set.buy_again[it->second].empty()) {
          AYC_RETURN_IF_ERROR(out.put_list(F::kUsers, index::FeatureStore::user_list_key(id, "buy_again"),
                                           set.buy_again[it->second]));
        }
        ++count;
      }
    }
    tx.commit();
  } catch (const std::exception& e) {
    return pg::query_error(e, "reading users");
  }
  return Status::Ok();
}

// Reads the inputs and computes every list; the inputs are freed on return.
Result<recsys::RecommendationSet> compute_lists(const IndexerConfig& config, pqxx::connection& conn, std::int64_t now) {
  recsys::LoadOptions load;
  bool show = config.progress == "always" || (config.progress == "auto" && stderr_is_terminal());
  if (show) {
    load.progress = &std::cerr;
    load.interactive = stderr_is_terminal();
  }
  AYC_ASSIGN_OR_RETURN(auto inputs, recsys::load_inputs(conn, std::chrono::sys_seconds(std::chrono::seconds(now)), load));
  recsys::RecsysOptions options;
  options.run.threads = worker_count(config);
  if (show) options.on_stage = [](const std::string& line) { std::cerr << "recommendations: " << line << "\n"; };
  return recsys::compute_recommendations(inputs, options);
}

// Every list into the store, the product ordinal table first.
Status write_store_lists(pqxx::connection& conn, const recsys::RecommendationSet& set, index::FeatureStore& store,
                         RecommendationStageSummary& summary) {
  BatchWriter out(store);
  AYC_RETURN_IF_ERROR(out.put_ordinals(set.ids.products));
  AYC_RETURN_IF_ERROR(write_product_lists(set, out, summary.product_lists));
  AYC_RETURN_IF_ERROR(write_global_lists(conn, set, out));
  AYC_RETURN_IF_ERROR(write_users(conn, set, out, summary.users));
  return out.flush();
}

// product_recommendations through --pg-write, or --pg when that is empty.
Result<recsys::WriteSummary> write_pg_rows(const IndexerConfig& config, const recsys::RecommendationSet& set,
                                           std::size_t per_source) {
  auto conn = pg::connect(config.pg_write.empty() ? config.pg : config.pg_write);
  if (!conn.ok()) return conn.status().with_context(config.pg_write.empty() ? "--pg" : "--pg-write");
  return recsys::write_product_recommendations(**conn, set, per_source);
}

}  // namespace

Status check_recommendations_writable(const IndexerConfig& config, bool pg_is_standby) {
  if (!pg_is_standby || !config.pg_write.empty() || config.pg_recommendations_per_product == 0) return Status::Ok();
  return Status::InvalidArgument(
      "--pg is a read-only hot standby and the recommendation stage writes product_recommendations: set "
      "--pg-write (AYURVEDACART_PG_WRITE) to the primary, or --pg-recommendations-per-product=0");
}

Result<RecommendationStageSummary> run_recommendation_stage(const IndexerConfig& config, index::FeatureStore& store,
                                                            std::int64_t now) {
  auto start = SteadyClock::now();
  RecommendationStageSummary summary;
  AYC_ASSIGN_OR_RETURN(auto conn, pg::connect(config.pg));
  try {
    pqxx::nontransaction probe(*conn);
    AYC_RETURN_IF_ERROR(check_recommendations_writable(config, probe.exec1("SELECT pg_is_in_recovery()")[0].as<bool>()));
  } catch (const std::exception& e) {
    return pg::query_error(e, "asking whether --pg is a standby");
  }
  auto set = compute_lists(config, *conn, now);
  if (!set.ok()) return set.status().with_context("recommendations");

  // PostgreSQL's copy (its own connection: most of its cost is in the
  // server) is written while the lists go into the feature store.
  std::future<Result<recsys::WriteSummary>> pg_rows;
  if (config.pg_recommendations_per_product > 0) {
    pg_rows = std::async(std::launch::async, [&config, &set] {
      return write_pg_rows(config, *set, static_cast<std::size_t>(config.pg_recommendations_per_product));
    });
  }
  Status stored = write_store_lists(*conn, *set, store, summary);
  if (pg_rows.valid()) {
    auto written = pg_rows.get();
    if (!written.ok()) return written.status().with_context("writing product_recommendations");
    summary.pg_rows = static_cast<std::int64_t>(written->rows);
    summary.pg_inserted = static_cast<std::int64_t>(written->inserted);
    summary.pg_deleted = static_cast<std::int64_t>(written->deleted);
  }
  AYC_RETURN_IF_ERROR(stored);
  summary.seconds = seconds_since(start);
  return summary;
}

}  // namespace ayc::indexer
