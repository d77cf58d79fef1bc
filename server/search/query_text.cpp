#include "server/search/query_text.h"

#include "common/text.h"
#include "server/search/devanagari.h"

namespace ayc::search {

std::string query_text(std::string_view typed) {
  return text::normalize(text::split_quantities(devanagari_to_latin(typed)));
}

}  // namespace ayc::search
