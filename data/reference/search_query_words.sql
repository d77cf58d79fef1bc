-- ===========================================================================
-- Query words with a role in search (reference data for `search_query_words`)
--
-- One lowercase word per row, read as the server reads a query (ASCII letters
-- after normalisation: "Āyurvedic" is written "ayurvedic").
--
--   role 'noise' : narrows nothing in this store; dropped from a query of
--                  two or more words ("best ashwagandha online" searches
--                  ashwagandha). A query of noise words only keeps them.
--   role 'grade' : a classical name's leading grade ("Maha Narayan", "Laghu
--                  Malini Vasant", "Brihat Vat Chintamani"); when a query
--                  finds nothing with every word, the grade is given up
--                  before the herb it grades ("maha bhringraj" -> bhringraj).
--
-- The index's own stop words (the, for, and, ...) are dropped regardless.
-- The indexer copies this table into every index generation; a change takes
-- effect with the next reindex. Pure data: safe to reload (ON CONFLICT DO
-- NOTHING).
-- ===========================================================================

INSERT INTO search_query_words (word, role) VALUES
-- Every product in the store is Ayurvedic or herbal; a shopper's "buy ...
-- online" narrows nothing either.
('best', 'noise'), ('buy', 'noise'), ('online', 'noise'),
('ayurvedic', 'noise'), ('ayurveda', 'noise'), ('herbal', 'noise'),
('product', 'noise'), ('products', 'noise'),
('me', 'noise'), ('my', 'noise'), ('i', 'noise'), ('what', 'noise'),
-- Grades of classical formulations: great, light, big, small.
('maha', 'grade'), ('mahat', 'grade'),
('laghu', 'grade'),
('brihat', 'grade'), ('brihad', 'grade'), ('bruhat', 'grade'), ('vrihat', 'grade'),
('swalpa', 'grade'), ('svalpa', 'grade')
ON CONFLICT (word) DO NOTHING;
