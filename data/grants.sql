-- Column-level grants of the two least-privilege roles (created, with their
-- row-security policies, in schema.sql). Loaded by data/schema.sql and by
-- migration 004; a later change to them is a new migration that loads this
-- file again after revoking what the roles hold.

-- The indexer reads, column by column, only what it indexes and what the
-- recommendation models learn from (orders included despite RLS), and writes
-- only the recommendation lists it computes. No password hash, e-mail, phone,
-- name, birth date or address: of users it reads the id alone; of orders the
-- ids, status and dates, no address, amount or note; of search_logs the query
-- text, result count and date (popular queries), no user, session, address or
-- agent. Kept in step with the SQL in indexer/catalog_sql.h,
-- indexer/catalog_reader.cpp, indexer/recommendation_stage.cpp,
-- recsys/pg_source.cpp and recsys/pg_sink.cpp: the tests run the indexer as a
-- member of this role, so a column it needs and lacks fails them.
GRANT USAGE ON SCHEMA public TO ayurvedacart_indexer;
GRANT SELECT (id, sku, slug, name, short_description, description, type, form, dosage_form, pack_size,
              status, search_keywords, ingredients, indications, brand_id, selling_price, base_price,
              discount_percentage, is_prescription_required, is_featured, track_inventory, stock_quantity,
              created_at, updated_at)
    ON products TO ayurvedacart_indexer;
GRANT SELECT (id, slug, name, is_active, updated_at) ON brands TO ayurvedacart_indexer;
GRANT SELECT (id, slug, name, parent_id, is_active, updated_at) ON categories TO ayurvedacart_indexer;
GRANT SELECT (product_id, category_id, is_primary, created_at) ON product_categories TO ayurvedacart_indexer;
GRANT SELECT (product_id, image_url, is_primary, sort_order) ON product_images TO ayurvedacart_indexer;
GRANT SELECT (product_id, sku, name, price, stock_quantity, is_active, created_at, updated_at)
    ON product_variants TO ayurvedacart_indexer;
GRANT SELECT (product_id, distribution_center_id, stock_quantity, reserved_quantity, created_at, last_updated)
    ON distribution_center_inventory TO ayurvedacart_indexer;
GRANT SELECT (id, country, is_active) ON distribution_centers TO ayurvedacart_indexer;
GRANT SELECT (product_id, rating, is_approved, created_at, updated_at) ON product_reviews TO ayurvedacart_indexer;
GRANT SELECT (product_id, deleted_at) ON product_deletions TO ayurvedacart_indexer;
GRANT SELECT (id, user_id, status, payment_status, ordered_at, created_at) ON orders TO ayurvedacart_indexer;
GRANT SELECT (order_id, product_id, quantity) ON order_items TO ayurvedacart_indexer;
GRANT SELECT (id) ON users TO ayurvedacart_indexer;
GRANT SELECT (query, results_count, created_at) ON search_logs TO ayurvedacart_indexer;
GRANT SELECT (key, value) ON store_settings TO ayurvedacart_indexer;
GRANT SELECT (code, symbol, exchange_rate, is_active) ON currencies TO ayurvedacart_indexer;
GRANT SELECT (canonical_name, kind, sanskrit_name, hindi_name, english_name, botanical_name, other_names, uses)
    ON ingredients TO ayurvedacart_indexer;
GRANT SELECT (id, canonical, synonyms, kind) ON search_synonyms TO ayurvedacart_indexer;
GRANT SELECT (word, role) ON search_query_words TO ayurvedacart_indexer;
-- Its own lists: COPY into a temporary table, then DELETE the rows of its
-- types the new lists lack and INSERT the ones the table lacks, comparing
-- source, recommended product, type and score (recsys/pg_sink.h). No UPDATE.
GRANT SELECT (source_product_id, recommended_product_id, recommendation_type, score)
    ON product_recommendations TO ayurvedacart_indexer;
GRANT INSERT (source_product_id, recommended_product_id, recommendation_type, score)
    ON product_recommendations TO ayurvedacart_indexer;
GRANT DELETE ON product_recommendations TO ayurvedacart_indexer;

-- The server inserts search_logs rows (COPY, or INSERT ... ON CONFLICT (id) DO
-- NOTHING, which reads id) and sets clicked_product_id on one by id; it reads
-- no logged query. It may check that a user or product id exists (an unknown
-- user is stored as NULL, a click on an unknown product dropped) but read no
-- other column of them. Kept in step with server/search_log/store.cpp.
GRANT USAGE ON SCHEMA public TO ayurvedacart_server;
GRANT INSERT (id, user_id, query, results_count, session_id, ip_address, user_agent, created_at)
    ON search_logs TO ayurvedacart_server;
GRANT UPDATE (clicked_product_id) ON search_logs TO ayurvedacart_server;
-- clicked_position came with migration 005; migration 004 (which runs this
-- file) may meet a database without it yet, and 005 grants it then.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM information_schema.columns
               WHERE table_schema = 'public' AND table_name = 'search_logs' AND column_name = 'clicked_position') THEN
        GRANT UPDATE (clicked_position) ON search_logs TO ayurvedacart_server;
    END IF;
END $$;
GRANT SELECT (id) ON search_logs TO ayurvedacart_server;
GRANT SELECT (id) ON users TO ayurvedacart_server;
GRANT SELECT (id) ON products TO ayurvedacart_server;
