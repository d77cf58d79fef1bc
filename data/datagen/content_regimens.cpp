// Regimens: what people with a given condition buy together, again and again.
// Slot syntax: "f:Formulation", "n:Named product", "h:Herb:groupkey";
// alternatives are separated by '|'.
#include "data/datagen/content.h"

namespace ayc::datagen {

namespace {
const RegimenContent kRegimens[] = {
    {"joint pain", 12, kWinter, 'a',
     {"f:Yogaraj Guggulu|f:Mahayogaraj Guggulu|f:Simhanad Guggulu",
      "f:Mahanarayan Oil|f:Murivenna|f:Kottamchukkadi Thailam|f:Dhanwantharam Thailam|n:Pain Relief Balm",
      "f:Rasnadi Kashayam|f:Maharasnadi Kashayam|f:Balarishta",
      "h:Shallaki:capsule|h:Ashwagandha:capsule|h:Guggulu:tablet", "f:Kaishore Guggulu", nullptr}},
    {"acidity", 10, kSummer, 'a',
     {"f:Avipattikar Churna", "f:Kamdudha Ras|f:Praval Pishti|f:Shankh Bhasma", "h:Amla:juice|n:Gulkand",
      "h:Yashtimadhu:powder|f:Sutshekhar Ras", "f:Mahatiktaka Ghritam", nullptr}},
    {"constipation", 8, kAllYear, 'a',
     {"f:Triphala Churna|h:Haritaki:powder", "f:Abhayarishta|f:Gandharvahasthadi Kashayam",
      "f:Panchasakar Churna|f:Swadisht Virechan Churna|h:Isabgol:powder", "f:Agastya Haritaki Rasayana",
      nullptr, nullptr}},
    {"digestion", 8, kAllYear, 'a',
     {"f:Hingwashtak Churna|f:Lavan Bhaskar Churna", "f:Chitrakadi Vati|f:Dhanwantharam Gulika",
      "f:Drakshasava|f:Jeerakarishta|f:Mustakarishta", "f:Triphala Churna", "f:Trikatu Churna", nullptr}},
    {"stress and sleep", 10, kAllYear, 'a',
     {"h:Ashwagandha:capsule|h:Ashwagandha:tablet|h:Ashwagandha:powder",
      "h:Brahmi:capsule|f:Brahmi Vati|h:Brahmi:tablet", "h:Jatamansi:powder|h:Shankhpushpi:syrup",
      "f:Saraswatarishta|f:Ashwagandharishta", "f:Ksheerabala Thailam|n:Brahmi Amla Hair Oil",
      "f:Kalyanaka Ghritam|f:Brahmi Ghrita"}},
    {"cough and cold", 8, kWinter, 'a',
     {"f:Sitopaladi Churna|f:Talisadi Churna", "h:Tulsi:drops|n:Immunity Kadha|n:Tulsi Ginger Tea",
      "f:Chyawanprash", "f:Vasarishta|f:Kanakasava|h:Vasaka:syrup",
      "f:Lavangadi Vati|f:Khadiradi Vati|f:Vyoshadi Vatakam", "f:Agastya Haritaki Rasayana|n:Organic Honey"}},
    {"immunity", 8, kWinter, 'a',
     {"f:Chyawanprash|f:Brahma Rasayana|n:Amrit Kalash Nectar",
      "h:Guduchi:juice|f:Giloy Ghan Vati|h:Guduchi:tablet", "h:Amla:juice|n:Amla Murabba",
      "f:Sudarshan Ghan Vati|f:Indukantham Kashayam", "h:Tulsi:tea|n:Tulsi Green Tea", nullptr}},
    {"hair fall", 8, kAllYear, 'a',
     {"f:Neelibhringadi Keram|n:Bhringraj Hair Oil|n:Bringha Ayurvedic Hair Oil", "h:Amla:juice|h:Amla:capsule",
      "n:Shikakai Shampoo|n:Bhringraj Shampoo", "h:Bhringraj:capsule|h:Bhringraj:powder",
      "f:Bhringamalakadi Thailam|n:Amla Hair Oil|n:Chemparathyadi Hair Oil", nullptr}},
    {"skin care", 8, kSummer, 'a',
     {"f:Kumkumadi Tailam|n:Kumkumadi Face Serum", "n:Neem Face Wash|n:Aloe Vera Face Wash",
      "n:Ubtan Face Pack|n:Multani Mitti Face Pack", "n:Aloe Vera Gel",
      "f:Khadirarishta|f:Mahamanjishtadi Kashayam|h:Manjistha:capsule|h:Neem:capsule",
      "n:Sandalwood Turmeric Soap|f:Nalpamaradi Keram"}},
    {"diabetes", 7, kAllYear, 'a',
     {"n:Karela Jamun Juice|h:Karela:juice", "h:Gudmar:capsule|h:Gudmar:tablet",
      "f:Chandraprabha Vati|f:Nisakathakadi Kashayam", "h:Methi:powder|h:Jamun:powder",
      "f:Vasant Kusumakar Ras|f:Yashad Bhasma", nullptr}},
    {"women's health", 6, kAllYear, 'f',
     {"f:Ashokarishta|f:Lodhrasava", "h:Shatavari:powder|h:Shatavari:capsule",
      "f:Dashamoolarishta|f:Sukumaram Kashayam", "f:Pushyanug Churna|f:Kumaryasava",
      "f:Kanchanar Guggulu|f:Phala Ghrita", nullptr}},
    {"vitality", 5, kWinter, 'm',
     {"h:Shilajit:resin|h:Shilajit:capsule", "h:Ashwagandha:capsule|f:Ashwagandhadi Lehyam",
      "h:Kapikacchu:capsule|h:Safed Musli:capsule|h:Gokshura:capsule", "f:Narasimha Rasayanam|f:Swarna Bhasma",
      "f:Chyawanprash", nullptr}},
    {"heart health", 4, kAllYear, 'a',
     {"f:Arjunarishta|h:Arjuna:capsule|h:Arjuna:tea", "f:Prabhakar Vati", "f:Medohar Guggulu|f:Triphala Guggulu",
      "h:Haridra:capsule", nullptr, nullptr}},
    {"liver care", 4, kAllYear, 'a',
     {"f:Arogyavardhini Vati|h:Kalmegh:capsule|h:Bhumi Amla:capsule", "f:Punarnavadi Mandur|f:Kumaryasava",
      "h:Kutki:capsule|f:Amritarishta", "h:Guduchi:juice", nullptr, nullptr}},
    {"weight loss", 4, kAllYear, 'a',
     {"f:Triphala Guggulu|f:Medohar Guggulu", "f:Varanadi Kashayam", "f:Triphala Churna|n:Tulsi Green Tea",
      "h:Garcinia:capsule|h:Moringa:capsule", "f:Lohasava", nullptr}},
    {"urinary care", 3, kSummer, 'a',
     {"f:Gokshuradi Guggulu|h:Gokshura:capsule", "f:Chandraprabha Vati", "f:Chandanasava|f:Punarnavasava",
      "h:Punarnava:capsule", nullptr, nullptr}},
    {"thyroid", 2, kAllYear, 'f',
     {"f:Kanchanar Guggulu", "f:Varanadi Kashayam", "h:Ashwagandha:capsule", nullptr, nullptr, nullptr}},
    {"oral care", 4, kAllYear, 'a',
     {"n:Vajradanti Toothpaste|n:Red Paste|n:Dant Kanti Toothpaste|n:Neem Toothpaste|n:Meswak Toothpaste",
      "f:Dashan Sanskar Churna|n:Lal Dant Manjan", "f:Irimedadi Thailam", "f:Khadiradi Vati", nullptr, nullptr}},
    {"piles", 2, kAllYear, 'a',
     {"f:Kankayan Vati", "f:Abhayarishta", "f:Triphala Guggulu", "f:Triphala Churna|h:Isabgol:powder", nullptr,
      nullptr}},
    {"asthma and allergies", 2, kWinter, 'a',
     {"f:Agastya Haritaki Rasayana", "f:Kanakasava|f:Shwas Kuthar Ras", "f:Chitraka Haritaki|f:Anu Taila",
      "f:Sitopaladi Churna", nullptr, nullptr}},
    {"anemia", 2, kAllYear, 'f',
     {"f:Lohasava|f:Punarnavadi Mandur|f:Mandur Bhasma", "f:Drakshasava", "f:Chyawanprash", nullptr, nullptr,
      nullptr}},
    {"headache and sinus", 3, kWinter, 'a',
     {"f:Anu Taila", "f:Pathyashadangam Kashayam", "f:Godanti Bhasma|f:Sutshekhar Ras",
      "f:Asanabilwadi Thailam|f:Ksheerabala Thailam", nullptr, nullptr}},
    {"muscle and back pain", 4, kAllYear, 'a',
     {"f:Murivenna|f:Dhanwantharam Thailam|n:Pain Relief Balm|n:Balm|f:Karpooradi Thailam",
      "f:Sahacharadi Thailam|f:Kottamchukkadi Thailam", "f:Dashamoola Kashayam|f:Balarishta",
      "f:Lakshadi Guggulu", nullptr, nullptr}},
    {"fever", 3, kMonsoon, 'a',
     {"f:Sudarshan Ghan Vati|f:Sudarshan Churna", "f:Amritarishta|f:Amritotharam Kashayam",
      "f:Giloy Ghan Vati|h:Guduchi:juice", "f:Godanti Bhasma|f:Sanjivani Vati", nullptr, nullptr}},
    {"postnatal care", 2, kAllYear, 'f',
     {"f:Dashamoolarishta|f:Jeerakarishta", "f:Dhanwantharam Thailam",
      "f:Dhanwantharam Kashayam|f:Sukumaram Kashayam", "h:Shatavari:powder", nullptr, nullptr}},
    {"general wellness", 6, kAllYear, 'a',
     {"f:Chyawanprash|n:A2 Desi Cow Ghee|n:Organic Honey", "h:Ashwagandha:capsule|h:Moringa:capsule|h:Haridra:capsule",
      "n:Abhyanga Massage Oil|n:Tulsi Green Tea", "f:Triphala Churna", nullptr, nullptr}},
};
}  // namespace

std::span<const RegimenContent> regimens() { return kRegimens; }

const char* seasonal_picks(Season season) {
  switch (season) {
    case kWinter:
      return "f:Chyawanprash|f:Sitopaladi Churna|n:Immunity Kadha|n:Tulsi Ginger Tea|n:Balm|"
             "n:Kumkumadi Lip Balm|n:Crack Heel Cream|f:Mahanarayan Oil|n:Organic Honey";
    case kSummer:
      return "n:Aloe Vera Gel|n:Gulkand|n:Herbal Sunscreen Lotion SPF 30|f:Praval Pishti|"
             "n:Multani Mitti Face Pack|n:Brahmi Amla Hair Oil|f:Chandanasava|h:Amla:juice";
    case kMonsoon:
      return "f:Giloy Ghan Vati|f:Sudarshan Ghan Vati|f:Amritarishta|n:Neem Tulsi Soap|"
             "n:Neem Anti-Dandruff Shampoo|h:Guduchi:juice";
    case kAllYear:
      break;
  }
  return "";
}

}  // namespace ayc::datagen
