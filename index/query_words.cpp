#include "index/query_words.h"

#include <algorithm>
#include <vector>

#include "common/query_text.h"
#include "common/text.h"

namespace ayc::index {

Status QueryWords::add(std::string_view word, std::string_view role) {
  const auto words = text::split_words(text::query_text(word));
  if (words.size() != 1) {
    return Status::InvalidArgument("query word '" + std::string(word) + "' is not exactly one word");
  }
  if (role == "noise") {
    noise_.insert(words.front());
  } else if (role == "grade") {
    grade_.insert(words.front());
  } else if (role == "function") {
    function_.insert(words.front());
  } else if (role == "generic") {
    generic_.insert(words.front());
  } else {
    return Status::InvalidArgument("query word '" + std::string(word) + "' has unknown role '" + std::string(role) +
                                   "' (noise, grade, function or generic)");
  }
  return Status::Ok();
}

std::string QueryWords::encode() const {
  std::vector<std::string> lines;
  for (const auto& w : noise_) lines.push_back("noise " + w);
  for (const auto& w : grade_) lines.push_back("grade " + w);
  for (const auto& w : function_) lines.push_back("function " + w);
  for (const auto& w : generic_) lines.push_back("generic " + w);
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const auto& line : lines) out += line + '\n';
  return out;
}

Result<QueryWords> QueryWords::decode(std::string_view encoded) {
  QueryWords out;
  while (!encoded.empty()) {
    const std::size_t end = std::min(encoded.find('\n'), encoded.size());
    const std::string_view line = encoded.substr(0, end);
    encoded.remove_prefix(std::min(end + 1, encoded.size()));
    const std::size_t space = line.find(' ');
    if (space == std::string_view::npos || !out.add(line.substr(space + 1), line.substr(0, space)).ok()) {
      return Status::DataLoss("undecodable query word line '" + std::string(line) + "'");
    }
  }
  return out;
}

}  // namespace ayc::index
