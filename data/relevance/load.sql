-- Loads the judged set's catalogue (catalogue.jsonl beside this file) into a
-- database made from data/schema.sql: its brands, categories and products,
-- each product in stock at one distribution centre. Ids are derived from the
-- slugs, so the load is the same every time and safe to run twice (rows
-- already there are left alone). Run it from this folder:
--
--   cd data/relevance && psql "$URL" -v ON_ERROR_STOP=1 -f load.sql
BEGIN;
CREATE TEMP TABLE relevance_catalogue (doc jsonb) ON COMMIT DROP;
-- One JSON object per line, read whole (no CSV quoting or delimiter can occur in it).
\copy relevance_catalogue (doc) FROM 'catalogue.jsonl' WITH (FORMAT csv, QUOTE E'\x01', DELIMITER E'\x02')

CREATE TEMP VIEW relevance_rows AS
SELECT doc,
       trim(both '-' from lower(regexp_replace(doc->>'brand', '[^A-Za-z0-9]+', '-', 'g'))) AS brand_slug,
       trim(both '-' from lower(regexp_replace(doc->>'category', '[^A-Za-z0-9]+', '-', 'g'))) AS category_slug
FROM relevance_catalogue;

INSERT INTO brands (id, name, slug, country)
SELECT DISTINCT ON (brand_slug) md5('relevance-brand:' || brand_slug)::uuid, doc->>'brand', brand_slug, 'India'
FROM relevance_rows ORDER BY brand_slug
ON CONFLICT DO NOTHING;

INSERT INTO categories (id, name, slug)
SELECT DISTINCT ON (category_slug) md5('relevance-category:' || category_slug)::uuid, doc->>'category', category_slug
FROM relevance_rows ORDER BY category_slug
ON CONFLICT DO NOTHING;

INSERT INTO products (id, sku, name, slug, short_description, description, brand_id, type, form, pack_size,
                      base_price, selling_price, stock_quantity, ingredients, indications, status,
                      is_prescription_required)
SELECT md5('relevance-product:' || (doc->>'slug'))::uuid, doc->>'sku', doc->>'name', doc->>'slug',
       doc->>'short_description', doc->>'description', md5('relevance-brand:' || brand_slug)::uuid,
       doc->>'type', doc->>'form', doc->>'pack_size', (doc->>'mrp')::numeric, (doc->>'price')::numeric, 50,
       doc->'ingredients', doc->'indications', doc->>'status', false
FROM relevance_rows
ON CONFLICT DO NOTHING;

INSERT INTO product_categories (product_id, category_id, is_primary)
SELECT md5('relevance-product:' || (doc->>'slug'))::uuid, md5('relevance-category:' || category_slug)::uuid, true
FROM relevance_rows
ON CONFLICT DO NOTHING;

INSERT INTO distribution_centers (id, name, code, address, city, country, timezone)
VALUES (md5('relevance-dc')::uuid, 'Relevance set', 'REL', '{}', 'Kochi', 'IN', 'Asia/Kolkata')
ON CONFLICT DO NOTHING;
INSERT INTO distribution_center_inventory (distribution_center_id, product_id, stock_quantity, reserved_quantity)
SELECT md5('relevance-dc')::uuid, md5('relevance-product:' || (doc->>'slug'))::uuid, 50, 0
FROM relevance_rows
ON CONFLICT DO NOTHING;
COMMIT;
