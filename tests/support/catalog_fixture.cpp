#include "tests/support/catalog_fixture.h"

namespace ayc::testing {

void load_small_catalog(pqxx::connection& conn) {
  pqxx::work tx(conn);
  tx.exec0(R"SQL(
INSERT INTO brands (id, name, slug, country) VALUES
 ('10000000-0000-4000-8000-000000000001', 'Dabur', 'dabur', 'India'),
 ('10000000-0000-4000-8000-000000000002', 'Kottakkal Arya Vaidya Sala', 'kottakkal', 'India');
INSERT INTO categories (id, name, slug, parent_id) VALUES
 ('20000000-0000-4000-8000-000000000001', 'Classical Medicines', 'classical-medicines', NULL),
 ('20000000-0000-4000-8000-000000000002', 'Churna', 'churna', '20000000-0000-4000-8000-000000000001'),
 ('20000000-0000-4000-8000-000000000003', 'Oils & Ghee', 'oils-ghee', NULL),
 ('20000000-0000-4000-8000-000000000004', 'Medicated Oils', 'medicated-oils', '20000000-0000-4000-8000-000000000003');
INSERT INTO distribution_centers (id, name, code, address, city, country, timezone) VALUES
 ('30000000-0000-4000-8000-000000000001', 'Kochi', 'KOC', '{}', 'Kochi', 'IN', 'Asia/Kolkata'),
 ('30000000-0000-4000-8000-000000000002', 'New Jersey', 'NJ1', '{}', 'Edison', 'United States', 'America/New_York');
INSERT INTO products (id, sku, name, slug, short_description, description, brand_id, type, form,
                      base_price, selling_price, stock_quantity, ingredients, indications, status,
                      is_prescription_required, search_keywords) VALUES
 ('00000000-0000-4000-8000-000000000001', 'DAB-ASH-100', 'Ashwagandha Churna 100 g', 'ashwagandha-churna-100-g',
  'Classical root powder for stress and restful sleep', 'A traditional rasayana powder.',
  '10000000-0000-4000-8000-000000000001', 'medicine', 'powder', 180, 150, 10,
  '[{"name": "Asgandh", "part": "root", "quantity": "100 g"}]', '["stress", "sleep"]', 'active', false, 'rasayana'),
 ('00000000-0000-4000-8000-000000000002', 'AVS-MNO-200', 'Mahanarayan Oil 200 ml', 'mahanarayan-oil-200-ml',
  'Massage oil for joints and muscles', 'Mahanarayana taila prepared in sesame oil.',
  '10000000-0000-4000-8000-000000000002', 'oil', 'oil', 450, 420, 8,
  '["Shatavari", "Sida cordifolia", "Sesame"]', '["joint pain", "muscle stiffness"]', 'active', false, NULL),
 ('00000000-0000-4000-8000-000000000003', 'DAB-TUL-30', 'Tulsi Drops 30 ml', 'tulsi-drops-30-ml', NULL, NULL,
  '10000000-0000-4000-8000-000000000001', 'supplement', 'liquid', 120, 110, 50,
  '["Tulsi"]', '["cough"]', 'draft', false, NULL),
 ('00000000-0000-4000-8000-000000000004', 'DAB-TRI-100', 'Triphala Churna 100 g', 'triphala-churna-100-g', NULL, NULL,
  '10000000-0000-4000-8000-000000000001', 'medicine', 'powder', 90, 85, 5,
  '["Haritaki", "Bibhitaki", "Amalaki"]', '["constipation"]', 'discontinued', false, NULL),
 ('00000000-0000-4000-8000-000000000005', 'DAB-CHY-500', 'Chyawanprash 500 g', 'chyawanprash-500-g',
  'Immunity jam with amla', NULL, '10000000-0000-4000-8000-000000000001', 'supplement', 'jam', 260, 240, 0,
  '[{"name": "Amla"}, {"name": "Ghee"}]', '["immunity"]', 'active', true, NULL);
INSERT INTO product_categories (product_id, category_id, is_primary) VALUES
 ('00000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000002', true),
 ('00000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000004', true),
 ('00000000-0000-4000-8000-000000000004', '20000000-0000-4000-8000-000000000002', true),
 ('00000000-0000-4000-8000-000000000005', '20000000-0000-4000-8000-000000000001', true);
-- Ashwagandha Churna has a primary image and a second one; the others none.
INSERT INTO product_images (product_id, image_url, is_primary, sort_order) VALUES
 ('00000000-0000-4000-8000-000000000001', 'https://cdn.example/ashwagandha-churna-back.jpg', false, 2),
 ('00000000-0000-4000-8000-000000000001', 'https://cdn.example/ashwagandha-churna.jpg', true, 1);
INSERT INTO distribution_center_inventory (distribution_center_id, product_id, stock_quantity, reserved_quantity) VALUES
 ('30000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001', 10, 0),
 ('30000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 0, 0),
 ('30000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', 5, 1),
 ('30000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000002', 3, 0);
INSERT INTO users (id, email, password_hash, first_name, last_name) VALUES
 ('40000000-0000-4000-8000-000000000001', 'a@example.com', 'x', 'Asha', 'Nair');
INSERT INTO product_reviews (product_id, user_id, rating, is_approved) VALUES
 ('00000000-0000-4000-8000-000000000002', '40000000-0000-4000-8000-000000000001', 5, true),
 ('00000000-0000-4000-8000-000000000002', '40000000-0000-4000-8000-000000000001', 4, true),
 ('00000000-0000-4000-8000-000000000002', '40000000-0000-4000-8000-000000000001', 1, false);
INSERT INTO orders (id, order_number, user_id, status, subtotal, total_amount, shipping_address, ordered_at) VALUES
 ('50000000-0000-4000-8000-000000000001', 'ORD-1', '40000000-0000-4000-8000-000000000001', 'delivered',
  570, 570, '{}', now() - interval '3 days');
INSERT INTO search_logs (query, results_count, created_at)
SELECT q, n, now() - interval '1 day' FROM (VALUES ('Mahanarayan oil', 3), ('mahanarayan oil', 3),
  ('mahanarayan oil', 2), ('chyawanprsh', 1), ('chyawanprsh', 1), ('zzqx', 0), ('zzqx', 0)) AS v(q, n);
INSERT INTO order_items (order_id, product_id, product_name, product_sku, unit_price, quantity, total_price) VALUES
 ('50000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001', 'Ashwagandha Churna', 'DAB-ASH-100', 150, 1, 150),
 ('50000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', 'Mahanarayan Oil', 'AVS-MNO-200', 420, 1, 420);
)SQL");
  tx.commit();
}

void load_regular_customer(pqxx::connection& conn) {
  pqxx::work tx(conn);
  tx.exec0(R"SQL(
INSERT INTO users (id, email, password_hash, first_name, last_name) VALUES
 ('40000000-0000-4000-8000-000000000002', 'r@example.com', 'x', 'Ravi', 'Menon');
INSERT INTO orders (id, order_number, user_id, status, subtotal, total_amount, shipping_address, ordered_at)
SELECT ('50000000-0000-4000-8000-00000000010' || n)::uuid, 'ORD-R' || n, '40000000-0000-4000-8000-000000000002',
       'delivered', 150, 150, '{}', now() - n * interval '30 days'
FROM generate_series(1, 3) n;
INSERT INTO order_items (order_id, product_id, product_name, product_sku, unit_price, quantity, total_price)
SELECT ('50000000-0000-4000-8000-00000000010' || n)::uuid, '00000000-0000-4000-8000-000000000001',
       'Ashwagandha Churna', 'DAB-ASH-100', 150, 1, 150
FROM generate_series(1, 3) n;
INSERT INTO order_items (order_id, product_id, product_name, product_sku, unit_price, quantity, total_price) VALUES
 ('50000000-0000-4000-8000-000000000103', '00000000-0000-4000-8000-000000000002', 'Mahanarayan Oil',
  'AVS-MNO-200', 420, 1, 420);
)SQL");
  tx.commit();
}

}  // namespace ayc::testing
