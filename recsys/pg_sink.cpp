#include "recsys/pg_sink.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <tuple>
#include <vector>

#include "common/pg.h"

namespace ayc::recsys {

namespace {

std::string decimal_score(float score) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.4f", std::clamp(static_cast<double>(score), 0.0, 0.9999));
  return buf;
}

struct Kind {
  const char* type;
  const ScoredLists* lists;
};

std::size_t stream_rows(pqxx::stream_to& out, const RecommendationSet& set, std::size_t per_source) {
  const Kind kinds[] = {{"frequently_bought_together", &set.bought_together},
                        {"similar", &set.similar},
                        {"related", &set.related}};
  std::size_t rows = 0;
  for (const auto& kind : kinds) {
    const std::string type = kind.type;
    const std::size_t sources = std::min(kind.lists->size(), set.ids.products.size());
    for (std::size_t src = 0; src < sources; ++src) {
      const auto list = (*kind.lists)[src];
      for (const auto& s : list.first(std::min(list.size(), per_source))) {
        if (s.item >= set.ids.products.size() || s.item == src) continue;
        out << std::make_tuple(set.ids.products[src], set.ids.products[s.item], type, decimal_score(s.score));
        ++rows;
      }
    }
  }
  return rows;
}

constexpr const char* kStaging = "recsys_staging";
constexpr const char* kOwnTypes = "('frequently_bought_together', 'similar', 'related')";
// A staged row and a table row are the same recommendation.
constexpr const char* kSameRow =
    "s.source_product_id = p.source_product_id AND s.recommended_product_id = p.recommended_product_id "
    "AND s.recommendation_type = p.recommendation_type AND s.score = p.score";

}  // namespace

Result<WriteSummary> write_product_recommendations(pqxx::connection& conn, const RecommendationSet& set,
                                                   std::size_t per_source) {
  try {
    pqxx::work tx(conn, "recsys_write");
    WriteSummary summary;
    tx.exec0(std::string("CREATE TEMPORARY TABLE ") + kStaging +
             " (source_product_id UUID NOT NULL, recommended_product_id UUID NOT NULL, "
             "recommendation_type VARCHAR(50) NOT NULL, score DECIMAL(5,4) NOT NULL) ON COMMIT DROP");
    {
      pqxx::stream_to out(tx, kStaging,
                          std::vector<std::string>{"source_product_id", "recommended_product_id",
                                                   "recommendation_type", "score"});
      summary.rows = stream_rows(out, set, per_source);
      out.complete();
    }
    tx.exec0(std::string("ANALYZE ") + kStaging);  // temporary tables have no statistics: a hash join, not a loop
    const pqxx::result deleted =
        tx.exec(std::string("DELETE FROM product_recommendations p WHERE p.recommendation_type IN ") + kOwnTypes +
                " AND NOT EXISTS (SELECT 1 FROM " + kStaging + " s WHERE " + kSameRow + ")");
    summary.deleted = static_cast<std::size_t>(deleted.affected_rows());
    // In key order, so the unique and source indexes are filled page by page.
    const pqxx::result inserted = tx.exec(
        std::string("INSERT INTO product_recommendations "
                    "(source_product_id, recommended_product_id, recommendation_type, score) "
                    "SELECT s.source_product_id, s.recommended_product_id, s.recommendation_type, s.score FROM ") +
        kStaging + " s WHERE NOT EXISTS (SELECT 1 FROM product_recommendations p WHERE " + kSameRow +
        ") ORDER BY s.source_product_id, s.recommended_product_id, s.recommendation_type");
    summary.inserted = static_cast<std::size_t>(inserted.affected_rows());
    tx.commit();
    return summary;
  } catch (const pqxx::broken_connection& e) {
    return Status::Unavailable(std::string("writing product_recommendations: lost the PostgreSQL connection: ") +
                               e.what());
  } catch (const std::exception& e) {
    return pg::query_error(e, "writing product_recommendations");
  }
}

}  // namespace ayc::recsys
