// Query words with a role in search, as the store's `search_query_words`
// table lists them and each index generation carries them (feature store
// meta key "query_words"):
//   noise    narrows nothing here; a longer query drops it ("best", "online");
//   grade    a classical grade ("maha", "laghu"), given up first when a query
//            finds nothing;
//   function a Hinglish function word ("ke", "liye", "ki dawai", "ka ilaj"):
//            carries no concept, always dropped, and a query of nothing else
//            finds nothing;
//   generic  names a kind of product, not what it is or is for ("oil",
//            "capsules", "tea"): a relaxed search that keeps nothing else has
//            found nothing the shopper asked for.
//
// Thread-safety: build on one thread, then const methods are safe to share.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

#include "common/status.h"

namespace ayc::index {

class QueryWords {
 public:
  // Adds `word` read as the server reads a query (normalised, lower-case);
  // InvalidArgument when it is not exactly one word or the role is unknown.
  Status add(std::string_view word, std::string_view role);

  bool is_noise(const std::string& word) const { return noise_.count(word) > 0; }
  bool is_grade(const std::string& word) const { return grade_.count(word) > 0; }
  bool is_function(const std::string& word) const { return function_.count(word) > 0; }
  bool is_generic(const std::string& word) const { return generic_.count(word) > 0; }
  std::size_t size() const { return noise_.size() + grade_.size() + function_.size() + generic_.size(); }

  // Lines "role word", sorted, so equal sets encode alike.
  std::string encode() const;
  // DataLoss when a line is not "<role> <word>".
  static Result<QueryWords> decode(std::string_view encoded);

 private:
  std::unordered_set<std::string> noise_;
  std::unordered_set<std::string> grade_;
  std::unordered_set<std::string> function_;
  std::unordered_set<std::string> generic_;
};

}  // namespace ayc::index
