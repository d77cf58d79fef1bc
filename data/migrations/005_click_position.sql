-- Migration 5: a click may say where its hit was in the result list
-- (POST /events/click {"position": N}); the server stores it beside
-- clicked_product_id. Applied by scripts/pg.sh in one transaction; safe to run
-- again.
ALTER TABLE search_logs
    ADD COLUMN IF NOT EXISTS clicked_position INTEGER CHECK (clicked_position BETWEEN 1 AND 10000);

GRANT UPDATE (clicked_position) ON search_logs TO ayurvedacart_server;

INSERT INTO schema_migrations (version, description)
VALUES (5, 'search_logs.clicked_position: the clicked hit''s place in the result list')
ON CONFLICT (version) DO NOTHING;
