#include "indexer/copy_text.h"

namespace ayc::indexer {

namespace {
char unescape(char c) {
  switch (c) {
    case 't': return '\t';
    case 'n': return '\n';
    case 'r': return '\r';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'v': return '\v';
    default: return c;
  }
}
}  // namespace

std::vector<std::optional<std::string>> parse_copy_line(std::string_view line) {
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  std::vector<std::optional<std::string>> fields;
  std::string cur;
  bool is_null = false;
  std::size_t i = 0;
  auto finish = [&] {
    if (is_null) {
      fields.emplace_back(std::nullopt);
    } else {
      fields.emplace_back(std::move(cur));
    }
    cur.clear();
    is_null = false;
  };
  while (i < line.size()) {
    char c = line[i];
    if (c == '\t') {
      finish();
      ++i;
      continue;
    }
    if (c != '\\' || i + 1 >= line.size()) {
      cur.push_back(c);
      ++i;
      continue;
    }
    char n = line[i + 1];
    if (n == 'N' && cur.empty() && (i + 2 == line.size() || line[i + 2] == '\t')) {
      is_null = true;
      i += 2;
      continue;
    }
    if (n >= '0' && n <= '7') {
      int value = 0, digits = 0;
      std::size_t j = i + 1;
      while (j < line.size() && digits < 3 && line[j] >= '0' && line[j] <= '7') {
        value = value * 8 + (line[j] - '0');
        ++j;
        ++digits;
      }
      cur.push_back(static_cast<char>(value));
      i = j;
      continue;
    }
    cur.push_back(unescape(n));
    i += 2;
  }
  finish();
  return fields;
}

}  // namespace ayc::indexer
