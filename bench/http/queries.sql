-- Request lists for bench/http/run.sh, generated from the catalogue and the
-- reference data (never hand-picked). run.sh runs each section as
-- COPY (...) TO STDOUT; every list is in a deterministic order (md5 of the text).
-- Sections are separated by lines "-- @name".

-- @repeated
-- A few hundred queries in Zipf rank order; one in five carries a filter.
WITH names AS (
  SELECT lower(n) AS q
  FROM ingredients i,
       unnest(ARRAY[i.canonical_name, i.sanskrit_name, i.hindi_name, i.english_name, i.botanical_name]
              || COALESCE(i.other_names, '{}')) AS n
  WHERE n IS NOT NULL AND n !~ '[()]'),
 formulations AS (
  SELECT lower(btrim(regexp_replace(
           CASE WHEN b.name IS NOT NULL AND p.name LIKE b.name || ' %' THEN substr(p.name, length(b.name) + 2)
                ELSE p.name END, '\s*(-|\(|[0-9]).*$', ''))) AS q
  FROM products p LEFT JOIN brands b ON b.id = p.brand_id
  WHERE p.status = 'active'),
 picked AS (
  (SELECT q, 'ingredient' AS source FROM (SELECT DISTINCT q FROM names) s ORDER BY md5(q) LIMIT 130)
  UNION ALL (SELECT q, 'indication' FROM (SELECT DISTINCT unnest(canonical || synonyms) AS q FROM search_synonyms
                                          WHERE kind = 'indication') s ORDER BY md5(q) LIMIT 100)
  UNION ALL (SELECT q, 'formulation' FROM formulations WHERE q <> '' GROUP BY q ORDER BY count(*) DESC, q LIMIT 100)
  UNION ALL (SELECT lower(name), 'brand' FROM brands ORDER BY md5(name) LIMIT 40)
  UNION ALL (SELECT lower(overlay(canonical_name PLACING '' FROM 4 FOR 1)), 'misspelling' FROM ingredients
             WHERE length(canonical_name) >= 7 AND canonical_name !~ '[ ()]' ORDER BY md5(canonical_name) LIMIT 30)),
 ranked AS (SELECT q, row_number() OVER (ORDER BY md5(q || source)) AS rank FROM picked)
SELECT q,
       CASE WHEN rank % 5 <> 0 THEN ''
            WHEN rank % 25 = 0 THEN '&brand=' || (SELECT slug FROM brands ORDER BY md5(slug || r.q) LIMIT 1)
            WHEN rank % 25 = 5 THEN '&category=' || (SELECT slug FROM categories WHERE parent_id IS NULL
                                                     ORDER BY md5(slug || r.q) LIMIT 1)
            WHEN rank % 25 = 10 THEN '&in_stock=true&country=IN'
            WHEN rank % 25 = 15 THEN '&min_price=100&max_price=500'
            ELSE '&in_stock=true&sort=price_asc' END
FROM ranked r ORDER BY rank;

-- @distinct
-- The long tail of what shoppers type, 90,000+ distinct strings (more than a
-- 10 s run asks, so no string is asked twice in a run), in five families of
-- realistic shapes: a herb under any of its names, alone or with a form word
-- (25,000); an indication alone, with a product type, or a herb "for" one of
-- its uses under any of that use's synonyms (20,000); a product's name as
-- listed, without its pack size, or without its brand (25,000); a brand alone,
-- with a form word or with a herb (15,000); a herb name with one typo (a
-- letter dropped, swapped or doubled), alone or with a form word.
WITH names AS (
  SELECT DISTINCT lower(n) AS q
  FROM ingredients i,
       unnest(ARRAY[i.canonical_name, i.sanskrit_name, i.hindi_name, i.english_name, i.botanical_name]
              || COALESCE(i.other_names, '{}')) AS n
  WHERE n IS NOT NULL AND n !~ '[()]'),
 common AS (SELECT DISTINCT lower(n) AS q FROM ingredients i, unnest(ARRAY[i.canonical_name, i.english_name]) n
            WHERE n IS NOT NULL AND n !~ '[()]'),
 forms AS (SELECT unnest(ARRAY['tablets', 'capsules', 'churna', 'oil', 'syrup', 'powder', 'juice', 'kwath',
                               'ghrita', 'vati']) AS f),
 indications AS (SELECT DISTINCT unnest(canonical || synonyms) AS q FROM search_synonyms WHERE kind = 'indication'),
 products AS (
  SELECT lower(p.name) AS full_name,
         lower(btrim(regexp_replace(p.name, '\s*(-|\(|[0-9]).*$', ''))) AS no_pack,
         lower(btrim(regexp_replace(CASE WHEN b.name IS NOT NULL AND p.name LIKE b.name || ' %'
                                         THEN substr(p.name, length(b.name) + 2) ELSE p.name END,
                                    '\s*(-|\(|[0-9]).*$', ''))) AS formulation
  FROM products p LEFT JOIN brands b ON b.id = p.brand_id WHERE p.status = 'active'),
 misspelt AS (
  SELECT q, 2 + (('x' || substr(md5(q), 1, 7))::bit(28)::int % (length(q) - 3)) AS p,
         ('x' || substr(md5(q), 8, 1))::bit(4)::int % 3 AS kind
  FROM names WHERE q !~ '[ .-]' AND length(q) >= 5),
 families AS (
  (SELECT q, 'herb' AS family FROM (SELECT q FROM names UNION SELECT n.q || ' ' || f.f FROM names n, forms f) s
   ORDER BY md5(q) LIMIT 25000)
  UNION ALL
  (SELECT q, 'indication' FROM (
     SELECT q FROM indications
     UNION SELECT i.q || ' ' || t FROM indications i,
                  unnest(ARRAY['ayurvedic medicine', 'tablets', 'capsules', 'oil', 'churna', 'supplement', 'remedy']) t
     UNION SELECT lower(n) || ' for ' || w.q
           FROM ingredients i
           CROSS JOIN LATERAL unnest(ARRAY[i.canonical_name, i.hindi_name, i.english_name]) n
           CROSS JOIN LATERAL unnest(i.uses) u
           JOIN (SELECT canonical, unnest(canonical || synonyms) AS q FROM search_synonyms
                 WHERE kind = 'indication') w ON w.canonical = u OR w.q = u
           WHERE n IS NOT NULL AND n !~ '[()]') s
   ORDER BY md5(q) LIMIT 20000)
  UNION ALL
  (SELECT q, 'product' FROM (SELECT full_name AS q FROM products UNION SELECT no_pack FROM products
                              UNION SELECT formulation FROM products) s
   WHERE q <> '' ORDER BY md5(q) LIMIT 25000)
  UNION ALL
  (SELECT q, 'brand' FROM (SELECT lower(b.name) AS q FROM brands b
                          UNION SELECT lower(b.name) || ' ' || f.f FROM brands b, forms f
                          UNION SELECT lower(b.name) || ' ' || c.q FROM brands b, common c) s
   ORDER BY md5(q) LIMIT 15000)
  UNION ALL
  (SELECT q, 'misspelt' FROM (
     SELECT CASE kind WHEN 0 THEN overlay(q PLACING '' FROM p FOR 1)
                      WHEN 1 THEN overlay(q PLACING substr(q, p + 1, 1) || substr(q, p, 1) FROM p FOR 2)
                      ELSE overlay(q PLACING substr(q, p, 1) FROM p FOR 0) END || sfx AS q
     FROM misspelt, unnest(ARRAY['', ' tablets', ' churna', ' oil', ' capsules', ' powder']) sfx) s
   ORDER BY md5(q) LIMIT 15000))
SELECT q, '' FROM (SELECT DISTINCT q FROM families) d ORDER BY md5(q);

-- @combinations
-- The earlier all-distinct list, kept as a second reading: every name of
-- every ingredient with a form word and a modifier ("organic", "for kids",
-- "100 g"), indications with a product type, brands with a form word,
-- misspelt names with a form word. Most of these find nothing in
-- PostgreSQL's FTS, which makes it fast there.
WITH names AS (
  SELECT DISTINCT lower(n) AS q
  FROM ingredients i,
       unnest(ARRAY[i.canonical_name, i.sanskrit_name, i.hindi_name, i.english_name, i.botanical_name]
              || COALESCE(i.other_names, '{}')) AS n
  WHERE n IS NOT NULL AND n !~ '[()]'),
 forms AS (SELECT unnest(ARRAY['tablets', 'capsules', 'churna', 'oil', 'syrup', 'powder', 'juice', 'kwath',
                               'ghrita', 'vati']) AS f),
 modifiers AS (SELECT unnest(ARRAY['', ' organic', ' for women', ' for kids', ' 100 g', ' pure', ' ayurvedic']) AS m),
 indications AS (SELECT DISTINCT unnest(canonical || synonyms) AS q FROM search_synonyms WHERE kind = 'indication'),
 types AS (SELECT unnest(ARRAY['ayurvedic medicine', 'supplement', 'tablets', 'oil', 'churna', 'for women',
                               'for kids', 'natural']) AS t),
 combos AS (
  SELECT n.q || ' ' || f.f || m.m AS q FROM names n, forms f, modifiers m
  UNION SELECT i.q || ' ' || t.t FROM indications i, types t
  UNION SELECT lower(b.name) || ' ' || f.f FROM brands b, forms f
  UNION SELECT lower(overlay(n.q PLACING '' FROM 4 FOR 1)) || ' ' || f.f FROM names n, forms f
        WHERE length(n.q) >= 7)
SELECT q, '' FROM combos ORDER BY md5(q) LIMIT 100000;

-- @autocomplete
-- What shoppers type, letter by letter (scenario.lua expands the prefixes).
WITH names AS (
  SELECT DISTINCT lower(n) AS q
  FROM ingredients i,
       unnest(ARRAY[i.canonical_name, i.hindi_name, i.english_name] || COALESCE(i.other_names, '{}')) AS n
  WHERE n IS NOT NULL AND n !~ '[()]'),
 words AS (
  (SELECT q FROM names ORDER BY md5(q) LIMIT 300)
  UNION ALL (SELECT DISTINCT lower(name) FROM brands)
  UNION ALL (SELECT q FROM (SELECT DISTINCT unnest(canonical || synonyms) AS q FROM search_synonyms) s
             ORDER BY md5(q) LIMIT 150))
SELECT q, '&limit=8' FROM words ORDER BY md5(q || 'typed');

-- @related
SELECT slug, '/related' FROM products WHERE status = 'active' ORDER BY md5(slug) LIMIT 5000;
