#include "server/api/answer_cache.h"

#include <utility>

#include "server/search/cache_key.h"

namespace ayc::api {

std::string generation_etag(const search::IndexSnapshot& snap) { return "W/\"" + snap.generation() + "\""; }

http::HttpResponse generation_answer(std::string json, const std::string& etag) {
  auto resp = http::HttpResponse::json(200, std::move(json));
  resp.headers.emplace_back("ETag", etag);
  resp.headers.emplace_back("Cache-Control", kGenerationCacheControl);
  return resp;
}

std::string AnswerCache::key(const search::IndexSnapshot& snap, std::initializer_list<std::string_view> parts) {
  std::string key = search::cache_key({snap.generation()});
  for (std::string_view p : parts) search::append_key_part(key, p);
  return key;
}

std::shared_ptr<const std::string> AnswerCache::get(const std::string& key) const { return entries_.get(key); }

void AnswerCache::put(const std::string& key, std::string answer) const {
  entries_.put(key, std::make_shared<const std::string>(std::move(answer)));
}

}  // namespace ayc::api
