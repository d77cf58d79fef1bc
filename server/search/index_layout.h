// The docids the engine uses for a generation's Xapian databases.
//
// A full run's generation has one database: engine docid = Xapian docid.
// A layered one (index/layers.h) is opened as one Xapian::Database over two
// (the base, then the delta), which interleaves their docids: base document
// b is 2b - 1, delta document t is 2t. The engine numbers the base's as the
// base does and the delta's after the base's last docid, so everything built
// from the base keeps its docids whatever delta lies over it (a snapshot
// reuses it from the one before), and superseded base documents are hidden:
// they are in no posting list and not live.
//
// Thread-safety: immutable once loaded.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "common/status.h"

namespace ayc::search {

// A layered generation's Xapian handle as open_handle() makes it: the base
// and the delta, each also held alone, so for_each_posting() reads a term's
// list from each in turn. Read through the combined handle, which merges the
// two lists, a posting costs about 27 ns at a million products; read from
// one database alone, about 18.
class LayeredDatabase : public Xapian::Database {
 public:
  LayeredDatabase(Xapian::Database base, Xapian::Database delta);
  Xapian::Database base_part;
  Xapian::Database delta_part;
};

class IndexLayout {
 public:
  // The layout of the generation in `dir` (whose MANIFEST names its base).
  static Result<IndexLayout> load(const std::filesystem::path& dir);
  // A single database: the identity.
  IndexLayout() = default;
  // A single database whose docid c is engine docid first + c (a delta
  // read alone).
  static IndexLayout offset_by(Xapian::docid first) {
    IndexLayout l;
    l.offset_ = first;
    return l;
  }

  bool layered() const { return layered_; }
  // The generation whose full run wrote the base database.
  const std::string& base_database() const { return base_database_; }
  // The base database's last docid (of a single database: its last).
  Xapian::docid base_last_docid() const { return base_last_; }
  // Whether what was built from the base of `before` holds for this one:
  // the same base database (then a snapshot keeps what it built from it).
  bool same_base(const IndexLayout& before) const {
    return !base_database_.empty() && base_database_ == before.base_database_ &&
           base_built_at_ == before.base_built_at_ && base_last_ == before.base_last_;
  }
  // The delta database alone (its docid t is engine docid base_last + t).
  Xapian::Database open_delta(const std::filesystem::path& dir) const;
  // The Xapian database of the generation: the base, then the delta.
  Xapian::Database open(const std::filesystem::path& dir) const;
  // The same as a handle for searches: a LayeredDatabase when layered.
  std::unique_ptr<Xapian::Database> open_handle(const std::filesystem::path& dir) const;

  // The engine docid of docid `c` of the database open() returns.
  Xapian::docid docid(Xapian::docid c) const {
    if (!layered_) return offset_ + c;
    return (c & 1u) != 0 ? (c + 1) / 2 : base_last_ + c / 2;
  }
  // Whether engine docid `d` is a superseded base document.
  bool hidden(Xapian::docid d) const {
    const std::size_t w = d >> 6;
    return w < hidden_.size() && ((hidden_[w] >> (d & 63u)) & 1u) != 0;
  }
  std::size_t hidden_count() const { return hidden_count_; }
  // The largest engine docid of a database open() returned.
  Xapian::docid last_docid(const Xapian::Database& db) const {
    return layered_ ? base_last_ + delta_last_ : offset_ + db.get_lastdocid();
  }

  // Calls fn(engine docid, value) for each document of `db` with a value in
  // `slot`, in ascending engine docid, hidden ones included.
  template <typename Fn>
  void for_each_value(Xapian::Database& db, Xapian::valueno slot, Fn&& fn) const {
    std::vector<std::pair<Xapian::docid, std::string>> later;  // the delta's, after the base's
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
      const Xapian::docid d = docid(it.get_docid());
      if (d > base_last_ && layered_) {
        later.emplace_back(d, *it);
      } else {
        fn(d, *it);
      }
    }
    for (auto& [d, v] : later) fn(d, v);
  }
  // The same for postings: fn(engine docid, wdf, document length), hidden
  // ones skipped. From a LayeredDatabase (open_handle()) the base's and the
  // delta's lists are read one after the other.
  template <typename Fn>
  void for_each_posting(Xapian::Database& db, const std::string& term, Fn&& fn) const {
    const bool lengths = term.empty();
    if (auto* parts = layered_ ? dynamic_cast<LayeredDatabase*>(&db) : nullptr; parts != nullptr) {
      Xapian::Database& base = parts->base_part;
      for (auto it = base.postlist_begin(term); it != base.postlist_end(term); ++it) {
        const Xapian::docid d = *it;
        if (!hidden(d)) fn(d, it.get_wdf(), lengths ? it.get_doclength() : 0);
      }
      Xapian::Database& delta = parts->delta_part;
      for (auto it = delta.postlist_begin(term); it != delta.postlist_end(term); ++it) {
        fn(base_last_ + *it, it.get_wdf(), lengths ? it.get_doclength() : 0);
      }
      return;
    }
    std::vector<std::pair<Xapian::docid, Xapian::termcount>> later;
    std::vector<Xapian::termcount> later_lengths;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
      const Xapian::docid d = docid(*it);
      if (layered_ && d > base_last_) {
        later.emplace_back(d, it.get_wdf());
        if (lengths) later_lengths.push_back(it.get_doclength());
      } else if (!hidden(d)) {
        fn(d, it.get_wdf(), lengths ? it.get_doclength() : 0);
      }
    }
    for (std::size_t i = 0; i < later.size(); ++i) fn(later[i].first, later[i].second, lengths ? later_lengths[i] : 0);
  }

 private:
  bool layered_ = false;
  std::string base_database_;
  std::string base_built_at_;
  Xapian::docid base_last_ = 0;
  Xapian::docid delta_last_ = 0;
  Xapian::docid offset_ = 0;  // offset_by()
  std::vector<std::uint64_t> hidden_;
  std::size_t hidden_count_ = 0;
};

}  // namespace ayc::search
