#include "data/datagen/content_text.h"

#include <cstring>

namespace ayc::datagen {

namespace {
using Pair = std::pair<const char*, const char*>;

const char* const kTitles5[] = {"Excellent product", "Works wonders", "Genuine and effective",
                                "Highly recommended", "Very effective for {ind}", "Must buy",
                                "Authentic Ayurvedic medicine", "Great results", "Best for {ind}",
                                "Five stars to {brand}"};
const char* const kTitles4[] = {"Good product", "Effective, but takes time", "Good quality",
                                "Worth the price", "Helpful for {ind}", "Nice product", "Satisfied"};
const char* const kTitles3[] = {"Average", "Okay product", "Mild effect", "Not bad", "Could be better"};
const char* const kTitles2[] = {"Not very effective", "Expected more", "Too costly for the effect",
                                "Packaging could be better"};
const char* const kTitles1[] = {"Did not work for me", "Waste of money", "Received a damaged pack",
                                "Very disappointed", "Not as described"};

const char* const kOpen5[] = {"I have been using this for three months and",
                              "Bought this on my Ayurvedic doctor's advice and",
                              "My mother recommended it and", "Second time ordering this,",
                              "I was sceptical at first but", "Using it for my whole family and"};
const char* const kOpen3[] = {"Used it for about a month and", "Finished one pack and",
                              "Tried this after reading the reviews and"};
const char* const kOpen1[] = {"Used the full pack as directed but", "After two weeks of use",
                              "I had high hopes but"};
const char* const kEffect5[] = {"it really helped with my {ind}.", "my {ind} has reduced a lot.",
                                "I can see a clear difference in my {ind}.",
                                "it works well for {ind} without any side effects."};
const char* const kEffect4[] = {"there is good improvement in {ind}.",
                                "it is helping with my {ind}, slowly but surely.",
                                "my {ind} is better than before."};
const char* const kEffect3[] = {"there is some improvement in {ind} but it is slow.",
                                "it helps a little with {ind}."};
const char* const kEffect1[] = {"I did not notice any change in my {ind}.",
                                "it did nothing for my {ind}.", "my {ind} is the same as before."};
const char* const kClose5[] = {"Will buy again.", "Highly recommend it.", "Thank you {brand}!",
                               "Already ordered the next pack."};
const char* const kClose3[] = {"Will continue for some more time and see.", "Okay for the price."};
const char* const kClose1[] = {"Will not buy again.", "Not recommended.", "Returning it."};

const char* const kLiquid[] = {"The taste is bitter-sweet but easy to take with water.",
                               "Taste is strong, better taken diluted.", "Bottle is well sealed."};
const char* const kOil[] = {"The oil has a strong herbal smell, which is expected.",
                            "Absorbs well after a warm massage.", "A little goes a long way."};
const char* const kPowder[] = {"Mix it in warm water; the taste is tolerable.",
                               "Fine powder, no lumps.", "The aroma is fresh."};
const char* const kTablet[] = {"Tablets are easy to swallow.", "Good quantity in one pack.",
                               "No aftertaste."};
const char* const kJam[] = {"Tastes good, even the kids like it.", "Nice consistency, not too sweet."};
const char* const kCare[] = {"Leaves the skin soft.", "Pleasant natural fragrance.",
                             "Lather is good and it does not dry the skin."};
const char* const kServiceGood[] = {"Delivery was quick and the seal was intact.",
                                    "Expiry date was more than a year away.",
                                    "Genuine product, well packed.", ""};
const char* const kServiceBad[] = {"The bottle was leaking when it arrived.",
                                   "Price has gone up a lot.", "Delivery took two weeks.",
                                   "Smell is too strong for me.", ""};

const Pair kMisspellings[] = {
    {"ashwaganda", "ashwagandha"}, {"ashwagndha", "ashwagandha"}, {"aswagandha", "ashwagandha"},
    {"ashvagandha capsules", "ashwagandha capsules"}, {"chyawanprsh", "chyawanprash"},
    {"chyavanprash", "chyawanprash"}, {"chawanprash", "chyawanprash"}, {"trifla", "triphala"},
    {"triphla churna", "triphala churna"}, {"trifala", "triphala"}, {"giloye", "giloy"},
    {"gilloy juice", "giloy juice"}, {"shatavri", "shatavari"}, {"shatawari powder", "shatavari powder"},
    {"mahanarayan tel", "mahanarayan oil"}, {"mahanarayana oil", "mahanarayan oil"},
    {"kumkumadi tailum", "kumkumadi tailam"}, {"neelibringadi", "neelibhringadi"},
    {"avipatikar churna", "avipattikar churna"}, {"sitopladi", "sitopaladi"},
    {"yograj gugul", "yogaraj guggulu"}, {"arjunarisht", "arjunarishta"}, {"punarnva", "punarnava"},
    {"dashmoolarisht", "dashamoolarishta"}, {"bhringraj tel", "bhringraj oil"},
    {"amla jus", "amla juice"}, {"aloevera gel", "aloe vera gel"}, {"karela jamun jus", "karela jamun juice"},
    {"tulsi drop", "tulsi drops"}, {"shilajeet", "shilajit"}, {"kanchnar gugul", "kanchanar guggulu"},
    {"brahmi vatti", "brahmi vati"}, {"dhanwantram thailam", "dhanwantharam thailam"},
    {"ksheerbala", "ksheerabala"}, {"murivena", "murivenna"}, {"saraswatarisht", "saraswatarishta"},
    {"hingvastak", "hingwashtak"}, {"arogyavardini", "arogyavardhini"}, {"chandraprbha vati", "chandraprabha vati"},
};
const Pair kHinglish[] = {
    {"jodo ke dard ki dawa", "joint pain"}, {"neend ki dawai", "sleep"}, {"baal jhadna", "hair fall"},
    {"khansi ki dawa", "cough"}, {"pet saaf karne ki dawa", "constipation"}, {"gas ki dawa", "gas"},
    {"sugar ki ayurvedic dawa", "diabetes"}, {"acidity ki dawa", "acidity"}, {"kamar dard", "back pain"},
    {"tension ki dawa", "stress"}, {"chehre ke daag", "pigmentation"}, {"safed baal", "premature greying"},
    {"bukhar ki dawa", "fever"}, {"taqat ki dawa", "vitality"}, {"mote hone ki dawa", "weight gain"},
};
const char* const kIndicationTemplates[] = {
    "{ind}", "ayurvedic medicine for {ind}", "{ind} ayurvedic medicine", "best ayurvedic medicine for {ind}",
    "{ind} treatment", "herbal remedy for {ind}", "{ind} tablets", "{ind} oil", "medicine for {ind}",
    "{ind} powder", "{ind} capsules"};
const char* const kModifiers[] = {"price", "buy online", "capsules", "tablets", "powder", "oil",
                                  "100 ml", "original", "benefits", "combo", "for women", "for men",
                                  "offer", "1 kg", "500 g", "sugar free"};
const char* const kNonsense[] = {"asdf", "test", "xyz123", "qwerty", "aaaa", "hello", "12345",
                                 "zzz", "lorem ipsum", "jkl;", "asdfgh jkl", "??"};
const char* const kAgents[] = {
    "Mozilla/5.0 (Linux; Android 13; SM-A536E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36",
    "Mozilla/5.0 (Linux; Android 12; Redmi Note 11) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.6045.163 Mobile Safari/537.36",
    "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.6167.101 Mobile Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0",
    "AyurvedaCart/3.4.1 (Android 13; Mobile)", "AyurvedaCart/3.4.0 (iOS 17.1; iPhone14,5)"};
const char* const kNotes[] = {"Please deliver after 6 pm", "Call before delivery",
                              "Gift wrap please, it is for my mother", "Leave with the security guard",
                              "Please send the latest batch", "Deliver on weekdays only"};
}  // namespace

std::span<const char* const> review_titles(int rating) {
  switch (rating) {
    case 5: return kTitles5;
    case 4: return kTitles4;
    case 3: return kTitles3;
    case 2: return kTitles2;
    default: return kTitles1;
  }
}
std::span<const char* const> review_openings(int rating) {
  if (rating >= 4) return kOpen5;
  return rating == 3 ? std::span<const char* const>(kOpen3) : kOpen1;
}
std::span<const char* const> review_effects(int rating) {
  if (rating == 5) return kEffect5;
  if (rating == 4) return kEffect4;
  return rating == 3 ? std::span<const char* const>(kEffect3) : kEffect1;
}
std::span<const char* const> review_closings(int rating) {
  if (rating >= 4) return kClose5;
  return rating == 3 ? std::span<const char* const>(kClose3) : kClose1;
}
std::span<const char* const> review_form_remarks(const char* form) {
  auto is = [&](const char* f) { return std::strcmp(form, f) == 0; };
  if (is("liquid")) return kLiquid;
  if (is("oil") || is("ghee")) return kOil;
  if (is("powder") || is("bhasma") || is("tea")) return kPowder;
  if (is("tablet") || is("capsule") || is("resin")) return kTablet;
  if (is("jam")) return kJam;
  return kCare;
}
std::span<const char* const> review_service_remarks(bool positive) {
  return positive ? std::span<const char* const>(kServiceGood) : kServiceBad;
}
std::span<const Pair> query_misspellings() { return kMisspellings; }
std::span<const Pair> query_hinglish() { return kHinglish; }
std::span<const char* const> indication_query_templates() { return kIndicationTemplates; }
std::span<const char* const> query_modifiers() { return kModifiers; }
std::span<const char* const> nonsense_queries() { return kNonsense; }
std::span<const char* const> user_agents() { return kAgents; }
std::span<const char* const> customer_notes() { return kNotes; }

}  // namespace ayc::datagen
