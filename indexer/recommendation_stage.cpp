#include "indexer/recommendation_stage.h"

#include <malloc.h>

#include <future>
#include <iostream>
#include <span>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

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

// Writes each block of lists to the store, and the product lists to
// product_recommendations' COPY when there is one, as the models hand them
// over: at a million products the whole lists (400 MiB a family) are never
// held side by side.
class StoreSink : public recsys::ListSink {
 public:
  StoreSink(BatchWriter& out, const recsys::IdMaps& ids, recsys::ProductRecommendationWriter* pg,
            RecommendationStageSummary& summary)
      : out_(out), ids_(ids), pg_(pg), summary_(summary) {}

  Status take(recsys::ListFamily family, std::size_t first, recsys::ScoredLists&& lists) override {
    using recsys::ListFamily;
    const bool per_customer = family == ListFamily::kForYou || family == ListFamily::kBuyAgain;
    const auto& ids = per_customer ? ids_.customers : ids_.products;
    for (std::size_t r = 0; r < lists.size() && first + r < ids.size(); ++r) {
      const std::string& id = ids[first + r];
      if (family == ListFamily::kForYou) {  // every customer has an entry, empty or not
        AYC_RETURN_IF_ERROR(out_.put_list(F::kUsers, id, lists[r]));
        ++summary_.users;
      } else if (lists[r].empty()) {
        continue;
      } else if (family == ListFamily::kBuyAgain) {
        AYC_RETURN_IF_ERROR(out_.put_list(F::kUsers, index::FeatureStore::user_list_key(id, "buy_again"), lists[r]));
      } else {
        AYC_RETURN_IF_ERROR(
            out_.put_list(F::kRelated, index::FeatureStore::related_key(id, recsys::family_name(family)), lists[r]));
        ++summary_.product_lists;
        if (pg_ != nullptr)
          AYC_RETURN_IF_ERROR(pg_->add(family, id, static_cast<std::uint32_t>(first + r), lists[r], ids_.products));
      }
    }
    return Status::Ok();
  }

 private:
  BatchWriter& out_;
  const recsys::IdMaps& ids_;
  recsys::ProductRecommendationWriter* pg_;  // null: product_recommendations is not written
  RecommendationStageSummary& summary_;
};

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

// Every user gets an entry: customers got theirs (for_you) from StoreSink,
// the rest an empty one.
Status write_other_users(pqxx::connection& conn, const recsys::RecommendationSet& set, BatchWriter& out,
                         std::int64_t& count) {
  std::unordered_set<std::string_view> customers(set.ids.customers.begin(), set.ids.customers.end());
  try {
    pqxx::work tx(conn);
    tx.exec0("DECLARE user_ids NO SCROLL CURSOR FOR SELECT id::text FROM users");
    for (;;) {
      auto rows = tx.exec("FETCH 20000 FROM user_ids");
      if (rows.empty()) break;
      for (const auto& row : rows) {
        std::string id = row[0].c_str();
        if (customers.contains(id)) continue;
        AYC_RETURN_IF_ERROR(out.put_list(F::kUsers, id, {}));
        ++count;
      }
    }
    tx.commit();
  } catch (const std::exception& e) {
    return pg::query_error(e, "reading users");
  }
  return Status::Ok();
}

// Reads the inputs, computes the lists and writes each to the store (the
// product ordinal table first) and to `pg` (may be null) as it comes.
// Returns the ids and the global and category lists; the inputs are freed on
// return.
Result<recsys::RecommendationSet> compute_and_store(const IndexerConfig& config, pqxx::connection& conn,
                                                    std::int64_t now, BatchWriter& out,
                                                    recsys::ProductRecommendationWriter* pg,
                                                    RecommendationStageSummary& summary) {
  recsys::LoadOptions load;
  bool show = config.progress == "always" || (config.progress == "auto" && stderr_is_terminal());
  if (show) {
    load.progress = &std::cerr;
    load.interactive = stderr_is_terminal();
  }
  AYC_ASSIGN_OR_RETURN(auto inputs, recsys::load_inputs(conn, std::chrono::sys_seconds(std::chrono::seconds(now)), load));
  ::malloc_trim(0);  // loading's id tables are gone: give their pages back
  recsys::RecsysOptions options;
  options.run.threads = worker_count(config);
  if (show) {
    options.on_stage = [](const std::string& line) {
      std::cerr << "recommendations: " << line << " (resident " << human_bytes(resident_bytes()) << ")\n";
    };
  }
  AYC_RETURN_IF_ERROR(recsys::validate(options));
  AYC_RETURN_IF_ERROR(recsys::validate(inputs));
  recsys::RecommendationSet kept;
  kept.ids = std::move(inputs.ids);
  AYC_RETURN_IF_ERROR(out.put_ordinals(kept.ids.products));
  StoreSink sink(out, kept.ids, pg, summary);
  AYC_ASSIGN_OR_RETURN(auto rest, recsys::compute_models_into(inputs.data, options, sink));
  kept.trending = std::move(rest.trending);
  kept.best_sellers = std::move(rest.best_sellers);
  kept.category_best_sellers = std::move(rest.category_best_sellers);
  kept.category_trending = std::move(rest.category_trending);
  return kept;
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
  // product_recommendations through --pg-write, or --pg when that is empty,
  // on its own connection: the rows are COPYed as the lists are computed.
  std::unique_ptr<pqxx::connection> pg_conn;
  std::unique_ptr<recsys::ProductRecommendationWriter> rows;
  if (config.pg_recommendations_per_product > 0) {
    auto c = pg::connect(config.pg_write.empty() ? config.pg : config.pg_write);
    if (!c.ok()) return c.status().with_context(config.pg_write.empty() ? "--pg" : "--pg-write");
    pg_conn = std::move(*c);
    auto w = recsys::ProductRecommendationWriter::open(
        *pg_conn, static_cast<std::size_t>(config.pg_recommendations_per_product));
    if (!w.ok()) return w.status();
    rows = std::move(*w);
  }
  BatchWriter out(store);
  auto set = compute_and_store(config, *conn, now, out, rows.get(), summary);
  if (!set.ok()) return set.status().with_context("recommendations");

  // The table is brought level (most of its cost is in the server) while
  // the rest goes into the feature store.
  std::future<Result<recsys::WriteSummary>> pg_rows;
  if (rows) pg_rows = std::async(std::launch::async, [&rows] { return rows->finish(); });
  Status stored = write_global_lists(*conn, *set, out);
  if (stored.ok()) stored = write_other_users(*conn, *set, out, summary.users);
  if (stored.ok()) stored = out.flush();
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
