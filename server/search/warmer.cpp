#include "server/search/warmer.h"

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "server/search/most_frequent.h"
#include "server/search/searcher.h"

namespace ayc::search {

namespace {

// The `n` most frequent words of the spelling table, most frequent first.
Result<std::vector<std::string>> frequent_words(const IndexSnapshot& snap, std::size_t n) {
  AYC_ASSIGN_OR_RETURN(auto lease, snap.borrow_xapian());
  std::vector<std::pair<Xapian::doccount, std::string>> words;
  try {
    Xapian::Database& db = lease.db();
    for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) words.emplace_back(it.get_termfreq(), *it);
  } catch (const Xapian::Error& e) {
    return Status::DataLoss("reading the spelling table: " + e.get_description());
  }
  return most_frequent(std::move(words), n);
}

}  // namespace

Result<WarmStats> warm(const IndexSnapshot& snap, std::size_t n, double budget_seconds, std::size_t from) {
  WarmStats stats;
  if (n <= from) return stats;
  const auto start = std::chrono::steady_clock::now();
  AYC_ASSIGN_OR_RETURN(auto words, frequent_words(snap, n));
  for (std::size_t i = from; i < words.size(); ++i) {
    const std::string& word = words[i];
    if (snap.postings().stats().bytes >= snap.postings().max_bytes() / 2) break;
    if (budget_seconds > 0 &&
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() >= budget_seconds) {
      stats.out_of_time = true;
      break;
    }
    SearchRequest req;
    req.q = word;
    auto result = run_search(snap, req);
    if (!result.ok()) return result.status().with_context("warming with \"" + word + "\"");
    ++stats.searches;
  }
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return stats;
}

}  // namespace ayc::search
