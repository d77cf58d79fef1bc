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
--   role 'function' : a Hindi/Hinglish function word ("ke liye", "ki dawai",
--                  "ka ilaj", "wala"): it carries no concept, so it is always
--                  dropped ("kamzori ke liye" searches kamzori, "pet dard ki
--                  dawai" pet dard), and a query of nothing else finds
--                  nothing. Synonym phrases are read the same way: "jodon ka
--                  dard" in search_synonyms matches "jodo ke dard".
--   role 'generic' : names a kind of product, not what it is made of or for
--                  ("oil", "capsules", "tea"): a search that finds nothing
--                  with every word and would keep only generic words ("fish
--                  oil capsules" -> "oil capsules") answers that nothing
--                  matched instead of listing any oil or capsule.
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

INSERT INTO search_query_words (word, role) VALUES
-- Hindi/Hinglish postpositions and particles, as shoppers spell them:
-- of / for / in / from / to / with / and.
('ka', 'function'), ('ke', 'function'), ('ki', 'function'), ('ko', 'function'),
('se', 'function'), ('mein', 'function'), ('mei', 'function'), ('mai', 'function'),
('par', 'function'), ('pe', 'function'), ('aur', 'function'), ('ya', 'function'),
('liye', 'function'), ('liya', 'function'), ('lie', 'function'), ('liy', 'function'),
('wala', 'function'), ('wali', 'function'), ('wale', 'function'),
('waala', 'function'), ('waali', 'function'), ('waale', 'function'),
('vala', 'function'), ('vali', 'function'), ('vale', 'function'),
('hai', 'function'), ('hain', 'function'), ('na', 'function'), ('nahi', 'function'), ('nahin', 'function'),
('aana', 'function'), ('aane', 'function'), ('aata', 'function'), ('aati', 'function'), ('lagna', 'function'),
('lagta', 'function'), ('lagti', 'function'), ('hona', 'function'), ('ho', 'function'), ('hota', 'function'),
('hoti', 'function'), ('hone', 'function'), ('kya', 'function'), ('kaise', 'function'),
('karne', 'function'), ('karna', 'function'), ('kare', 'function'), ('karen', 'function'),
('kam', 'function'), ('dur', 'function'), ('door', 'function'), ('bhagane', 'function'),
('badhane', 'function'), ('badhaye', 'function'), ('rokne', 'function'),
('sabse', 'function'), ('accha', 'function'), ('acchi', 'function'), ('achha', 'function'),
('achhi', 'function'), ('behtar', 'function'),
-- "medicine", "remedy", "treatment", "problem": every product here is one.
('dawa', 'function'), ('dawai', 'function'), ('dawaai', 'function'), ('dava', 'function'),
('davai', 'function'), ('davaai', 'function'), ('aushadhi', 'function'), ('aushadh', 'function'),
('ilaj', 'function'), ('ilaaj', 'function'), ('elaj', 'function'), ('upchar', 'function'),
('upay', 'function'), ('upaay', 'function'), ('nuskha', 'function'), ('nuskhe', 'function'),
('gharelu', 'function'), ('problem', 'function'), ('problems', 'function'),
('samasya', 'function'), ('pareshani', 'function'), ('bimari', 'function'),
('beemari', 'function'),
-- Words that name a kind of product rather than what it is or is for.
('oil', 'generic'), ('oils', 'generic'), ('tel', 'generic'),
('tablet', 'generic'), ('tablets', 'generic'), ('tabs', 'generic'), ('pills', 'generic'),
('capsule', 'generic'), ('capsules', 'generic'), ('caps', 'generic'),
('powder', 'generic'), ('syrup', 'generic'), ('juice', 'generic'), ('tea', 'generic'),
('drops', 'generic'), ('cream', 'generic'), ('gel', 'generic'), ('lotion', 'generic'),
('soap', 'generic'), ('bar', 'generic'), ('shampoo', 'generic'), ('wash', 'generic'),
('paste', 'generic'), ('spray', 'generic'), ('liquid', 'generic'), ('gum', 'generic'),
('sticks', 'generic'), ('stick', 'generic'), ('pack', 'generic'), ('kit', 'generic'),
('combo', 'generic'), ('bottle', 'generic'), ('box', 'generic'), ('jar', 'generic'),
('medicine', 'generic'), ('medicines', 'generic'), ('supplement', 'generic'),
('supplements', 'generic'), ('natural', 'generic'), ('pure', 'generic'),
('organic', 'generic'), ('care', 'generic'), ('health', 'generic'), ('green', 'generic'),
('black', 'generic'), ('white', 'generic'), ('red', 'generic'), ('mat', 'generic'),
-- Units of a pack size ("200 ml", "100 g", "3 x 75 g").
('ml', 'generic'), ('g', 'generic'), ('gm', 'generic'), ('gms', 'generic'), ('gram', 'generic'),
('grams', 'generic'), ('kg', 'generic'), ('mg', 'generic'), ('l', 'generic'), ('ltr', 'generic'),
('litre', 'generic'), ('liter', 'generic'), ('pcs', 'generic'), ('pieces', 'generic'), ('x', 'generic')
ON CONFLICT (word) DO NOTHING;
