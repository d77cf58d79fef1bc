-- ===========================================================================
-- Shopper search vocabulary (reference data for table `search_synonyms`)
--
-- Each row is a group of terms a shopper treats as interchangeable: the
-- canonical term plus its synonyms (English, Hindi/Hinglish, Ayurvedic
-- Sanskrit terms, common misspellings). All terms are lowercase and every
-- term belongs to exactly one group.
--
--   kind 'indication' : symptoms, conditions and health goals
--   kind 'form'       : dosage forms (vati, churna, taila, ...)
--   kind 'general'    : general words, classical formulation spellings and
--                       brand-name variants
--
-- Ingredient names are NOT here: they come from ingredients.sql.
-- Canonical indication terms match the `uses` keywords of ingredients.sql.
-- Pure data: INSERTs only, safe to reload (ON CONFLICT DO NOTHING).
-- ===========================================================================


-- ---------------------------------------------------------------------------
-- Indications: digestion and gut
-- ---------------------------------------------------------------------------
INSERT INTO search_synonyms (canonical, synonyms, kind) VALUES
('acidity',        ARRAY['hyperacidity','heartburn','acid reflux','gerd','amlapitta','acid indigestion','sour belching','pet me jalan','seene me jalan','khatti dakar'], 'indication'),
('digestion',      ARRAY['indigestion','dyspepsia','poor digestion','weak digestion','digestive','digestive health','digestive care','agnimandya','ajirna','badhazmi','badhajmi','apach','hazma','hajma'], 'indication'),
('gas',            ARRAY['flatulence','bloating','gas trouble','gastric trouble','abdominal bloating','adhmana','pet ki gas'], 'indication'),
('constipation',   ARRAY['irregular bowel','irregular bowels','sluggish bowels','hard stools','vibandha','kabz','kabj','qabz','qabj','kabziyat','kabjiyat','qabziyat'], 'indication'),
('diarrhea',       ARRAY['diarrhoea','loose motion','loose motions','loose stools','atisara','atisar','dast'], 'indication'),
('piles',          ARRAY['hemorrhoids','haemorrhoids','arsha','bawasir','bavaseer','bawaseer'], 'indication'),
('stomach pain',   ARRAY['stomach ache','stomachache','abdominal pain','tummy ache','tummy pain','colic','pet dard','pet me dard','pet ka dard','udar shool','udarshool'], 'indication'),
('burning sensation', ARRAY['jalan','daah','daha'], 'indication'),
('ibs',            ARRAY['irritable bowel syndrome','irritable bowel','grahani'], 'indication'),
('ulcer',          ARRAY['peptic ulcer','stomach ulcer','gastric ulcer','duodenal ulcer','parinama shoola'], 'indication'),
('nausea',         ARRAY['vomiting','motion sickness','travel sickness','morning sickness','queasiness','chhardi','ulti','ultee','ji machalna'], 'indication'),
('appetite',       ARRAY['loss of appetite','poor appetite','appetizer','appetiser','appetite booster','aruchi','bhookh','bhook','bhukh','bhuk'], 'indication'),
('worms',          ARRAY['intestinal worms','stomach worms','worm infestation','deworming','krimi','pet ke keede'], 'indication'),
('hiccups',        ARRAY['hiccup','hikka'], 'indication'),
('liver',          ARRAY['liver care','liver health','liver detox','liver tonic','liver protection','fatty liver','hepatoprotective','yakrit'], 'indication'),
('jaundice',       ARRAY['kamala','piliya'], 'indication')
ON CONFLICT (canonical) DO NOTHING;


-- ---------------------------------------------------------------------------
-- Indications: joints, bones, muscles and pain
-- ---------------------------------------------------------------------------
INSERT INTO search_synonyms (canonical, synonyms, kind) VALUES
('joint pain',     ARRAY['arthritis','osteoarthritis','knee pain','joint ache','joint aches','joint stiffness','joint care','joint health','joints','sandhivata','jodon ka dard','jodo ka dard','jod dard','ghutno ka dard','ghutne ka dard','gathiya','jod','jodo','jodon','ghutna','ghutne','ghutno'], 'indication'),
('rheumatism',     ARRAY['rheumatoid arthritis','rheumatic pain','amavata'], 'indication'),
('gout',           ARRAY['uric acid','high uric acid','hyperuricemia','gouty arthritis','vatarakta'], 'indication'),
('back pain',      ARRAY['backache','lower back pain','lumbago','kamar dard','kati shool'], 'indication'),
('sciatica',       ARRAY['sciatic pain','sciatic nerve pain','gridhrasi'], 'indication'),
('muscle pain',    ARRAY['muscle ache','sore muscles','muscle soreness','myalgia','body ache','body pain','badan dard'], 'indication'),
('pain',           ARRAY['pain relief','pain reliever','painkiller','analgesic','aches','shool','vedana','dard'], 'indication'),
('inflammation',   ARRAY['swelling','anti-inflammatory','anti inflammatory','shotha','shoth','sujan','soojan','sujaan'], 'indication'),
('headache',       ARRAY['head ache','head pain','sir dard','sar dard','shirashool','shiroshool'], 'indication'),
('migraine',       ARRAY['migraine headache','migraine pain','ardhavabhedaka'], 'indication'),
('bones',          ARRAY['bone health','bone strength','strong bones','bone density','osteoporosis','fracture healing','calcium','asthi'], 'indication'),
('muscle',         ARRAY['muscles','muscle building','muscle strength','muscle gain','lean muscle','mamsa'], 'indication')
ON CONFLICT (canonical) DO NOTHING;


-- ---------------------------------------------------------------------------
-- Indications: mind, sleep, immunity and vitality
-- ---------------------------------------------------------------------------
INSERT INTO search_synonyms (canonical, synonyms, kind) VALUES
('sleep',          ARRAY['insomnia','sleeplessness','sleep aid','sleep support','better sleep','sound sleep','sleep problems','anidra','nidra','neend','nind','neendh','neend na aana'], 'indication'),
('stress',         ARRAY['anxiety','tension','stress relief','mental stress','anxiousness','nervousness','restlessness','chinta','tanav'], 'indication'),
('depression',     ARRAY['low mood','mood','mood support','sadness','vishada'], 'indication'),
('memory',         ARRAY['concentration','focus','brain tonic','brain health','brain booster','memory booster','memory power','cognition','cognitive support','medha','medhya','smriti','yaddasht','yaadasht','yadasht','dimag','dimaag'], 'indication'),
('immunity',       ARRAY['immune booster','immunity booster','immune support','immune system','immune health','ojas','vyadhikshamatva','rog pratirodhak kshamata','rog pratirodhak shakti'], 'indication'),
('vitality',       ARRAY['stamina','vigour','vigor','virility','libido','male vitality','sexual wellness','sexual health','men''s health','mens health','male health','vajikarana','mardana','mardana taqat','mardana kamzori'], 'indication'),
('energy',         ARRAY['fatigue','tiredness','weakness','low energy','exhaustion','energy booster','general debility','debility','daurbalya','kamzori','kamjori','kamzoree','kamjoree','kamzor','kamjor','thakan','thakaan','thakawat','taqat','takat','taakat'], 'indication'),
('weight loss',    ARRAY['obesity','overweight','fat loss','fat burner','belly fat','slimming','weight management','weight control','sthaulya','medoroga','motapa','motapaa','motapan','wajan kam','vajan kam','wajan ghatane','vazan kam'], 'indication'),
('weight gain',    ARRAY['underweight','mass gain','weight gainer','healthy weight gain','karshya','wajan badhane','vajan badhane','wajan badhana','vazan badhane'], 'indication'),
('anti aging',     ARRAY['anti-aging','anti ageing','anti-ageing','wrinkles','fine lines','rejuvenation','rejuvenating','youthfulness','rasayana'], 'indication'),
('detox',          ARRAY['detoxification','body detox','cleanse','body cleanse','toxin removal','shodhana','ama','ama pachana'], 'indication'),
('blood purifier', ARRAY['blood purification','blood cleanser','blood detox','rakta shodhak','raktashodhak','rakta shodhana','khoon saaf'], 'indication'),
('anemia',         ARRAY['anaemia','low hemoglobin','low haemoglobin','hemoglobin','haemoglobin','iron deficiency','khoon ki kami','pandu'], 'indication')
ON CONFLICT (canonical) DO NOTHING;


-- ---------------------------------------------------------------------------
-- Indications: respiratory, fever and allergy
-- ---------------------------------------------------------------------------
INSERT INTO search_synonyms (canonical, synonyms, kind) VALUES
('cough',          ARRAY['dry cough','wet cough','chesty cough','productive cough','chest congestion','cough relief','khansi','khasi','kasa','kaas','khaansi','khaasi','balgam','sukhi khansi','sookhi khansi','sukhi khasi'], 'indication'),
('cold',           ARRAY['common cold','runny nose','blocked nose','stuffy nose','nasal congestion','sardi','zukam','jukam','pratishyaya','zukaam','jukaam','nazla','jukham','zukham'], 'indication'),
('sore throat',    ARRAY['throat pain','throat irritation','scratchy throat','throat infection','hoarseness','hoarse voice','gala kharab','kharash','swarabheda','gala','gale','gale me kharash'], 'indication'),
('respiratory',    ARRAY['respiratory health','respiratory care','lung health','lung care','lungs','breathing','breathing problems'], 'indication'),
('asthma',         ARRAY['bronchial asthma','breathlessness','wheezing','dama','shwasa','tamaka shwasa'], 'indication'),
('allergy',        ARRAY['allergies','allergic','allergic rhinitis','hay fever','dust allergy','sneezing'], 'indication'),
('sinusitis',      ARRAY['sinus','sinus congestion','sinus infection','peenasa','pinasa'], 'indication'),
('fever',          ARRAY['feverish','viral fever','high temperature','pyrexia','bukhar','bukhaar','jwara','jvara'], 'indication')
ON CONFLICT (canonical) DO NOTHING;


-- ---------------------------------------------------------------------------
-- Indications: skin
-- ---------------------------------------------------------------------------
INSERT INTO search_synonyms (canonical, synonyms, kind) VALUES
('skin',           ARRAY['skin care','skincare','skin health','skin problems','skin disorders','skin disease','skin diseases','twacha','tvacha'], 'indication'),
('skin glow',      ARRAY['glow','glowing skin','radiance','fairness','complexion','brightening','skin brightening','skin whitening','even skin tone','varnya','chamak','nikhar','chehre ki chamak'], 'indication'),
('acne',           ARRAY['pimples','pimple','breakouts','zits','mukhadushika','yauvan pidika','muhase','muhanse','mahase','keel','phunsi','funsi'], 'indication'),
('pigmentation',   ARRAY['hyperpigmentation','dark spots','blemishes','melasma','freckles','age spots','vyanga','daag','daagh','dhabbe','daag dhabbe','chhaiyan','jhaiyan','jhaiyaan'], 'indication'),
('tan',            ARRAY['suntan','sun tan','tan removal','de-tan','detan'], 'indication'),
('dark circles',   ARRAY['under eye circles','under-eye dark circles','dark under eyes'], 'indication'),
('dry skin',       ARRAY['skin dryness','rough skin','flaky skin','xerosis'], 'indication'),
('eczema',         ARRAY['dermatitis','atopic dermatitis','vicharchika'], 'indication'),
('psoriasis',      ARRAY['ekakushtha','kitibha'], 'indication'),
('itching',        ARRAY['itch','itchy skin','pruritus','khujli','kandu','khujali','kharish','khaj','khaaj','khaj khujli'], 'indication'),
('fungal infection', ARRAY['fungal skin infection','ringworm','tinea','jock itch','athlete''s foot','dadru','daad'], 'indication'),
('vitiligo',       ARRAY['leucoderma','leukoderma','white patches','safed daag','shvitra','switra'], 'indication'),
('wound healing',  ARRAY['wound','wounds','wound care','cuts','cuts and wounds','non-healing wounds','vrana'], 'indication'),
('burns',          ARRAY['burn','minor burns','burn relief','scalds','agnidagdha'], 'indication'),
('cracked heels',  ARRAY['cracked heel','heel cracks','cracked feet','dry heels','bivai','biwai','padadari'], 'indication')
ON CONFLICT (canonical) DO NOTHING;


-- ---------------------------------------------------------------------------
-- Indications: hair
-- ---------------------------------------------------------------------------
INSERT INTO search_synonyms (canonical, synonyms, kind) VALUES
('hair fall',      ARRAY['hairfall','hair loss','hair falling','hair thinning','hair fall control','alopecia','baldness','khalitya','baal jhadna','balon ka jhadna','baal girna','balon ka girna','bal jhadna','bal girna','baal jharna','jhadna','jhadne','jharna','jharne','girna','girne'], 'indication'),
('dandruff',       ARRAY['dandruf','flaky scalp','scalp flakes','itchy scalp','rusi','darunaka'], 'indication'),
('grey hair',      ARRAY['gray hair','grey hairs','white hair','greying','graying','premature greying','premature graying','palitya','safed baal','safed bal','baal safed','bal safed'], 'indication'),
('hair growth',    ARRAY['hair regrowth','hair density','thick hair','thicker hair','long hair','hair nourishment'], 'indication')
ON CONFLICT (canonical) DO NOTHING;


-- ---------------------------------------------------------------------------
-- Indications: metabolic, heart, kidney and urinary
-- ---------------------------------------------------------------------------
INSERT INTO search_synonyms (canonical, synonyms, kind) VALUES
('diabetes',       ARRAY['blood sugar','blood glucose','sugar control','glucose control','high sugar','diabetic','diabetic care','type 2 diabetes','madhumeha','prameha','madhumeh','sugar ki bimari','sugar ki dawai'], 'indication'),
('cholesterol',    ARRAY['high cholesterol','cholesterol control','hyperlipidemia','triglycerides','lipid profile','lipids','ldl'], 'indication'),
('blood pressure', ARRAY['hypertension','high blood pressure','high bp','bp','bp control','raktachapa','uccha raktachap'], 'indication'),
('heart',          ARRAY['heart health','heart care','heart tonic','cardiac','cardiac care','cardiac health','cardio','hridya','dil','hriday','dil ki bimari'], 'indication'),
('thyroid',        ARRAY['thyroid support','thyroid care','hypothyroidism','hyperthyroidism','goitre','goiter','galaganda'], 'indication'),
('urinary',        ARRAY['urinary health','urinary care','urinary tract infection','uti','urine infection','burning urination','painful urination','mutrakriccha','peshab','pishab','peshab me jalan','mutra'], 'indication'),
('kidney stones',  ARRAY['kidney stone','urinary stones','renal calculi','pathri','pathari','ashmari'], 'indication'),
('kidney',         ARRAY['kidney health','kidney care','kidney function','renal care','renal health','vrikka'], 'indication'),
('prostate',       ARRAY['prostate health','prostate care','enlarged prostate','bph','benign prostatic hyperplasia'], 'indication')
ON CONFLICT (canonical) DO NOTHING;


-- ---------------------------------------------------------------------------
-- Indications: women's health
-- ---------------------------------------------------------------------------
INSERT INTO search_synonyms (canonical, synonyms, kind) VALUES
('women''s health', ARRAY['womens health','women health','female health','feminine health','female wellness','gynaecological health','gynecological health','stree rog'], 'indication'),
('menstrual',      ARRAY['menstruation','menstrual pain','menstrual cramps','period pain','period cramps','painful periods','irregular periods','period problems','dysmenorrhea','dysmenorrhoea','pms','premenstrual syndrome','kashtartava','mahavari','masik','periods','period'], 'indication'),
('leucorrhoea',    ARRAY['leucorrhea','leukorrhea','white discharge','vaginal discharge','safed pani','shweta pradara'], 'indication'),
('menopause',      ARRAY['menopausal','perimenopause','hot flashes','hot flushes','rajonivritti'], 'indication'),
('pcos',           ARRAY['pcod','polycystic ovary','polycystic ovary syndrome','polycystic ovarian syndrome','ovarian cysts'], 'indication'),
('fertility',      ARRAY['infertility','conception','trying to conceive','ttc','vandhyatva'], 'indication'),
('lactation',      ARRAY['breast milk','breastfeeding','breast feeding','milk supply','nursing mothers','lactating mothers','stanya'], 'indication')
ON CONFLICT (canonical) DO NOTHING;


-- ---------------------------------------------------------------------------
-- Indications: mouth and eyes
-- ---------------------------------------------------------------------------
INSERT INTO search_synonyms (canonical, synonyms, kind) VALUES
('oral care',      ARRAY['oral hygiene','dental care','dental health','tooth care','teeth care','teeth','gum care','gums','bleeding gums'], 'indication'),
('mouth ulcer',    ARRAY['mouth ulcers','canker sore','canker sores','stomatitis','chhale','munh ke chhale','mukhapaka','chaale','chale','chhaale','chhala','chaala','chhalle','chhale pade'], 'indication'),
('toothache',      ARRAY['tooth ache','tooth pain','teeth pain','dental pain','dant dard','dant shool','daant dard','daant','daat dard'], 'indication'),
('bad breath',     ARRAY['halitosis','mouth odour','mouth odor','mouth freshener'], 'indication'),
('eye care',       ARRAY['eye health','eyes','eyesight','vision','eye strain','tired eyes','netra','netra roga','aankh','ankh','aankhon','aankhein','ankhon','roshni','aankhon ki roshni','nazar'], 'indication')
ON CONFLICT (canonical) DO NOTHING;


-- ---------------------------------------------------------------------------
-- Dosage forms
-- ---------------------------------------------------------------------------
INSERT INTO search_synonyms (canonical, synonyms, kind) VALUES
('tablet',         ARRAY['tablets','pills','pill','vati','vatis','vatika','gutika','gutikas','goli'], 'form'),
('capsule',        ARRAY['capsules','caps','veg capsules','vegetarian capsules'], 'form'),
('powder',         ARRAY['powders','churna','churnam','choorna','choornam','chooranam','churan'], 'form'),
('oil',            ARRAY['oils','taila','tailam','thaila','thailam','thylam','tel','tela'], 'form'),
('hair oil',       ARRAY['hair oils','scalp oil','hair tel','kesh tel','kesh taila','keshya taila','balon ka tel','baalon ka tel','baal ka tel'], 'form'),
('massage oil',    ARRAY['body oil','body massage oil','abhyanga oil','abhyanga taila','malish tel'], 'form'),
('decoction',      ARRAY['kwath','kwatha','kwath churna','kashayam','kashaya','kashay','kasayam','kadha','kudineer'], 'form'),
('fermented tonic', ARRAY['arishta','arishtam','arishtham','aristha','arishtas','asava','asavam','asav','asavarishta'], 'form'),
('jam',            ARRAY['herbal jam','lehya','lehyam','lehyams','leham','avaleha','avaleham','awaleha'], 'form'),
('ghee',           ARRAY['ghrita','ghritam','ghritham','ghrit','grutham','ghrutham','medicated ghee'], 'form'),
('ash',            ARRAY['bhasma','bhasm','bhasmam','bhasmas','calcined powder'], 'form'),
('pishti',         ARRAY['pisti','pishthi','levigated powder'], 'form'),
('juice',          ARRAY['juices','swaras','swarasa','swarasam','ras'], 'form'),
('syrup',          ARRAY['syrups','syp','sirup'], 'form'),
('extract',        ARRAY['extracts','standardised extract','standardized extract','ghana','ghan','satva','sattva'], 'form'),
('granules',       ARRAY['granule','khand'], 'form'),
('paka',           ARRAY['pak','paak','pakam'], 'form'),
('soap',           ARRAY['soaps','soap bar','bathing bar','bath soap','bathing soap','sabun'], 'form'),
('face pack',      ARRAY['face packs','face mask','face masks','ubtan','ubtan powder','mukha lepa','lepa','lep'], 'form'),
('ointment',       ARRAY['ointments','malham','marham','malahar','malahara'], 'form'),
('balm',           ARRAY['balms','pain balm','baam','bam'], 'form'),
('gel',            ARRAY['gels','jel'], 'form'),
('shampoo',        ARRAY['shampoos','herbal shampoo','hair wash','hair cleanser'], 'form'),
('tooth powder',   ARRAY['dant manjan','dantmanjan','manjan'], 'form'),
('toothpaste',     ARRAY['tooth paste','dental cream'], 'form'),
('nasal drops',    ARRAY['nose drops','nasal oil','nasya','nasya oil','nasya taila'], 'form'),
('eye drops',      ARRAY['eye drop','eyedrops','netra bindu'], 'form'),
('ear drops',      ARRAY['ear drop','ear oil','karna bindu'], 'form'),
('herbal tea',     ARRAY['herbal infusion','infusion','tisane','phanta'], 'form'),
('lozenges',       ARRAY['lozenge','throat lozenges','pastilles'], 'form'),
('kajal',          ARRAY['kaajal','kajol','kohl','anjana'], 'form')
ON CONFLICT (canonical) DO NOTHING;


-- ---------------------------------------------------------------------------
-- General: Ayurveda words, classical formulation spellings, audiences
-- ---------------------------------------------------------------------------
INSERT INTO search_synonyms (canonical, synonyms, kind) VALUES
('ayurvedic',      ARRAY['ayurveda','ayurved','ayurvedik','aayurvedic','aayurveda','ayurvedic medicine','herbal'], 'general'),
('classical',      ARRAY['classical ayurvedic','classical formulation','shastriya','shastrokt','shastrokta'], 'general'),
('organic',        ARRAY['certified organic','organically grown','jaivik'], 'general'),
('sugar free',     ARRAY['sugarfree','sugar-free','without sugar','no sugar'], 'general'),
('panchakarma',    ARRAY['panchkarma','pancha karma','panchakarma therapy'], 'general'),
('combo',          ARRAY['combo pack','combo offer','value pack','bundle','kit'], 'general'),
('stomach',       ARRAY['pet','tummy','abdomen','belly','udar'], 'general'),
('head',           ARRAY['sar','sir','mastak'], 'general'),
('face',           ARRAY['chehra','chehre','chehara','mukh'], 'general'),
('mouth',          ARRAY['mooh','muh','munh','moonh'], 'general'),
('kids',           ARRAY['children','child','for kids','kids health','pediatric','paediatric','bacche','bachche','bachon','bachhon','baccho','bachcho'], 'general'),
('baby',           ARRAY['babies','baby care','infant','newborn','shishu'], 'general'),
('women',          ARRAY['womens','for women','female','ladies','stree'], 'general'),
('men',            ARRAY['mens','for men','male','gents','purush'], 'general'),
('hair',           ARRAY['hairs','kesh','keshya','baal','baalon','bal','balon','balo','baalo'], 'general'),
('chyawanprash',   ARRAY['chyavanprash','chyawanprakash','chywanprash','chyawanprasha','chyavanaprash','chyavanaprasha','chyavanprasham','chyavanaprasam','chyawan prash','chyavan prash','chawanprash','chavanprash'], 'general'),
('triphala',       ARRAY['trifala','thriphala','triphla','thrifala','tripala'], 'general'),
('trikatu',        ARRAY['trikut','thrikatu','trikatoo'], 'general'),
('dashmool',       ARRAY['dashamoola','dashamool','dashmoola','dashmul','dashamula','dasamula','dasamoolam'], 'general'),
('kumkumadi',      ARRAY['kunkumadi','kumkumadi taila','kumkumadi tailam','kumkumadi thailam','kumkumadi oil','kumkumadi tel'], 'general'),
('sitopaladi',     ARRAY['sitopladi','sithopaladi'], 'general'),
('avipattikar',    ARRAY['avipattikara','avipathy','avipathi'], 'general')
ON CONFLICT (canonical) DO NOTHING;


-- ---------------------------------------------------------------------------
-- General: brands and their spelling variants
-- ---------------------------------------------------------------------------
INSERT INTO search_synonyms (canonical, synonyms, kind) VALUES
('kottakkal',      ARRAY['kottakal','arya vaidya sala','arya vaidyasala','kottakkal arya vaidya sala','avs kottakkal','avs'], 'general'),
('dabur',          ARRAY['daabur','dabur india'], 'general'),
('himalaya',       ARRAY['himalaya wellness','himalaya herbals','himalaya herbal','himalaya drug company','himalya'], 'general'),
('patanjali',      ARRAY['patanjli','patanjly','patanjali ayurved','divya','divya pharmacy'], 'general'),
('baidyanath',     ARRAY['baidynath','baidyanth','vaidyanath','shree baidyanath','shri baidyanath'], 'general'),
('zandu',          ARRAY['zhandu','zandu pharma'], 'general'),
('kerala ayurveda', ARRAY['kerala ayurveda ltd','kerala ayurveda limited'], 'general'),
('vaidyaratnam',   ARRAY['vaidyarathnam','vaidyaratnam oushadhasala','vaidyaratnam oushadasala'], 'general'),
('sitaram ayurveda', ARRAY['sitaram','sitaram ayurveda pharmacy'], 'general'),
('sri sri tattva', ARRAY['sri sri tatva','srisri tattva','sri sri ayurveda','sri sri'], 'general'),
('organic india',  ARRAY['organicindia','organic-india'], 'general'),
('charak',         ARRAY['charak pharma'], 'general')
ON CONFLICT (canonical) DO NOTHING;
