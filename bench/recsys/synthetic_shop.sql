-- A synthetic shop for timing and evaluating the recommendation stage when the
-- real data generator (ayurvedacart-datagen) is not at hand. Load it into a
-- database holding data/schema.sql and nothing else:
--
--   psql -v ON_ERROR_STOP=1 -v products=100000 -f bench/recsys/synthetic_shop.sql URL
--
-- It plants the structure the models should find, deterministically (setseed):
--   * 300 herbs in the ingredients table, each named in products by any of
--     four names (canonical, Hindi, botanical, other), so similarity only
--     works after knowledge-base mapping;
--   * 600 "themes" (ingredient and indication sets) shared by ~170 products each;
--   * kits: products 3k, 3k+1, 3k+2 are often bought together;
--   * customers prefer one of 200 clusters of products;
--   * popularity is Zipf-like; ~3.5 orders and ~2.7 lines per order per product
--     (100k products -> ~350k orders, ~950k lines over two years); 3% cancelled.
\set ON_ERROR_STOP 1
\if :{?products}
\else
  \set products 100000
\endif
SELECT (:products * 7 / 6)::int AS users, (:products * 7 / 2)::int AS orders \gset

BEGIN;
SELECT setseed(0.42);

-- Categories: 12 roots with 5 children each.
INSERT INTO categories (name, slug)
SELECT 'Synthetic root ' || r, 'syn-root-' || r FROM generate_series(0, 11) r;
INSERT INTO categories (name, slug, parent_id)
SELECT 'Synthetic child ' || c, 'syn-child-' || c, (SELECT id FROM categories WHERE slug = 'syn-root-' || (c / 5))
FROM generate_series(0, 59) c;
CREATE TEMP TABLE syn_cat AS
SELECT substring(slug FROM 11)::int AS ix, id FROM categories WHERE slug LIKE 'syn-child-%';

INSERT INTO brands (name, slug) SELECT 'Synthetic brand ' || b, 'syn-brand-' || b FROM generate_series(0, 199) b;
CREATE TEMP TABLE syn_brand AS
SELECT substring(slug FROM 11)::int AS ix, id FROM brands WHERE slug LIKE 'syn-brand-%';

INSERT INTO ingredients (canonical_name, hindi_name, botanical_name, other_names)
SELECT 'Synherb ' || h, 'Synhindi ' || h, 'Synbotanica ' || h, ARRAY['Synalias ' || h]
FROM generate_series(0, 299) h
ON CONFLICT (canonical_name) DO NOTHING;

-- Products: theme t = i % 600 fixes two core herbs and two indications; a third
-- herb varies; names pick one of the four names at random.
INSERT INTO products (sku, name, slug, type, form, base_price, selling_price, status, stock_quantity,
                      brand_id, ingredients, indications)
SELECT 'SYN-' || i, 'Synthetic product ' || i, 'syn-product-' || i, 'medicine',
       (ARRAY['powder', 'powder', 'powder', 'tablet', 'tablet', 'capsule', 'oil', 'syrup', 'ghee', 'juice'])
           [1 + (i * 7) % 10],
       100, 90, CASE WHEN i % 20 = 7 THEN 'inactive' ELSE 'active' END, 100,
       b.id,
       jsonb_build_array(
           (ARRAY['Synherb ', 'Synhindi ', 'Synbotanica ', 'Synalias '])[1 + floor(random() * 4)::int] || ((i % 600) * 7) % 300,
           jsonb_build_object('name', (ARRAY['Synherb ', 'Synhindi '])[1 + floor(random() * 2)::int] || ((i % 600) * 13 + 1) % 300,
                              'quantity', '250 mg'),
           'Synherb ' || floor(random() * 300)::int),
       jsonb_build_array('Synthetic indication ' || (i % 600) % 80, 'Synthetic indication ' || ((i % 600) * 3 + 1) % 80)
FROM generate_series(0, :products - 1) i
JOIN syn_brand b ON b.ix = (i * 31) % 200;
CREATE TEMP TABLE syn_product AS
SELECT substring(sku FROM 5)::int AS ix, id FROM products WHERE sku LIKE 'SYN-%';
CREATE UNIQUE INDEX ON syn_product (ix);
INSERT INTO product_categories (product_id, category_id, is_primary)
SELECT p.id, c.id, TRUE FROM syn_product p JOIN syn_cat c ON c.ix = (p.ix % 600) % 60;

INSERT INTO users (email, password_hash, first_name, last_name)
SELECT 'syn' || u || '@example.com', 'x', 'Synthetic', 'Customer' FROM generate_series(0, :users - 1) u;
CREATE TEMP TABLE syn_user AS
SELECT substring(email FROM 4 FOR position('@' IN email) - 4)::int AS ix, id FROM users WHERE email LIKE 'syn%@example.com';
CREATE UNIQUE INDEX ON syn_user (ix);

-- Orders: a few customers order often (power law); dates over two years.
CREATE TEMP TABLE syn_order AS
SELECT g AS n, gen_random_uuid() AS id, floor(power(random(), 1.5) * :users)::int AS user_ix,
       now() - random() * interval '730 days' AS at,
       CASE WHEN random() < 0.03 THEN 'cancelled' ELSE 'delivered' END AS status
FROM generate_series(0, :orders - 1) g;

-- Lines: a seed product (from the customer's cluster 60% of the time), its kit
-- partners half the time, and zero to two popular extras.
CREATE TEMP TABLE syn_line AS
WITH seeds AS (
  SELECT n,
         LEAST(:products - 1, CASE
           WHEN random() < 0.6 THEN (user_ix % 200) + 200 * floor(10 * power((:products / 200 + 10) / 10.0, random()) - 10)::int
           ELSE floor(10 * power((:products + 10) / 10.0, random()) - 10)::int END) AS seed,
         random() AS r_kit, random() AS r_extra
  FROM syn_order)
SELECT DISTINCT n, LEAST(:products - 1, ix) AS ix FROM (
  SELECT n, seed AS ix FROM seeds
  UNION ALL SELECT n, (seed / 3) * 3 + (seed % 3 + 1) % 3 FROM seeds WHERE r_kit < 0.5
  UNION ALL SELECT n, (seed / 3) * 3 + (seed % 3 + 2) % 3 FROM seeds WHERE r_kit < 0.5
  UNION ALL SELECT n, floor(10 * power((:products + 10) / 10.0, random()) - 10)::int FROM seeds WHERE r_extra < 0.5
  UNION ALL SELECT n, floor(10 * power((:products + 10) / 10.0, random()) - 10)::int FROM seeds WHERE r_extra < 0.2
) l;

INSERT INTO orders (id, order_number, user_id, status, payment_status, subtotal, total_amount, shipping_address,
                    ordered_at)
SELECT o.id, 'SYN-' || o.n, u.id, o.status, 'paid', 100, 100, '{}'::jsonb, o.at
FROM syn_order o JOIN syn_user u ON u.ix = o.user_ix;

-- Stock bookkeeping per inserted line would dominate the load time; not needed here.
ALTER TABLE order_items DISABLE TRIGGER update_stock_trigger;
INSERT INTO order_items (order_id, product_id, product_name, product_sku, unit_price, quantity, total_price)
SELECT o.id, p.id, 'Synthetic product', 'SYN', 90, 1 + floor(random() * random() * 3)::int, 90
FROM syn_line l JOIN syn_order o ON o.n = l.n JOIN syn_product p ON p.ix = l.ix;
ALTER TABLE order_items ENABLE TRIGGER update_stock_trigger;
COMMIT;

ANALYZE;
SELECT (SELECT count(*) FROM products) AS products, (SELECT count(*) FROM orders) AS orders,
       (SELECT count(*) FROM order_items) AS order_lines;
