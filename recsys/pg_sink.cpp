#include "recsys/pg_sink.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <tuple>
#include <vector>

#include "common/pg.h"
#include "recsys/row_digests.h"

namespace ayc::recsys {

namespace {

std::string decimal_score(float score) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.4f", std::clamp(static_cast<double>(score), 0.0, 0.9999));
  return buf;
}

const char* row_type(ListFamily family) {
  return family == ListFamily::kBoughtTogether ? "frequently_bought_together"
         : family == ListFamily::kSimilar      ? "similar"
                                               : "related";
}

// The Status of an exception thrown while writing.
Status write_failure(const std::exception& e) {
  if (dynamic_cast<const pqxx::broken_connection*>(&e) != nullptr)
    return Status::Unavailable(std::string("writing product_recommendations: lost the PostgreSQL connection: ") +
                               e.what());
  return pg::query_error(e, "writing product_recommendations");
}

constexpr const char* kStaging = "recsys_staging";
constexpr const char* kChanged = "recsys_changed";
constexpr const char* kOwnTypes = "('frequently_bought_together', 'similar', 'related')";
// A staged row and a table row are the same recommendation.
constexpr const char* kSameRow =
    "s.source_product_id = p.source_product_id AND s.recommended_product_id = p.recommended_product_id "
    "AND s.recommendation_type = p.recommendation_type AND s.score = p.score";

}  // namespace

ProductRecommendationWriter::ProductRecommendationWriter(std::size_t per_source)
    : per_source_(per_source), table_(std::make_unique<TableDigests>()) {}

void ProductRecommendationWriter::read_table() {
  pqxx::stream_from in(*tx_, std::string("(SELECT source_product_id, recommendation_type, recommended_product_id, "
                                         "score FROM product_recommendations WHERE recommendation_type IN ") +
                                 kOwnTypes + ")");
  std::string line;
  std::string_view field[4];
  while (in.get_raw_line(line)) {
    if (!table_) continue;  // drained: every row is compared in PostgreSQL
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    std::size_t start = 0;
    int n = 0;
    for (; n < 4 && start <= line.size(); ++n) {
      const std::size_t tab = std::min(line.find('\t', start), line.size());
      field[n] = std::string_view(line).substr(start, tab - start);
      start = tab + 1;
    }
    const int score = n == 4 ? score_ten_thousandths(field[3]) : -1;
    const ListFamily family = field[1] == "similar" ? ListFamily::kSimilar
                              : field[1] == "related" ? ListFamily::kRelated
                                                      : ListFamily::kBoughtTogether;
    // A NULL (\N) or otherwise unkeyable row: compare every row instead.
    if (score < 0 || field[2] == "\\N" || !table_->add_row(field[0], family, field[2], score)) table_.reset();
  }
  in.complete();
}

ProductRecommendationWriter::~ProductRecommendationWriter() {
  try {
    copy_.reset();  // an unfinished COPY is abandoned with the transaction
    tx_.reset();
  } catch (...) {
  }
}

Result<std::unique_ptr<ProductRecommendationWriter>> ProductRecommendationWriter::open(pqxx::connection& conn,
                                                                                       std::size_t per_source) {
  std::unique_ptr<ProductRecommendationWriter> w(new ProductRecommendationWriter(per_source));
  try {
    w->tx_ = std::make_unique<pqxx::work>(conn, "recsys_write");
    w->read_table();
    w->tx_->exec0(std::string("CREATE TEMPORARY TABLE ") + kStaging +
                  " (source_product_id UUID NOT NULL, recommended_product_id UUID NOT NULL, "
                  "recommendation_type VARCHAR(50) NOT NULL, score DECIMAL(5,4) NOT NULL) ON COMMIT DROP");
    w->copy_ = std::make_unique<pqxx::stream_to>(
        *w->tx_, kStaging,
        std::vector<std::string>{"source_product_id", "recommended_product_id", "recommendation_type", "score"});
  } catch (const std::exception& e) {
    return write_failure(e);
  }
  return w;
}

Status ProductRecommendationWriter::add(ListFamily family, const std::string& source_id, std::uint32_t source,
                                        std::span<const Scored> list, const std::vector<std::string>& product_ids) {
  if (!copy_) return Status::FailedPrecondition("product_recommendations: add() after finish()");
  try {
    ListDigest digest;
    rows_of_list_.clear();
    for (const auto& s : list.first(std::min(list.size(), per_source_))) {
      if (s.item >= product_ids.size() || s.item == source) continue;
      rows_of_list_.emplace_back(s.item, decimal_score(s.score));
      digest.add(product_ids[s.item], score_ten_thousandths(rows_of_list_.back().second));
    }
    rows_ += rows_of_list_.size();
    if (table_ && table_->matches(source_id, family, digest)) return Status::Ok();  // the table holds it already
    const std::string type = row_type(family);
    for (const auto& [item, score] : rows_of_list_) *copy_ << std::make_tuple(source_id, product_ids[item], type, score);
    staged_ += rows_of_list_.size();
  } catch (const std::exception& e) {
    return write_failure(e);
  }
  return Status::Ok();
}

Result<WriteSummary> ProductRecommendationWriter::finish() {
  if (!copy_) return Status::FailedPrecondition("product_recommendations: finish() called twice");
  try {
    WriteSummary summary;
    summary.rows = rows_;
    summary.staged = staged_;
    copy_->complete();
    copy_.reset();
    pqxx::work& tx = *tx_;
    // The lists whose old rows may have to go: those staged and those no
    // list was given for. Without digests, every row of the types.
    std::string scope = std::string("p.recommendation_type IN ") + kOwnTypes;
    if (table_) {
      tx.exec0(std::string("CREATE TEMPORARY TABLE ") + kChanged +
               " (source_product_id UUID NOT NULL, recommendation_type VARCHAR(50) NOT NULL) ON COMMIT DROP");
      pqxx::stream_to changed(tx, kChanged, std::vector<std::string>{"source_product_id", "recommendation_type"});
      table_->for_each_unmatched(
          [&](const std::string& source, ListFamily family) { changed << std::make_tuple(source, row_type(family)); });
      changed.complete();
      tx.exec0(std::string("ANALYZE ") + kChanged);
      scope = std::string("EXISTS (SELECT 1 FROM ") + kChanged +
              " c WHERE c.source_product_id = p.source_product_id AND c.recommendation_type = p.recommendation_type)";
    }
    tx.exec0(std::string("ANALYZE ") + kStaging);  // temporary tables have no statistics: a hash join, not a loop
    const pqxx::result deleted = tx.exec("DELETE FROM product_recommendations p WHERE " + scope +
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
    tx_.reset();
    return summary;
  } catch (const std::exception& e) {
    return write_failure(e);
  }
}

Result<WriteSummary> write_product_recommendations(pqxx::connection& conn, const RecommendationSet& set,
                                                   std::size_t per_source) {
  AYC_ASSIGN_OR_RETURN(auto writer, ProductRecommendationWriter::open(conn, per_source));
  for (ListFamily family : {ListFamily::kBoughtTogether, ListFamily::kSimilar, ListFamily::kRelated}) {
    const ScoredLists& lists = set.lists(family);
    const std::size_t sources = std::min(lists.size(), set.ids.products.size());
    for (std::size_t src = 0; src < sources; ++src)
      AYC_RETURN_IF_ERROR(writer->add(family, set.ids.products[src], static_cast<std::uint32_t>(src), lists[src],
                                      set.ids.products));
  }
  return writer->finish();
}

}  // namespace ayc::recsys
