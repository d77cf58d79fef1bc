-- Migration 7: the indexer writes product_recommendations by difference
-- (recsys/pg_sink.h): it stages the new lists in a temporary table, deletes
-- the rows of its types the new lists lack and inserts only the rows the
-- table lacks, so it reads the columns it compares (source, recommended
-- product, score; it already read recommendation_type). Its temporary table
-- needs TEMPORARY on the database, which PUBLIC holds unless a store revoked
-- it.
--
-- data/schema.sql already grants this (data/grants.sql) in a new database;
-- this brings an existing one level. Applied by scripts/pg.sh in one
-- transaction; safe to run again.
GRANT SELECT (source_product_id, recommended_product_id, recommendation_type, score)
    ON product_recommendations TO ayurvedacart_indexer;

INSERT INTO schema_migrations (version, description)
VALUES (7, 'the indexer reads the product_recommendations columns it compares when writing by difference')
ON CONFLICT (version) DO NOTHING;
