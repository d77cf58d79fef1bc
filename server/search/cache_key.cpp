#include "server/search/cache_key.h"

namespace ayc::search {

std::string cache_key(std::initializer_list<std::string_view> parts) {
  std::size_t size = 0;
  for (std::string_view p : parts) size += p.size() + 8;
  std::string key;
  key.reserve(size);
  for (std::string_view p : parts) append_key_part(key, p);
  return key;
}

void append_key_part(std::string& key, std::string_view part) {
  key += std::to_string(part.size());
  key += ':';
  key += part;
}

}  // namespace ayc::search
