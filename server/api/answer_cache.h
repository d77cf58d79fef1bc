// Rendered answers of the routes whose answer depends on nothing but the
// index generation and the request (GET /autocomplete, GET
// /products/{id}/related): each is rendered once per generation.
//
// Keys carry the generation, so an answer rendered from one generation is
// never served from another; after a switch the old generation's answers
// are no longer asked for and age out of the LRU. Bounded by entries
// (--response-cache-entries; 0 caches nothing) and bytes
// (--response-cache-mb). Callers key answers by normalised request parts
// (a product id in lower case, a prefix as query_text reads it), so spelling
// variants of one request share an entry.
//
// Thread-safety: every method may be called concurrently.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>

#include "server/http/http_message.h"
#include "server/search/index_snapshot.h"
#include "server/search/shared_lru.h"

namespace ayc::api {

// The validator of such an answer: the generation it was rendered from
// (W/"gen-000042"). A browser or CDN holding it revalidates with
// If-None-Match and gets 304 until the next generation; within max-age it
// does not ask at all.
std::string generation_etag(const search::IndexSnapshot& snap);
inline constexpr const char* kGenerationCacheControl = "public, max-age=60";
// A 200 JSON answer carrying that validator and kGenerationCacheControl.
http::HttpResponse generation_answer(std::string json, const std::string& etag);

class AnswerCache {
 public:
  AnswerCache(std::size_t entries, std::size_t max_bytes)
      : entries_(entries, max_bytes, [](const std::string& s) { return s.capacity() + sizeof(s); }) {}

  // The key of a route's answer under `snap`'s generation.
  static std::string key(const search::IndexSnapshot& snap, std::initializer_list<std::string_view> parts);

  std::shared_ptr<const std::string> get(const std::string& key) const;
  void put(const std::string& key, std::string answer) const;
  search::SharedLru<std::string>::Stats stats() const { return entries_.stats(); }

 private:
  search::SharedLru<std::string> entries_;
};

}  // namespace ayc::api
