// Integration: PostgreSQL -> load_inputs -> compute -> write_product_recommendations,
// reading and writing as the indexer does (a member of ayurvedacart_indexer only).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "recsys/pg_sink.h"
#include "recsys/pg_source.h"
#include "recsys/recommendations.h"
#include "tests/support/temp_database.h"

namespace ayc::recsys {
namespace {

std::string uuid(char kind, int n) {
  // e.g. product 3 -> a0000000-0000-0000-0000-000000000003
  const char* prefix = kind == 'p' ? "a" : kind == 'u' ? "b" : kind == 'o' ? "c" : "d";
  std::string tail = std::to_string(n);
  return std::string(prefix) + "0000000-0000-0000-0000-" + std::string(12 - tail.size(), '0') + tail;
}

void insert_product(pqxx::work& tx, int n, const std::string& status, const std::string& form,
                    const std::string& ingredients, const std::string& indications, int category) {
  tx.exec0("INSERT INTO products (id, sku, name, slug, type, form, base_price, selling_price, status, "
           "stock_quantity, ingredients, indications) VALUES (" +
           tx.quote(uuid('p', n)) + ", 'RT-" + std::to_string(n) + "', 'Product " + std::to_string(n) +
           "', 'rt-product-" + std::to_string(n) + "', 'medicine', " + tx.quote(form) + ", 100, 90, " +
           tx.quote(status) + ", 100, " + tx.quote(ingredients) + "::jsonb, " + tx.quote(indications) + "::jsonb)");
  tx.exec0("INSERT INTO product_categories (product_id, category_id, is_primary) VALUES (" + tx.quote(uuid('p', n)) +
           ", " + tx.quote(uuid('c', category)) + ", TRUE)");
}

void insert_order(pqxx::work& tx, int n, int user, const std::string& status, int days_ago,
                  std::initializer_list<int> products) {
  const std::string user_id = user > 0 ? tx.quote(uuid('u', user)) : "NULL";
  tx.exec0("INSERT INTO orders (id, order_number, user_id, status, payment_status, subtotal, total_amount, "
           "shipping_address, ordered_at) VALUES (" +
           tx.quote(uuid('o', n)) + ", 'RT-ORDER-" + std::to_string(n) + "', " + user_id + ", " + tx.quote(status) +
           ", 'paid', 100, 100, '{}'::jsonb, NOW() - interval '" + std::to_string(days_ago) + " days')");
  for (int p : products) {
    tx.exec0("INSERT INTO order_items (order_id, product_id, product_name, product_sku, unit_price, quantity, "
             "total_price) VALUES (" +
             tx.quote(uuid('o', n)) + ", " + tx.quote(uuid('p', p)) + ", 'Product', 'RT', 90, 1, 90)");
  }
}

void seed_shop(pqxx::connection& conn) {
  pqxx::work tx(conn);
  tx.exec0("INSERT INTO ingredients (canonical_name, hindi_name, botanical_name, other_names) VALUES "
           "('Ashwagandha', 'Asgandh', 'Withania somnifera', ARRAY['Indian ginseng']), "
           "('Triphala', NULL, NULL, ARRAY['Three fruits']) ON CONFLICT (canonical_name) DO NOTHING");
  tx.exec0("INSERT INTO categories (id, name, slug) VALUES (" + tx.quote(uuid('c', 1)) + ", 'Root', 'rt-root')");
  tx.exec0("INSERT INTO categories (id, name, slug, parent_id) VALUES (" + tx.quote(uuid('c', 2)) +
           ", 'Child', 'rt-child', " + tx.quote(uuid('c', 1)) + ")");
  insert_product(tx, 1, "active", "powder", R"(["Ashwagandha"])", R"(["Stress"])", 2);
  insert_product(tx, 2, "active", "tablet", R"([{"name": "Withania somnifera", "quantity": "500 mg"}])",
                 R"(["stress"])", 2);
  insert_product(tx, 3, "active", "powder", R"(["Triphala"])", R"(["Constipation"])", 1);
  insert_product(tx, 4, "active", "oil", R"(["Brahmi", 42])", "[]", 1);
  insert_product(tx, 5, "draft", "powder", R"(["Asgandh"])", R"(["Stress"])", 2);
  insert_product(tx, 6, "active", "syrup", R"(["Tulsi"])", R"({"not": "an array"})", 1);
  for (int u = 1; u <= 4; ++u) {
    tx.exec0("INSERT INTO users (id, email, password_hash, first_name, last_name) VALUES (" + tx.quote(uuid('u', u)) +
             ", 'rt" + std::to_string(u) + "@example.com', 'x', 'R', 'T')");
  }
  insert_order(tx, 1, 1, "delivered", 10, {1, 3});
  insert_order(tx, 2, 2, "delivered", 12, {1, 3});
  insert_order(tx, 3, 3, "shipped", 3, {1, 3, 4});
  insert_order(tx, 4, 4, "cancelled", 2, {1, 6});
  insert_order(tx, 5, 0, "delivered", 1, {2, 4});  // a guest order
  // A row of a type this stage does not own.
  tx.exec0("INSERT INTO product_recommendations (source_product_id, recommended_product_id, recommendation_type, "
           "score) VALUES (" + tx.quote(uuid('p', 1)) + ", " + tx.quote(uuid('p', 6)) + ", 'editorial', 0.5)");
  tx.commit();
}

std::int64_t count(pqxx::connection& conn, const std::string& sql) {
  pqxx::work tx(conn);
  return tx.exec1(sql)[0].as<std::int64_t>();
}

bool has_row(pqxx::connection& conn, int from, int to, const std::string& type) {
  pqxx::work tx(conn);
  return tx.exec1("SELECT count(*) FROM product_recommendations WHERE source_product_id = " +
                  tx.quote(uuid('p', from)) + " AND recommended_product_id = " + tx.quote(uuid('p', to)) +
                  " AND recommendation_type = " + tx.quote(type))[0]
             .as<int>() > 0;
}

TEST_CASE("recommendations round-trip through PostgreSQL") {
  testing::TempDatabase db;
  seed_shop(db.conn());
  const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()) +
                   std::chrono::hours(1);

  pqxx::connection indexer(db.indexer_url());
  const auto inputs = load_inputs(indexer, now, LoadOptions{2, nullptr, false});  // tiny batches: many FETCHes
  INFO((inputs.ok() ? std::string() : inputs.status().message()));
  REQUIRE(inputs.ok());
  const Dataset& d = inputs->data;
  REQUIRE(d.items.size() == 6);
  CHECK(d.lines.size() == 9);  // the cancelled order does not count
  CHECK(d.customer_count == 3);
  CHECK(inputs->ids.categories.size() == 2);
  const auto& p1 = d.items[0];  // ids sort like the UUIDs
  const auto& p2 = d.items[1];
  REQUIRE(p1.ingredients.size() == 1);
  CHECK(p1.ingredients == p2.ingredients);  // "Withania somnifera" is Ashwagandha
  CHECK(d.items[4].ingredients == p1.ingredients);
  CHECK_FALSE(d.items[4].active);
  CHECK(d.items[3].ingredients.size() == 1);  // the number 42 is no ingredient name
  CHECK(d.items[5].indications.empty());
  CHECK(p1.categories.size() == 1);
  CHECK(p1.ancestor_categories.size() == 1);

  const auto set = compute_recommendations(*inputs, RecsysOptions{});
  REQUIRE(set.ok());
  const auto first = write_product_recommendations(indexer, *set);
  REQUIRE(first.ok());
  CHECK(first->rows > 0);

  auto& conn = db.conn();
  const std::string ours =
      "FROM product_recommendations WHERE recommendation_type IN ('frequently_bought_together', 'similar', 'related')";
  CHECK(count(conn, "SELECT count(*) " + ours) == static_cast<std::int64_t>(first->rows));
  CHECK(count(conn, "SELECT count(DISTINCT recommendation_type) " + ours) == 3);
  CHECK(count(conn, "SELECT count(*) " + ours + " AND source_product_id = recommended_product_id") == 0);
  CHECK(count(conn, "SELECT count(*) " + ours + " AND (score < 0 OR score >= 1)") == 0);
  CHECK(count(conn, "SELECT COALESCE(max(n), 0) FROM (SELECT count(*) AS n " + ours +
                        " GROUP BY source_product_id, recommendation_type) s") <= 50);
  CHECK(count(conn, "SELECT count(*) " + ours + " AND (source_product_id = " + "'" + uuid('p', 5) +
                        "' OR recommended_product_id = '" + uuid('p', 5) + "')") == 0);
  CHECK(has_row(conn, 1, 3, "frequently_bought_together"));
  CHECK_FALSE(has_row(conn, 1, 6, "frequently_bought_together"));  // only together in a cancelled order
  CHECK(has_row(conn, 2, 1, "similar"));                           // via the botanical name
  CHECK(has_row(conn, 6, 3, "related"));  // never sold, still related to its category's products

  // A second run of the same lists writes nothing, and leaves other types alone.
  const auto second = write_product_recommendations(indexer, *set);
  REQUIRE(second.ok());
  CHECK(second->rows == first->rows);
  CHECK(second->deleted == 0);
  CHECK(second->inserted == 0);
  CHECK(first->staged == first->rows);
  CHECK(second->staged == 0);  // every list matched the table's: nothing sent
  CHECK(count(conn, "SELECT count(*) " + ours) == static_cast<std::int64_t>(first->rows));
  CHECK(count(conn, "SELECT count(*) FROM product_recommendations WHERE recommendation_type = 'editorial'") == 1);

  // The per-source cap keeps the best rows.
  const auto capped = write_product_recommendations(indexer, *set, 1);
  REQUIRE(capped.ok());
  CHECK(count(conn, "SELECT COALESCE(max(n), 0) FROM (SELECT count(*) AS n " + ours +
                        " GROUP BY source_product_id, recommendation_type) s") == 1);
  CHECK(has_row(conn, 1, 3, "frequently_bought_together"));

  // A writer abandoned before finish() (a failed run) leaves the table as it was.
  const auto before = count(conn, "SELECT count(*) " + ours);
  {
    auto writer = ProductRecommendationWriter::open(indexer, 50);
    REQUIRE(writer.ok());
    REQUIRE((*writer)->add(ListFamily::kSimilar, set->ids.products[0], 0, set->similar[0], set->ids.products).ok());
  }
  CHECK(count(conn, "SELECT count(*) " + ours) == before);
  // Fed list by list, it writes what write_product_recommendations writes.
  auto writer = ProductRecommendationWriter::open(indexer, 50);
  REQUIRE(writer.ok());
  for (std::size_t p = 0; p < set->ids.products.size(); ++p) {
    const auto id = static_cast<std::uint32_t>(p);
    REQUIRE((*writer)->add(ListFamily::kRelated, set->ids.products[p], id, set->related[p], set->ids.products).ok());
    REQUIRE((*writer)->add(ListFamily::kSimilar, set->ids.products[p], id, set->similar[p], set->ids.products).ok());
    REQUIRE((*writer)->add(ListFamily::kBoughtTogether, set->ids.products[p], id, set->bought_together[p],
                           set->ids.products)
                .ok());
  }
  const auto fed = (*writer)->finish();
  REQUIRE(fed.ok());
  CHECK(fed->rows == first->rows);
  CHECK(count(conn, "SELECT count(*) " + ours) == static_cast<std::int64_t>(first->rows));
  CHECK_FALSE((*writer)->finish().ok());  // once only
}

const char* const kTypeNames[] = {"frequently_bought_together", "similar", "related"};

// What the table should hold for `set`: "source|recommended|type|score" rows, sorted.
std::vector<std::string> expected_rows(const RecommendationSet& set, std::size_t per_source) {
  std::vector<std::string> rows;
  const ScoredLists* lists[] = {&set.bought_together, &set.similar, &set.related};
  for (int k = 0; k < 3; ++k) {
    for (std::size_t src = 0; src < lists[k]->size(); ++src) {
      const auto list = (*lists[k])[src];
      for (const auto& s : list.first(std::min(list.size(), per_source))) {
        char score[16];
        std::snprintf(score, sizeof score, "%.4f", static_cast<double>(s.score));
        rows.push_back(set.ids.products[src] + "|" + set.ids.products[s.item] + "|" + kTypeNames[k] + "|" + score);
      }
    }
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

std::vector<std::string> table_rows(pqxx::connection& conn) {
  pqxx::work tx(conn);
  std::vector<std::string> rows;
  for (const auto& r : tx.exec("SELECT source_product_id || '|' || recommended_product_id || '|' || "
                               "recommendation_type || '|' || score FROM product_recommendations WHERE "
                               "recommendation_type IN ('frequently_bought_together', 'similar', 'related')")) {
    rows.push_back(r[0].as<std::string>());
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

std::string row_id(pqxx::connection& conn, int from, int to, const std::string& type) {
  pqxx::work tx(conn);
  return tx.exec1("SELECT id::text FROM product_recommendations WHERE source_product_id = " +
                  tx.quote(uuid('p', from)) + " AND recommended_product_id = " + tx.quote(uuid('p', to)) +
                  " AND recommendation_type = " + tx.quote(type))[0]
      .as<std::string>();
}

TEST_CASE("the staged write leaves product_recommendations as a row-by-row write does, and a second run replaces only what changed") {
  testing::TempDatabase db;
  seed_shop(db.conn());
  const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()) +
                   std::chrono::hours(1);
  pqxx::connection indexer(db.indexer_url());
  const auto inputs = load_inputs(indexer, now);
  REQUIRE(inputs.ok());
  const auto set = compute_recommendations(*inputs, RecsysOptions{});
  REQUIRE(set.ok());
  auto& conn = db.conn();

  // The reference: every row INSERTed one by one, as the stage used to write them.
  const auto expected = expected_rows(*set, 50);
  REQUIRE(expected.size() > 5);
  {
    pqxx::work tx(conn);
    for (const auto& row : expected) {
      const auto a = row.find('|'), b = row.find('|', a + 1), c = row.find('|', b + 1);
      tx.exec0("INSERT INTO product_recommendations (source_product_id, recommended_product_id, "
               "recommendation_type, score) VALUES (" + tx.quote(row.substr(0, a)) + ", " +
               tx.quote(row.substr(a + 1, b - a - 1)) + ", " + tx.quote(row.substr(b + 1, c - b - 1)) + ", " +
               tx.quote(row.substr(c + 1)) + ")");
    }
    tx.commit();
  }
  const auto reference = table_rows(conn);
  CHECK(reference == expected);

  // From a table holding stale rows of its types (a pair no longer listed, a
  // changed score), the staged write leaves exactly the reference.
  {
    pqxx::work tx(conn);
    tx.exec0("DELETE FROM product_recommendations WHERE recommendation_type <> 'editorial'");
    tx.exec0("INSERT INTO product_recommendations (source_product_id, recommended_product_id, recommendation_type, "
             "score) VALUES (" + tx.quote(uuid('p', 4)) + ", " + tx.quote(uuid('p', 6)) + ", 'similar', 0.1234), (" +
             tx.quote(uuid('p', 1)) + ", " + tx.quote(uuid('p', 3)) + ", 'frequently_bought_together', 0.0001)");
    tx.commit();
  }
  const auto staged = write_product_recommendations(indexer, *set);
  REQUIRE(staged.ok());
  CHECK(staged->rows == expected.size());
  CHECK(staged->staged == expected.size());  // no list matched the stale table
  CHECK(staged->deleted == 2);
  CHECK(staged->inserted == expected.size());
  CHECK(table_rows(conn) == reference);
  CHECK(count(conn, "SELECT count(*) FROM product_recommendations WHERE recommendation_type = 'editorial'") == 1);

  // New lists: product 1 loses its similar list, product 2's best similar
  // entry changes score. The second run deletes and inserts just those rows.
  RecommendationSet changed = *set;
  std::vector<std::vector<Scored>> similar;
  for (std::size_t p = 0; p < changed.similar.size(); ++p) {
    similar.emplace_back(changed.similar[p].begin(), changed.similar[p].end());
  }
  REQUIRE(similar.size() >= 2);
  const std::size_t dropped = similar[0].size();
  REQUIRE(dropped > 0);
  REQUIRE_FALSE(similar[1].empty());
  similar[0].clear();
  similar[1][0].score /= 2;
  changed.similar = ScoredLists(similar);
  const std::string kept_id = row_id(conn, 1, 3, "frequently_bought_together");
  const auto second = write_product_recommendations(indexer, changed);
  REQUIRE(second.ok());
  CHECK(second->deleted == dropped + 1);
  CHECK(second->inserted == 1);
  // Only product 2's similar list was sent again.
  const auto changed_rows = expected_rows(changed, 50);
  CHECK(second->staged == static_cast<std::size_t>(std::count_if(changed_rows.begin(), changed_rows.end(), [](const auto& r) {
          return r.starts_with(uuid('p', 2) + "|") && r.find("|similar|") != std::string::npos;
        })));
  CHECK(table_rows(conn) == changed_rows);
  CHECK(row_id(conn, 1, 3, "frequently_bought_together") == kept_id);  // unchanged: not written again
  CHECK(count(conn, "SELECT count(*) FROM product_recommendations WHERE recommendation_type = 'editorial'") == 1);

  // Rows changed behind the write's back are found: a score edited by hand,
  // a row added to an unchanged list (a product recommending itself, which
  // no list holds), and a row whose recommended product is
  // NULL (no digest can key it: every row is compared, and it goes).
  {
    pqxx::work tx(conn);
    tx.exec0("UPDATE product_recommendations SET score = 0.0002 WHERE id = " + tx.quote(kept_id));
    tx.exec0("INSERT INTO product_recommendations (source_product_id, recommended_product_id, recommendation_type, "
             "score) VALUES (" + tx.quote(uuid('p', 3)) + ", " + tx.quote(uuid('p', 3)) + ", 'related', 0.4321)");
    tx.commit();
  }
  const auto edited = write_product_recommendations(indexer, changed);
  REQUIRE(edited.ok());
  CHECK(edited->deleted == 2);
  CHECK(edited->inserted == 1);
  CHECK(edited->staged < changed_rows.size());
  CHECK(table_rows(conn) == changed_rows);
  {
    pqxx::work tx(conn);
    tx.exec0("INSERT INTO product_recommendations (source_product_id, recommended_product_id, recommendation_type, "
             "score) VALUES (" + tx.quote(uuid('p', 3)) + ", NULL, 'similar', 0.5)");
    tx.commit();
  }
  const auto with_null = write_product_recommendations(indexer, changed);
  REQUIRE(with_null.ok());
  CHECK(with_null->staged == changed_rows.size());
  CHECK(with_null->deleted == 1);
  CHECK(with_null->inserted == 0);
  CHECK(count(conn, "SELECT count(*) FROM product_recommendations WHERE recommended_product_id IS NULL") == 0);
  CHECK(table_rows(conn) == changed_rows);
}

TEST_CASE("load_inputs reports a broken connection as a Status") {
  testing::TempDatabase db;
  auto conn = std::make_unique<pqxx::connection>(db.url());
  {
    pqxx::nontransaction tx(*conn);
    tx.exec0("DROP TABLE order_items CASCADE");
  }
  const auto inputs = load_inputs(*conn, std::chrono::sys_seconds{});
  REQUIRE_FALSE(inputs.ok());
  CHECK(inputs.status().message().find("loading recommendation inputs") != std::string::npos);
}

}  // namespace
}  // namespace ayc::recsys
