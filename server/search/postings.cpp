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

std::shared_ptr<const PackedPostings> PostingsCache::packed(Xapian::Database& db, const std::string& term,
                                                           PostingPtr* read) const {
  static const IndexLayout single;
  bool admit = true;
  if (std::optional<Entry> e = find(term, Admission::kFirstUse, admit)) return e->packed;
  // Read outside the lock. A caller that wants the list unpacked gets the
  // arrays read; one that folds the packed bytes has them packed as read.
  const IndexLayout& layout = layout_ != nullptr ? *layout_ : single;
  Entry fresh;  // an absent term too: asked again, it is not looked up again
  if (read != nullptr) {
    PostingPtr list = read_postings(db, term, layout);
    fresh.packed = std::make_shared<const PackedPostings>(pack_postings(*list));
    *read = std::move(list);
  } else {
    const Xapian::doccount n = db.get_termfreq(term);
    PostingPacker packer(n);
    if (n > 0) {
      layout.for_each_posting(db, term, [&](Xapian::docid d, Xapian::termcount wdf, Xapian::termcount) {
        packer.add(d, wdf);
      });
    }
    fresh.packed = std::make_shared<const PackedPostings>(packer.finish());
  }
  fresh.bytes = fresh.packed->memory() + term.size();
  return store(term, std::move(fresh)).packed;
}

PostingPtr PostingsCache::get(Xapian::Database& db, const std::string& term) const {
  PostingPtr read;
  std::shared_ptr<const PackedPostings> p = packed(db, term, &read);
  if (read != nullptr) return read;
  if (p->count == 0) return empty_postings();
  return std::make_shared<const PostingList>(unpack_postings(*p));
}

std::size_t PostingsCache::count(Xapian::Database& db, const std::string& term) const {
  return packed(db, term, nullptr)->count;
}

PostingsCache::PostingsCache(std::size_t max_bytes) { set_max_bytes(max_bytes); }

void PostingsCache::set_max_bytes(std::size_t max_bytes) {
  max_bytes_ = max_bytes;
  shards_.clear();
  const std::size_t count = std::clamp<std::size_t>(max_bytes / (std::size_t{32} << 20), 1, 8);
  for (std::size_t i = 0; i < count; ++i) {
    auto s = std::make_unique<Shard>();
    s->max_bytes = max_bytes / count;
    s->entries.reserve(std::min<std::size_t>(s->max_bytes / 1024, std::size_t{1} << 22));
    shards_.push_back(std::move(s));
  }
}

std::optional<PostingsCache::Entry> PostingsCache::find(const std::string& key, Admission admission,
                                                        bool& admit) const {
  Shard& s = shard(key);
  std::lock_guard<std::mutex> lock(s.mu);
  auto it = s.entries.find(key);
  if (it != s.entries.end()) {
    Entry& e = it->second;
    if (e.is_protected) {
      s.protected_lists.splice(s.protected_lists.begin(), s.protected_lists, e.lru);
    } else {  // asked again: protected, its least recent there back on probation
      s.protected_lists.splice(s.protected_lists.begin(), s.probation, e.lru);
      e.is_protected = true;
      s.protected_bytes += e.bytes;
      const std::size_t protected_max = s.max_bytes / 100 * kProtectedPercent;
      while (s.protected_bytes > protected_max && s.protected_lists.size() > 1) {
        Entry& demoted = s.entries.find(s.protected_lists.back())->second;
        s.probation.splice(s.probation.begin(), s.protected_lists, demoted.lru);
        demoted.is_protected = false;
        s.protected_bytes -= demoted.bytes;
      }
    }
    ++s.stats.hits;
    return e;
  }
  ++s.stats.misses;
  admit = true;
  if (admission == Admission::kSecondUse) {
    constexpr std::size_t kSeenOnceMax = 1u << 18;  // ~10 MiB of hashes a shard at most
    if (s.seen_once.size() >= kSeenOnceMax) s.seen_once.clear();
    admit = !s.seen_once.insert(std::hash<std::string>{}(key)).second;
  }
  return std::nullopt;
}

PostingsCache::Entry PostingsCache::store(const std::string& key, Entry entry) const {
  Shard& s = shard(key);
  std::lock_guard<std::mutex> lock(s.mu);
  auto [it, inserted] = s.entries.try_emplace(key);
  if (!inserted) return it->second;  // another request stored it meanwhile
  s.probation.push_front(key);
  entry.lru = s.probation.begin();
  entry.is_protected = false;
  it->second = std::move(entry);
  s.stats.bytes += it->second.bytes;
  if (is_term_key(key)) s.stats.term_bytes += it->second.bytes;
  ++s.stats.terms;
  Entry kept = it->second;
  // Out from probation's end (never the list just stored), then, when
  // probation holds nothing else, from the protected segment's.
  while (s.stats.bytes > s.max_bytes && s.probation.size() + s.protected_lists.size() > 1) {
    const bool from_probation = s.probation.size() > 1 || s.protected_lists.empty();
    std::list<std::string>& segment = from_probation ? s.probation : s.protected_lists;
    auto victim = s.entries.find(segment.back());
    s.stats.bytes -= victim->second.bytes;
    if (victim->second.is_protected) s.protected_bytes -= victim->second.bytes;
    if (is_term_key(victim->first)) s.stats.term_bytes -= victim->second.bytes;
    --s.stats.terms;
    ++s.stats.evictions;
    segment.pop_back();
    s.entries.erase(victim);
  }
  return kept;
}

PostingPtr PostingsCache::keep(const std::string& key, PostingPtr list) const {
  Entry fresh;
  fresh.bytes = list->bytes() + key.size();
  fresh.list = std::move(list);
  return store(key, std::move(fresh)).list;
}

PostingPtr PostingsCache::get_or_compute(const std::string& key, const std::function<PostingPtr()>& compute,
                                         Admission admission) const {
  bool admit = true;
  if (std::optional<Entry> e = find(key, admission, admit)) return e->list;
  PostingPtr list = compute();  // outside the lock: other requests go on
  return admit ? keep(key, std::move(list)) : list;
}

PostingPtr PostingsCache::get_or_compute_scored(const std::string& key,
                                                const std::function<std::shared_ptr<PostingList>()>& compute,
                                                bool with_ranks, Admission admission) const {
  bool admit = true;
  if (std::optional<Entry> e = find(key, admission, admit)) return e->list;
  std::shared_ptr<PostingList> list = compute();  // outside the lock: other requests go on
  if (!admit) return list;
  compact_scored(*list, with_ranks);
  return keep(key, std::move(list));
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
