#include "server/search/warmer.h"

#include <algorithm>
#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "server/search/searcher.h"

namespace ayc::search {

namespace {

// The `n` most frequent words of the spelling table, most frequent first.
Result<std::vector<std::string>> frequent_words(const IndexSnapshot& snap, std::size_t n) {
  auto lease = snap.borrow_xapian();
  if (!lease.ok()) return lease.status();
  std::vector<std::pair<Xapian::doccount, std::string>> words;
  try {
    Xapian::Database& db = lease->db();
    for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) words.emplace_back(it.get_termfreq(), *it);
  } catch (const Xapian::Error& e) {
    return Status::DataLoss("reading the spelling table: " + e.get_description());
  }
  const auto more_frequent = [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  };
  if (words.size() > n) {
    std::partial_sort(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(n), words.end(), more_frequent);
    words.resize(n);
  } else {
    std::sort(words.begin(), words.end(), more_frequent);
  }
  std::vector<std::string> out;
  out.reserve(words.size());
  for (auto& w : words) out.push_back(std::move(w.second));
  return out;
}

}  // namespace

Result<WarmStats> warm(const IndexSnapshot& snap, std::size_t n) {
  WarmStats stats;
  if (n == 0) return stats;
  const auto start = std::chrono::steady_clock::now();
  auto words = frequent_words(snap, n);
  if (!words.ok()) return words.status();
  for (const auto& word : *words) {
    if (snap.postings().stats().bytes >= snap.postings().max_bytes() / 2) break;
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
