#include "tests/data/test_reference.h"

namespace ayc::datagen::testing {

ReferenceData test_reference() {
  std::vector<Herb> herbs = {
      {"Ashwagandha", "Ashvagandha", "Asgandh", "Indian ginseng", "Withania somnifera", {"Aswagandha"}, "herb",
       {"stress", "sleep", "vitality", "immunity"}},
      {"Amalaki", "Amalaki", "Amla", "Indian gooseberry", "Phyllanthus emblica", {"Amlaki", "Nellikka"}, "herb",
       {"immunity", "digestion", "acidity", "hair fall"}},
      {"Haritaki", "Haritaki", "Harad", "Chebulic myrobalan", "Terminalia chebula", {"Harde"}, "herb",
       {"constipation", "digestion"}},
      {"Bibhitaki", "Vibhitaki", "Baheda", "Beleric myrobalan", "Terminalia bellirica", {}, "herb",
       {"cough", "digestion"}},
      {"Guduchi", "Guduchi", "Giloy", "Heart-leaved moonseed", "Tinospora cordifolia", {"Gilloy"}, "herb",
       {"immunity", "fever", "liver"}},
      {"Tulsi", "Tulasi", "Tulsi", "Holy basil", "Ocimum tenuiflorum", {"Ocimum sanctum"}, "herb",
       {"cough", "immunity", "stress"}},
      {"Brahmi", "Brahmi", "Brahmi", "Water hyssop", "Bacopa monnieri", {}, "herb", {"memory", "stress", "sleep"}},
      {"Neem", "Nimba", "Neem", "Margosa", "Azadirachta indica", {"Vembu"}, "herb", {"skin", "acne", "blood sugar"}},
      {"Guggulu", "Guggulu", "Guggul", "Indian bdellium", "Commiphora wightii", {"Gugul"}, "resin",
       {"joint pain", "cholesterol", "weight loss"}},
      {"Shallaki", "Shallaki", "Salai guggul", "Indian frankincense", "Boswellia serrata", {}, "resin",
       {"joint pain", "arthritis"}},
      {"Turmeric", "Haridra", "Haldi", "Turmeric", "Curcuma longa", {}, "herb", {"skin", "joint pain", "immunity"}},
      {"Ginger", "Shunthi", "Sonth", "Dry ginger", "Zingiber officinale", {}, "herb", {"digestion", "cough"}},
      {"Pippali", "Pippali", "Pipli", "Long pepper", "Piper longum", {}, "herb", {"cough", "digestion"}},
      {"Yashtimadhu", "Yashtimadhu", "Mulethi", "Liquorice", "Glycyrrhiza glabra", {}, "herb",
       {"acidity", "cough", "sore throat"}},
      {"Shatavari", "Shatavari", "Shatawar", "Wild asparagus", "Asparagus racemosus", {}, "herb",
       {"women's health", "lactation", "acidity"}},
      {"Bhringraj", "Bhringaraja", "Bhangra", "False daisy", "Eclipta prostrata", {}, "herb",
       {"hair fall", "premature greying", "liver"}},
      {"Arjuna", "Arjuna", "Arjun", "Arjuna", "Terminalia arjuna", {}, "herb", {"heart health", "cholesterol"}},
      {"Gokshura", "Gokshura", "Gokhru", "Puncture vine", "Tribulus terrestris", {}, "herb",
       {"urinary", "vitality", "kidney stones"}},
      {"Shilajit", "Shilajatu", "Shilajeet", "Mineral pitch", "Asphaltum", {}, "mineral", {"vitality", "energy"}},
      {"Honey", "Madhu", "Shahad", "Honey", "", {}, "animal", {"cough", "energy"}},
      {"Ghee", "Go ghrita", "Desi ghee", "Clarified butter", "", {"Cow ghee"}, "animal", {"digestion"}},
  };
  ReferenceData ref;
  ref.kb = KnowledgeBase(std::move(herbs));
  ref.rates_e4 = {{"USD", 10000}, {"EUR", 8500}, {"GBP", 7500}, {"INR", 830000}, {"AUD", 15000}, {"CAD", 13500}};
  return ref;
}

TimeWindow test_window() {
  const std::int64_t end = days_from_civil(2025, 6, 1);
  return TimeWindow{end - 365, end};
}

}  // namespace ayc::datagen::testing
