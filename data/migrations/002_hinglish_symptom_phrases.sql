-- Migration 2: Hindi/Hinglish symptom phrases in the shopper vocabulary
-- (what a Devanagari query reads as in Latin letters, and how shoppers type
-- Hinglish): 'jodon ka dard', 'balon ka tel', 'pet me jalan', 'motapa', ...
--
-- data/schema.sql already loads them into a new database; this brings an
-- existing one level. The thirteen groups that gained terms are reloaded from
-- data/reference/search_synonyms.sql (a store's own changes to those thirteen
-- groups are replaced; every other row is left alone). Applied by
-- scripts/pg.sh in one transaction; safe to run again.
DELETE FROM search_synonyms
WHERE canonical IN ('acidity', 'gas', 'joint pain', 'pain', 'sleep', 'stress', 'memory', 'immunity',
                    'weight loss', 'diabetes', 'skin', 'hair fall', 'hair oil');
\ir ../reference/search_synonyms.sql
INSERT INTO schema_migrations (version, description)
VALUES (2, 'Hindi/Hinglish symptom phrases in search_synonyms')
ON CONFLICT (version) DO NOTHING;
