#include "server/search/postings.h"

namespace ayc::search {

namespace {

// Computed lists' keys start with a byte below 0x20 (get_or_compute()).
bool is_term_key(const std::string& key) { return key.empty() || static_cast<unsigned char>(key[0]) >= 0x20; }

PostingPtr read_postings(Xapian::Database& db, const std::string& term, const IndexLayout& layout) {
  auto list = std::make_shared<PostingList>();
  Xapian::doccount n = db.get_termfreq(term);
  if (n == 0) return list;
  list->docs.reserve(n);
  list->wdfs.reserve(n);
  layout.for_each_posting(db, term, [&](Xapian::docid d, Xapian::termcount wdf, Xapian::termcount) {
    list->docs.push_back(d);
    list->wdfs.push_back(wdf);
  });
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

// The first position at or after `from` whose docid is >= d: galloping
// (1, 2, 4, ... ahead, then a binary search), so intersecting a short list
// with a long one costs O(short * log(gap)), not a walk over the long one.
std::size_t skip_to(const std::vector<Xapian::docid>& docs, std::size_t from, Xapian::docid d) {
  if (from >= docs.size() || docs[from] >= d) return from;
  std::size_t lo = from, step = 1;  // docs[lo] < d
  while (lo + step < docs.size() && docs[lo + step] < d) {
    lo += step;
    step *= 2;
  }
  const std::size_t hi = std::min(docs.size(), lo + step + 1);
  return static_cast<std::size_t>(std::lower_bound(docs.begin() + static_cast<std::ptrdiff_t>(lo) + 1,
                                                   docs.begin() + static_cast<std::ptrdiff_t>(hi), d) -
                                  docs.begin());
}

const PostingPtr& empty_postings() {
  static const PostingPtr empty = std::make_shared<PostingList>();
  return empty;
}

PostingPtr PostingsCache::get(Xapian::Database& db, const std::string& term) const {
  static const IndexLayout single;
  return get_or_compute(term, [&] { return read_postings(db, term, layout_ != nullptr ? *layout_ : single); });
}

PostingsCache::PostingsCache(std::size_t max_bytes) : max_bytes_(max_bytes) {
  const std::size_t count = std::clamp<std::size_t>(max_bytes / (std::size_t{32} << 20), 1, 8);
  for (std::size_t i = 0; i < count; ++i) {
    auto s = std::make_unique<Shard>();
    s->max_bytes = max_bytes / count;
    s->entries.reserve(std::min<std::size_t>(s->max_bytes / 1024, std::size_t{1} << 22));
    shards_.push_back(std::move(s));
  }
}

PostingPtr PostingsCache::get_or_compute(const std::string& term, const std::function<PostingPtr()>& compute,
                                         Admission admission) const {
  Shard& s = shard(term);
  bool admit = true;
  {
    std::lock_guard<std::mutex> lock(s.mu);
    auto it = s.entries.find(term);
    if (it != s.entries.end()) {
      s.lru.splice(s.lru.begin(), s.lru, it->second.lru);
      ++s.stats.hits;
      return it->second.list;
    }
    ++s.stats.misses;
    if (admission == Admission::kSecondUse) {
      constexpr std::size_t kSeenOnceMax = 1u << 18;  // ~10 MiB of hashes a shard at most
      if (s.seen_once.size() >= kSeenOnceMax) s.seen_once.clear();
      admit = !s.seen_once.insert(std::hash<std::string>{}(term)).second;
    }
  }
  PostingPtr list = compute();  // outside the lock: other requests go on
  if (!admit) return list;
  std::lock_guard<std::mutex> lock(s.mu);
  auto [it, inserted] = s.entries.try_emplace(term);
  if (!inserted) return it->second.list;  // another request read it meanwhile
  s.lru.push_front(term);
  it->second = Entry{list, s.lru.begin()};
  s.stats.bytes += list->bytes() + term.size();
  if (is_term_key(term)) s.stats.term_bytes += list->bytes() + term.size();
  ++s.stats.terms;
  while (s.stats.bytes > s.max_bytes && s.lru.size() > 1) {
    auto victim = s.entries.find(s.lru.back());
    s.stats.bytes -= victim->second.list->bytes() + victim->first.size();
    if (is_term_key(victim->first)) s.stats.term_bytes -= victim->second.list->bytes() + victim->first.size();
    --s.stats.terms;
    ++s.stats.evictions;
    s.entries.erase(victim);
    s.lru.pop_back();
  }
  return list;
}

PostingsCacheStats PostingsCache::stats() const {
  PostingsCacheStats total;
  for (const auto& s : shards_) {
    std::lock_guard<std::mutex> lock(s->mu);
    total.hits += s->stats.hits;
    total.misses += s->stats.misses;
    total.evictions += s->stats.evictions;
    total.bytes += s->stats.bytes;
    total.term_bytes += s->stats.term_bytes;
    total.terms += s->stats.terms;
  }
  return total;
}

}  // namespace ayc::search
