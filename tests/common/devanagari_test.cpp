#include <catch2/catch.hpp>

#include "common/devanagari.h"

namespace ayc::text {
namespace {

TEST_CASE("herb, formulation and symptom names in Devanagari read as their common Latin spellings") {
  const std::pair<const char*, const char*> cases[] = {
      {"अश्वगंधा", "ashwagandha"},  {"तुलसी", "tulsi"},       {"गिलोय", "giloy"},
      {"नीम", "neem"},              {"हल्दी", "haldi"},       {"त्रिफला", "triphla"},
      {"ब्राह्मी", "brahmi"},         {"मुलेठी", "mulethi"},     {"शिलाजीत", "shilajeet"},
      {"गोखरू", "gokhru"},           {"हरड़", "harad"},         {"च्यवनप्राश", "chyavanprash"},
      {"महानारायण तेल", "mahanarayan tel"}, {"कब्ज", "kabj"}, {"बवासीर", "bavaseer"},
      {"अर्जुन", "arjun"},            {"जीरा", "jeera"},         {"कुमकुम", "kumkum"},
      {"संधि", "sandhi"},            {"चंपा", "champa"},         {"अदरक", "adrak"},
      {"समझना", "samajhna"},         {"चन्द्रप्रभा", "chandraprabha"}, {"कमल", "kamal"},
  };
  for (const auto& [devanagari, latin] : cases) {
    INFO(devanagari);
    CHECK(devanagari_to_latin(devanagari) == latin);
  }
}

TEST_CASE("a visarga after a long vowel ends the word as its sound, with no byte of the reader's own") {
  CHECK(text::devanagari_to_latin("\u0932\u0915\u094D\u0937\u094D\u092E\u0940\u0903") == "lakshmih");  // लक्ष्मीः
  CHECK(text::devanagari_to_latin("\u0915\u0940\u0903") == "kih");                                  // कीः
  CHECK(text::devanagari_to_latin("\u0915\u0942\u0903") == "kuh");                                  // कूः
  CHECK(text::devanagari_to_latin("\u0908\u0903") == "ih");                                          // ईः
  CHECK(text::devanagari_to_latin("\u0926\u0941\u0903\u0916") == "duhkh");                            // दुःख, as before
}

TEST_CASE("text without Devanagari is unchanged and mixed text keeps its other parts") {
  CHECK(devanagari_to_latin("Ashwagandha 500 g") == "Ashwagandha 500 g");
  CHECK(devanagari_to_latin("") == "");
  CHECK(devanagari_to_latin("Dabur तुलसी drops ५०") == "Dabur tulsi drops 50");
  CHECK(devanagari_to_latin("नीम।तुलसी") == "neem tulsi");
  CHECK(devanagari_to_latin("tulsi \xff") == "tulsi \xff");              // not Devanagari: as it was
  CHECK(devanagari_to_latin(std::string("\xe0\xa4", 2)) == "\xe0\xa4");  // a cut sequence, kept
}

}  // namespace
}  // namespace ayc::text
