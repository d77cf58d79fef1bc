-- Migration 6: two more roles for search_query_words, and Hinglish read word
-- by word. 'function' words (Hinglish "ke liye", "ki dawai", "ka ilaj") are
-- always dropped from a query; 'generic' words ("oil", "capsules", "tea")
-- alone are no answer to a query that found nothing with every word. Symptom
-- and body words ("kamzori", "pet", "jalan", "daag", "chaale") join the
-- indication groups the catalogue already uses; "bam" (बाम) and "jel" (जेल)
-- are balm and gel, and aloe vera gains the names "alovera" and "elovera".
--
-- data/schema.sql already creates the table with these roles and loads the
-- rows into a new database; this brings an existing one level. The groups of
-- search_synonyms that gained terms are reloaded from
-- data/reference/search_synonyms.sql (a store's own changes to those groups
-- are replaced; every other row is left alone). Applied by scripts/pg.sh in one
-- transaction; safe to run again.
ALTER TABLE search_query_words DROP CONSTRAINT IF EXISTS search_query_words_role_check;
ALTER TABLE search_query_words
    ADD CONSTRAINT search_query_words_role_check CHECK (role IN ('noise', 'grade', 'function', 'generic'));
\ir ../reference/search_query_words.sql
DELETE FROM search_synonyms
WHERE canonical IN (SELECT unnest(ARRAY['constipation', 'energy', 'pigmentation', 'mouth ulcer', 'weight loss', 'sleep', 'cough', 'cold', 'diabetes', 'hair', 'kids', 'hair fall', 'grey hair', 'joint pain', 'acne', 'urinary', 'nausea', 'appetite', 'eye care', 'sore throat', 'inflammation', 'memory', 'menstrual', 'digestion', 'vitality', 'itching', 'kids', 'weight gain', 'heart', 'toothache', 'skin glow', 'balm', 'gel', 'stomach pain', 'burning sensation', 'stomach', 'head', 'face', 'mouth']));
\ir ../reference/search_synonyms.sql
-- Aloe vera as shoppers write it, and as its Devanagari name reads ("elovera").
UPDATE ingredients
SET other_names = other_names || ARRAY['Alovera','Aloevera','Elovera','Alo vera']
WHERE canonical_name = 'Aloe vera' AND NOT ('Elovera' = ANY(other_names));
INSERT INTO schema_migrations (version, description)
VALUES (6, 'query word roles function and generic; Hinglish symptom and body words')
ON CONFLICT (version) DO NOTHING;
