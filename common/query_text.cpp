#include "common/query_text.h"

#include "common/devanagari.h"
#include "common/text.h"

namespace ayc::text {

std::string query_text(std::string_view typed) {
  return normalize(split_quantities(devanagari_to_latin(typed)));
}

}  // namespace ayc::text
