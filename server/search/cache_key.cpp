#include "server/search/cache_key.h"

namespace ayc::search {

std::string cache_key(std::initializer_list<std::string_view> parts) {
  std::size_t size = 0;
  for (std::string_view p : parts) size += p.size() + 8;
  std::string key;
  key.reserve(size);
  for (std::string_view p : parts) {
    key += std::to_string(p.size());
    key += ':';
    key += p;
  }
  return key;
}

}  // namespace ayc::search
