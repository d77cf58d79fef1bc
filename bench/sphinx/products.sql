-- Sphinx's sql_query (bench/sphinx/sphinx.sh puts it into sphinx.conf): one
-- row per product our indexer makes searchable (status 'active',
-- ProductRecord::searchable()), with the text it indexes. Fields: name, brand
-- (an active brand's name), categories (each category's name and its
-- ancestors', as our category paths), ingredients (each listed ingredient, and
-- when the label is one of a knowledge-base herb's names, all of that herb's
-- names), indications, keywords (form, type, dosage form, search keywords),
-- short and long description. Attributes for filters and facets: brand_id,
-- form, price and (sql_attr_multi in sphinx.sh) category_ids. Sphinx wants
-- integer ids: ids are 60 bits of the UUID's md5 (no collision among
-- 100,000 products; ~1e-8 chance). No '#' anywhere: sphinx.conf comments.
WITH RECURSIVE
 up (id, next_id, names) AS (
  SELECT id, parent_id, name::text FROM categories WHERE is_active IS NOT FALSE
  UNION ALL
  SELECT up.id, c.parent_id, up.names || ' . ' || c.name FROM up JOIN categories c ON c.id = up.next_id),
 category_paths AS (SELECT id, names FROM up WHERE next_id IS NULL),
 kb AS MATERIALIZED (
  SELECT DISTINCT ON (lower(n)) lower(n) AS name, array_to_string(all_names, ' . ') AS names
  FROM (SELECT canonical_name, array_remove(ARRAY[canonical_name, sanskrit_name, hindi_name, english_name,
                                                  botanical_name]::text[], NULL) || COALESCE(other_names, '{}')
                                AS all_names FROM ingredients) i, unnest(all_names) n
  ORDER BY lower(n), canonical_name),
 listed AS MATERIALIZED (
  SELECT p.id, CASE WHEN left(t, 1) = '{' THEN t::jsonb ->> 'name' ELSE t END AS label
  FROM products p, jsonb_array_elements_text(CASE WHEN jsonb_typeof(p.ingredients) = 'array'
                                                  THEN p.ingredients ELSE '[]' END) t
  WHERE p.status = 'active'),
 ingredient_text AS (
  SELECT l.id, string_agg(COALESCE(kb.names, l.label), ' . ') AS text
  FROM listed l LEFT JOIN kb ON kb.name = lower(l.label) GROUP BY l.id),
 indication_text AS (
  SELECT p.id, string_agg(t, ' . ') AS text
  FROM products p, jsonb_array_elements_text(CASE WHEN jsonb_typeof(p.indications) = 'array'
                                                  THEN p.indications ELSE '[]' END) t
  WHERE p.status = 'active' GROUP BY p.id),
 category_text AS (
  SELECT pc.product_id AS id, string_agg(cp.names, ' . ') AS text
  FROM product_categories pc JOIN category_paths cp ON cp.id = pc.category_id GROUP BY pc.product_id)
SELECT ('x' || left(md5(p.id::text), 15))::bit(60)::bigint AS id,
       p.name, b.name AS brand, ct.text AS categories, it.text AS ingredients, nt.text AS indications,
       concat_ws(' . ', p.form, p.type, p.dosage_form, p.search_keywords) AS keywords,
       p.short_description, p.description,
       COALESCE(('x' || left(md5(b.id::text), 15))::bit(60)::bigint, 0) AS brand_id,
       COALESCE(p.form, '') AS form, p.selling_price::float8 AS price
FROM products p
LEFT JOIN brands b ON b.id = p.brand_id AND b.is_active IS NOT FALSE
LEFT JOIN category_text ct ON ct.id = p.id
LEFT JOIN ingredient_text it ON it.id = p.id
LEFT JOIN indication_text nt ON nt.id = p.id
WHERE p.status = 'active'
