-- Migration 3: query words with a role in search (table search_query_words):
-- 'noise' words dropped from longer queries and classical 'grade' words
-- ("maha", "laghu") given up first when a query finds nothing. They were
-- fixed in the server before; now a store can change them and reindex.
--
-- data/schema.sql already creates and loads the table in a new database; this
-- brings an existing one level. Rows a store added are kept. Applied by
-- scripts/pg.sh in one transaction; safe to run again.
CREATE TABLE IF NOT EXISTS search_query_words (
    word VARCHAR(100) PRIMARY KEY CHECK (word = lower(word) AND word ~ '^[a-z0-9]+$'),
    role VARCHAR(20) NOT NULL CHECK (role IN ('noise', 'grade'))
);
GRANT SELECT ON search_query_words TO ayurvedacart_indexer;
\ir ../reference/search_query_words.sql
INSERT INTO schema_migrations (version, description)
VALUES (3, 'query words with a role in search (search_query_words)')
ON CONFLICT (version) DO NOTHING;
