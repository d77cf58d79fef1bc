// The SQL the catalogue reader runs, in one place. Column order of
// products_query() is what CatalogReader::Impl::to_record() expects.
//
// Thread-safety: constants and pure functions.
#pragma once

#include <cstddef>
#include <sstream>
#include <string>

#include "ranking/scoring.h"

namespace ayc::indexer::sql {

inline constexpr const char* kStoreSettings = "SELECT key, value FROM store_settings";
inline constexpr const char* kCurrencies =
    "SELECT code, symbol, exchange_rate::float8 FROM currencies WHERE is_active IS NOT FALSE ORDER BY code";
inline constexpr const char* kIngredients =
    "SELECT canonical_name, kind, "
    "  to_jsonb(array_remove(ARRAY[sanskrit_name, hindi_name, english_name, botanical_name]::text[], NULL)"
    "           || COALESCE(other_names, '{}'))::text, "
    "  to_jsonb(COALESCE(uses, '{}'))::text "
    "FROM ingredients ORDER BY canonical_name";
inline constexpr const char* kSynonyms =
    "SELECT canonical, to_jsonb(synonyms)::text, kind FROM search_synonyms ORDER BY id";
inline constexpr const char* kQueryWords = "SELECT word, role FROM search_query_words ORDER BY word";
inline constexpr const char* kCategories =
    "SELECT id::text, slug, name, parent_id::text, is_active IS NOT FALSE FROM categories";
inline constexpr const char* kBrands =
    "SELECT slug, name FROM brands WHERE is_active IS NOT FALSE ORDER BY slug";
// Past queries that found something, most frequent first.
inline constexpr const char* kPopularQueries =
    "SELECT lower(btrim(query)) AS q, count(*) FROM search_logs "
    "WHERE results_count > 0 AND created_at > now() - interval '180 days' "
    "  AND length(btrim(query)) BETWEEN 2 AND 80 "
    "GROUP BY 1 HAVING count(*) >= 2 ORDER BY 2 DESC, 1 LIMIT 20000";

inline constexpr std::size_t kProductColumns = 35;

// `id_array` is empty for every product, or an SQL uuid[] literal restricting
// both the products and the per-product aggregates to those ids. Rows come
// in `order` (an SQL ORDER BY list over the query's aliases: p, sa, r, s).
inline std::string products_query(const std::string& id_array, const std::string& order = "p.id") {
  auto only = [&](const std::string& column) {
    return id_array.empty() ? std::string("TRUE") : column + " = ANY(" + id_array + ")";
  };
  const std::string pid_filter = only("product_id");
  return
      "WITH stock AS ("
      "  SELECT i.product_id, dc.country, "
      "         SUM(GREATEST(i.stock_quantity - COALESCE(i.reserved_quantity, 0), 0)) AS units"
      "  FROM distribution_center_inventory i"
      "  JOIN distribution_centers dc ON dc.id = i.distribution_center_id AND dc.is_active IS NOT FALSE"
      "  WHERE i.product_id IS NOT NULL AND " + only("i.product_id") + " GROUP BY i.product_id, dc.country),"
      " stock_agg AS (SELECT product_id, string_agg(country || ':' || units, chr(30)) AS stock,"
      "  SUM(GREATEST(units, 0)) AS units FROM stock GROUP BY product_id),"
      " sales AS ("
      "  SELECT oi.product_id, SUM(oi.quantity)::float8 AS units,"
      "    COALESCE(SUM(oi.quantity) FILTER (WHERE o.ordered_at > now() - interval '30 days'), 0)::float8 AS recent,"
      // In float8: extract() gives numeric, and numeric exp() over every
      // order line took most of the stream's time at a million products.
      "    SUM(oi.quantity * exp(-GREATEST(extract(epoch FROM now() - o.ordered_at)::float8, 0) / (86400.0 * 45)))"
      "      ::float8 AS decayed"
      "  FROM order_items oi JOIN orders o ON o.id = oi.order_id"
      "  WHERE o.status NOT IN ('cancelled', 'refunded') AND oi.product_id IS NOT NULL AND " + only("oi.product_id") +
      "  GROUP BY oi.product_id),"
      " reviews AS (SELECT product_id, AVG(rating)::float8 AS avg_rating, COUNT(*) AS n"
      "  FROM product_reviews WHERE is_approved AND product_id IS NOT NULL AND " + pid_filter +
      "  GROUP BY product_id),"
      " cats AS (SELECT product_id, string_agg(category_id::text, ',' ORDER BY is_primary DESC, category_id) AS ids"
      "  FROM product_categories WHERE " + pid_filter + " GROUP BY product_id),"
      " vars AS (SELECT product_id,"
      "    json_agg(json_build_array(sku, name, price, stock_quantity) ORDER BY price, sku) AS variants"
      "  FROM product_variants WHERE is_active IS NOT FALSE AND " + pid_filter + " GROUP BY product_id),"
      " imgs AS (SELECT DISTINCT ON (product_id) product_id, image_url FROM product_images"
      "  WHERE " + pid_filter + " ORDER BY product_id, is_primary DESC, sort_order, image_url)"
      " SELECT p.id, p.sku, p.slug, p.name, p.short_description, p.description, p.type, p.form,"
      "  p.dosage_form, p.pack_size, p.status, p.search_keywords, p.ingredients::text, p.indications::text,"
      "  p.brand_id, b.name, b.slug, p.selling_price, p.base_price, p.discount_percentage,"
      "  p.is_prescription_required, p.is_featured, p.track_inventory, p.stock_quantity,"
      "  COALESCE(r.avg_rating, 0), COALESCE(r.n, 0),"
      "  extract(epoch FROM p.created_at)::bigint, extract(epoch FROM p.updated_at)::bigint,"
      "  c.ids, s.stock, sa.units, sa.recent, sa.decayed, v.variants, im.image_url"
      " FROM products p"
      " LEFT JOIN brands b ON b.id = p.brand_id AND b.is_active IS NOT FALSE"
      " LEFT JOIN stock_agg s ON s.product_id = p.id"
      " LEFT JOIN sales sa ON sa.product_id = p.id"
      " LEFT JOIN reviews r ON r.product_id = p.id"
      " LEFT JOIN cats c ON c.product_id = p.id"
      " LEFT JOIN vars v ON v.product_id = p.id"
      " LEFT JOIN imgs im ON im.product_id = p.id"
      " WHERE " + only("p.id") +
      " ORDER BY " + order;
}

// products_query()'s order for a full run: the static rank, best first —
// ranking::business_prior() of the same signals (decayed sales, approved
// ratings, units in stock), then id. The full run numbers documents in
// stream order, so a search's top-k pass meets the best documents first
// and skips the rest (server/search/top_hits.h).
inline std::string static_rank_order(const ranking::PriorParams& p) {
  auto num = [](double v) {
    std::ostringstream out;
    out.precision(17);
    out << v;
    return out.str();
  };
  const std::string pop = "GREATEST(COALESCE(sa.decayed, 0), 0)";
  const std::string n = "COALESCE(r.n, 0)";
  return "(" + num(p.popularity_weight) + " * " + pop + " / (" + pop + " + " + num(p.popularity_half) + ")" +
         " + " + num(p.rating_weight) + " * ((COALESCE(r.avg_rating, 0) * " + n + " + " +
         num(p.rating_prior_mean * p.rating_prior_count) + ") / (" + n + " + " + num(p.rating_prior_count) +
         ") - 1) / 4" + " + " + num(p.stock_weight) + " * (COALESCE(s.units, 0) > 0)::int) DESC, p.id";
}

// Ids of products touched at or after `ts` (an SQL timestamptz expression).
inline std::string changed_products_query(const std::string& ts) {
  return "SELECT id::text FROM products WHERE updated_at >= " + ts + " OR created_at >= " + ts +
         " UNION SELECT product_id::text FROM product_variants WHERE product_id IS NOT NULL AND (updated_at >= " +
         ts + " OR created_at >= " + ts + ")" +
         " UNION SELECT product_id::text FROM distribution_center_inventory WHERE product_id IS NOT NULL AND"
         " (last_updated >= " + ts + " OR created_at >= " + ts + ")" +
         " UNION SELECT product_id::text FROM product_reviews WHERE product_id IS NOT NULL AND (updated_at >= " +
         ts + " OR created_at >= " + ts + ")" +
         " UNION SELECT product_id::text FROM product_categories WHERE created_at >= " + ts +
         " UNION SELECT p.id::text FROM products p JOIN brands b ON b.id = p.brand_id WHERE b.updated_at >= " + ts +
         " UNION SELECT pc.product_id::text FROM product_categories pc JOIN categories c ON c.id = pc.category_id"
         " WHERE c.updated_at >= " + ts;
}

}  // namespace ayc::indexer::sql
