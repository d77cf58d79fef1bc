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
-- Tens of thousands of distinct strings, more than a 10 s run asks, so no
-- string is asked twice in a run: every name of every ingredient with a form
-- word and a modifier shoppers add, indications with a product type, brands
-- with a form word, misspelt names with a form word.
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
