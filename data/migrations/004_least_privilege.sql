-- Migration 4: least privilege column by column. ayurvedacart_indexer had
-- SELECT on every table (password hashes, e-mails, phones, addresses
-- included); ayurvedacart_server had SELECT, INSERT and UPDATE on every
-- search_logs column. Now each reads only the columns its statements use and
-- writes only what it must: the indexer its product_recommendations rows, the
-- server new search_logs rows and their clicked_product_id.
--
-- data/schema.sql already grants exactly this (data/grants.sql, which both
-- load) in a new database; this brings
-- an existing one level. Every table privilege of the two roles is revoked
-- first (column privileges go with them), so privileges a store gave them by
-- hand are replaced too; their RLS policies are unchanged. Applied by
-- scripts/pg.sh in one transaction; safe to run again (on a new database it
-- changes nothing).
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ayurvedacart_indexer, ayurvedacart_server;

\ir ../grants.sql

INSERT INTO schema_migrations (version, description)
VALUES (4, 'least privilege: column-level grants to ayurvedacart_indexer and ayurvedacart_server')
ON CONFLICT (version) DO NOTHING;
