#include "server/search/postings.h"

namespace ayc::search {

namespace {

PostingPtr read_postings(Xapian::Database& db, const std::string& term) {
  auto list = std::make_shared<PostingList>();
  Xapian::doccount n = db.get_termfreq(term);
  if (n == 0) return list;
  list->docs.reserve(n);
  list->wdfs.reserve(n);
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
    list->docs.push_back(*it);
    list->wdfs.push_back(it.get_wdf());
  }
  return list;
}

}  // namespace

void add_bitmap(PostingList& list) {
  list.bits.clear();
  list.ranks.clear();
  if (list.docs.empty()) return;
  const std::size_t words = (list.docs.back() >> 6) + 1;
  list.bits.assign(words, 0);
  for (Xapian::docid d : list.docs) list.bits[d >> 6] |= std::uint64_t{1} << (d & 63u);
  list.ranks.resize(words);
  std::uint32_t below = 0;
  for (std::size_t w = 0; w < words; ++w) {
    list.ranks[w] = below;
    below += static_cast<std::uint32_t>(__builtin_popcountll(list.bits[w]));
  }
}

const PostingPtr& empty_postings() {
  static const PostingPtr empty = std::make_shared<PostingList>();
  return empty;
}

PostingPtr PostingsCache::get(Xapian::Database& db, const std::string& term) const {
  return get_or_compute(term, [&] { return read_postings(db, term); });
}

PostingPtr PostingsCache::get_or_compute(const std::string& term, const std::function<PostingPtr()>& compute) const {
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = entries_.find(term);
    if (it != entries_.end()) {
      lru_.splice(lru_.begin(), lru_, it->second.lru);
      ++stats_.hits;
      return it->second.list;
    }
    ++stats_.misses;
  }
  PostingPtr list = compute();  // outside the lock: other requests go on
  std::lock_guard<std::mutex> lock(mu_);
  auto [it, inserted] = entries_.try_emplace(term);
  if (!inserted) return it->second.list;  // another request read it meanwhile
  lru_.push_front(term);
  it->second = Entry{list, lru_.begin()};
  stats_.bytes += list->bytes() + term.size();
  ++stats_.terms;
  while (stats_.bytes > max_bytes_ && lru_.size() > 1) {
    auto victim = entries_.find(lru_.back());
    stats_.bytes -= victim->second.list->bytes() + victim->first.size();
    --stats_.terms;
    ++stats_.evictions;
    entries_.erase(victim);
    lru_.pop_back();
  }
  return list;
}

PostingsCacheStats PostingsCache::stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  return stats_;
}

}  // namespace ayc::search
