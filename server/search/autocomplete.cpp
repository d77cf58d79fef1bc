#include "server/search/autocomplete.h"

#include <algorithm>
#include <cmath>
#include <queue>
#include <unordered_set>

#include "common/query_text.h"
#include "common/text.h"

namespace ayc::search {

namespace {
// Prefixes one edit away from `p` within its last word, which starts at
// `from` (earlier words found something, or we would not be here).
std::vector<std::string> one_edit_variants(const std::string& p, std::size_t from) {
  static const std::string kAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::vector<std::string> out;
  for (std::size_t i = from; i < p.size(); ++i) {
    out.push_back(p.substr(0, i) + p.substr(i + 1));                                     // deletion
    if (i + 1 < p.size()) out.push_back(p.substr(0, i) + p[i + 1] + p[i] + p.substr(i + 2));  // transposition
    for (char c : kAlphabet) {
      if (c != p[i]) out.push_back(p.substr(0, i) + c + p.substr(i + 1));  // substitution
    }
  }
  for (std::size_t i = from; i <= p.size(); ++i) {
    for (char c : kAlphabet) out.push_back(p.substr(0, i) + c + p.substr(i));  // insertion
  }
  return out;
}
// Prefixes spelt the other common way in Latin letters within the last word,
// which starts at `from` (Indian names are transliterated freely:
// "trifala"/"triphala", "shatawari"/"shatavari"): one occurrence of one
// pattern swapped at a time.
std::vector<std::string> transliteration_variants(const std::string& p, std::size_t from) {
  static const std::pair<std::string_view, std::string_view> kSwaps[] = {
      {"f", "ph"}, {"ph", "f"}, {"w", "v"}, {"v", "w"}, {"ee", "i"}, {"oo", "u"}, {"z", "j"}, {"j", "z"},
      {"c", "k"},  {"k", "c"},  {"q", "k"}, {"x", "ksh"}, {"ksh", "x"}};
  std::vector<std::string> out;
  for (const auto& [from_text, to_text] : kSwaps) {
    for (std::size_t at = p.find(from_text, from); at != std::string::npos; at = p.find(from_text, at + 1)) {
      out.push_back(p.substr(0, at) + std::string(to_text) + p.substr(at + from_text.size()));
    }
  }
  return out;
}

// The first 8 bytes of `s` as a big-endian integer, zero-padded: integers
// compare like the strings' first 8 bytes.
std::uint64_t head_of(std::string_view s) {
  std::uint64_t h = 0;
  for (std::size_t i = 0; i < 8; ++i) h = (h << 8) | (i < s.size() ? static_cast<unsigned char>(s[i]) : 0u);
  return h;
}

// Sign of comparing `text` cut to |prefix| characters with `prefix`.
int compare_prefix(std::uint64_t text_head, std::string_view text, std::uint64_t prefix_head, std::string_view prefix) {
  std::size_t n = prefix.size();
  std::uint64_t mask = n >= 8 ? ~std::uint64_t(0) : ~(~std::uint64_t(0) >> (8 * n));
  std::uint64_t a = text_head & mask;
  if (a != prefix_head) return a < prefix_head ? -1 : 1;
  if (n <= 8) return 0;
  int c = text.substr(8, n - 8).compare(prefix.substr(8));
  if (c == 0 && text.size() < n) return -1;
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}
}  // namespace

void Autocomplete::add(features::Suggestion suggestion, Xapian::docid docid) {
  auto index = static_cast<std::uint32_t>(suggestions_.size());
  for (const auto& key : suggestion.keys) {
    if (key.empty()) continue;
    key_pool_ += key;
    key_starts_.push_back(key_pool_.size());
    key_owner_.push_back(index);
  }
  Stored stored;
  stored.text_at = text_pool_.size();
  stored.text_size = static_cast<std::uint32_t>(suggestion.text.size());
  stored.slug_size = static_cast<std::uint32_t>(suggestion.slug.size());
  stored.weight = suggestion.weight;
  stored.kind = suggestion.kind;
  text_pool_ += suggestion.text;
  text_pool_ += suggestion.slug;
  suggestions_.push_back(stored);
  docids_.push_back(docid);
}

std::size_t Autocomplete::bytes() const {
  return suggestions_.capacity() * sizeof(Stored) + text_pool_.capacity() + docids_.capacity() * sizeof(Xapian::docid) +
         key_pool_.capacity() + key_starts_.capacity() * sizeof(std::uint64_t) +
         key_owner_.capacity() * sizeof(std::uint32_t) + entries_.capacity() * sizeof(Entry) +
         heads_.capacity() * sizeof(std::uint64_t) + weights_.capacity() * sizeof(float) +
         tree_.capacity() * sizeof(std::uint32_t);
}

void Autocomplete::build() {
  // Sized exactly, and the tables filled by add() trimmed: growing by
  // doubling left up to half of each unused.
  suggestions_.shrink_to_fit();
  text_pool_.shrink_to_fit();
  docids_.shrink_to_fit();
  key_pool_.shrink_to_fit();
  key_starts_.shrink_to_fit();
  key_owner_.shrink_to_fit();
  // An entry at each word start of each key: counted first, then made.
  auto each_word_start = [&](auto&& f) {
    const auto keys = static_cast<std::uint32_t>(key_owner_.size());
    for (std::uint32_t k = 0; k < keys; ++k) {
      const std::string_view key = key_text(k);
      for (std::size_t i = 0; i < key.size(); ++i) {
        if (i == 0 || key[i - 1] == ' ') f(Entry{k, static_cast<std::uint32_t>(i)});
      }
    }
  };
  std::size_t starts = 0;
  each_word_start([&](const Entry&) { ++starts; });
  entries_.clear();
  entries_.reserve(starts);
  each_word_start([&](const Entry& e) { entries_.push_back(e); });
  std::sort(entries_.begin(), entries_.end(),
            [&](const Entry& a, const Entry& b) { return entry_text(a) < entry_text(b); });
  heads_.resize(entries_.size());
  weights_.resize(entries_.size());
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const Entry& e = entries_[i];
    heads_[i] = head_of(entry_text(e));
    // a key's start ranks first
    weights_[i] = static_cast<float>(suggestions_[suggestion_of(e)].weight + (e.offset == 0 ? 1.0 : 0.0));
  }
  leaves_ = 1;
  while (leaves_ < entries_.size()) leaves_ *= 2;
  const auto kNone = static_cast<std::uint32_t>(-1);
  tree_.assign(2 * leaves_, kNone);
  for (std::size_t i = 0; i < entries_.size(); ++i) tree_[leaves_ + i] = static_cast<std::uint32_t>(i);
  for (std::size_t n = leaves_ - 1; n >= 1; --n) {
    std::uint32_t a = tree_[2 * n], b = tree_[2 * n + 1];
    tree_[n] = a == kNone ? b : b == kNone ? a : (entry_weight(b) > entry_weight(a) ? b : a);
  }
}

std::uint32_t Autocomplete::best_in(std::size_t lo, std::size_t hi) const {
  const auto kNone = static_cast<std::uint32_t>(-1);
  std::uint32_t best = kNone;
  auto consider = [&](std::uint32_t c) {
    if (c != kNone && (best == kNone || entry_weight(c) > entry_weight(best))) best = c;
  };
  for (lo += leaves_, hi += leaves_; lo < hi; lo /= 2, hi /= 2) {
    if (lo & 1) consider(tree_[lo++]);
    if (hi & 1) consider(tree_[--hi]);
  }
  return best;
}

std::pair<std::size_t, std::size_t> Autocomplete::range_of(std::string_view prefix, std::size_t from,
                                                          std::size_t to) const {
  std::uint64_t ph = head_of(prefix);
  auto cmp = [&](std::size_t i) { return compare_prefix(heads_[i], entry_text(entries_[i]), ph, prefix); };
  std::size_t lo = from, hi = to;
  while (lo < hi) {  // first entry not below the prefix
    std::size_t mid = lo + (hi - lo) / 2;
    if (cmp(mid) < 0) lo = mid + 1; else hi = mid;
  }
  std::size_t end_lo = lo;
  hi = to;
  while (end_lo < hi) {  // first entry above it
    std::size_t mid = end_lo + (hi - end_lo) / 2;
    if (cmp(mid) <= 0) end_lo = mid + 1; else hi = mid;
  }
  return {lo, end_lo};
}

void Autocomplete::collect(std::string_view prefix, double bonus, std::size_t want, std::vector<Completion>& out,
                           std::vector<std::uint32_t>& taken, std::pair<std::size_t, std::size_t> within,
                           const std::vector<bool>* hidden) const {
  auto [lo, hi] = range_of(prefix, within.first, within.second);
  if (lo >= hi) return;
  // Best-first walk of the range: a heap of sub-ranges keyed by their best entry.
  struct Range {
    double weight;
    std::uint32_t best;
    std::size_t lo, hi;
    bool operator<(const Range& o) const { return weight < o.weight; }
  };
  std::priority_queue<Range> heap;
  auto push = [&](std::size_t a, std::size_t b) {
    if (a >= b) return;
    std::uint32_t m = best_in(a, b);
    heap.push({entry_weight(m), m, a, b});
  };
  push(lo, hi);
  std::size_t added = 0;
  for (int steps = 0; !heap.empty() && added < want && steps < 4096; ++steps) {
    Range r = heap.top();
    heap.pop();
    std::uint32_t s = suggestion_of(entries_[r.best]);
    const bool gone = hidden != nullptr && s < hidden->size() && (*hidden)[s];
    if (!gone && std::find(taken.begin(), taken.end(), s) == taken.end()) {
      taken.push_back(s);
      const Stored& sug = suggestions_[s];
      const std::string_view text = std::string_view(text_pool_).substr(sug.text_at, sug.text_size);
      const std::string_view slug = std::string_view(text_pool_).substr(sug.text_at + sug.text_size, sug.slug_size);
      out.push_back({std::string(text), sug.kind, std::string(slug), r.weight + bonus});
      ++added;
    }
    push(r.lo, r.best);
    push(r.best + 1, r.hi);
  }
}

std::vector<Completion> Autocomplete::complete(std::string_view query, std::size_t limit) const {
  return complete({Layer{this, nullptr}}, query, limit);
}

std::vector<Completion> Autocomplete::complete(const std::vector<Layer>& layers, std::string_view query,
                                               std::size_t limit) {
  std::string prefix = text::query_text(query);  // "1kg" as the keys have it ("1 kg"), Devanagari romanized
  if (prefix.empty() || limit == 0) return {};
  std::vector<Completion> out;
  std::vector<std::vector<std::uint32_t>> taken(layers.size());  // suggestions offered, by layer
  // Each layer's best completions of `p` (its entries in `within`, all by default).
  auto collect_all = [&](std::string_view p, double bonus, std::size_t want,
                         const std::vector<std::pair<std::size_t, std::size_t>>* within) {
    for (std::size_t i = 0; i < layers.size(); ++i) {
      const Autocomplete& ac = *layers[i].ac;
      if (ac.entries_.empty()) continue;
      const auto range = within != nullptr ? (*within)[i] : std::make_pair(std::size_t{0}, ac.entries_.size());
      ac.collect(p, bonus, want, out, taken[i], range, layers[i].hidden);
    }
  };
  collect_all(prefix, 100.0, limit * 2, nullptr);
  const std::size_t last_space = prefix.rfind(' ');
  const std::size_t from = last_space == std::string::npos ? 0 : last_space + 1;  // the last word's start
  const std::size_t last_len = prefix.size() - from;
  // The other spelling of a transliterated name ranks between the prefix as
  // typed and typos: "trif" offers Triphala before Tribulus.
  if (out.size() < limit && last_len >= 3) {
    for (const auto& variant : transliteration_variants(prefix, from)) collect_all(variant, 50.0, limit, nullptr);
  }
  // Typo tolerance only when the prefix as typed finds (almost) nothing: it is
  // the expensive path (hundreds of variant prefixes).
  if (out.size() < std::min<std::size_t>(limit, 2) && last_len >= 4) {
    // Variants share the typed text before their edit: search only its range.
    std::size_t shared = std::string::npos;
    std::vector<std::pair<std::size_t, std::size_t>> ranges(layers.size());
    for (const auto& variant : one_edit_variants(prefix, from)) {
      std::size_t same = 0;
      while (same < variant.size() && same < prefix.size() && variant[same] == prefix[same]) ++same;
      if (same != shared) {
        shared = same;
        for (std::size_t i = 0; i < layers.size(); ++i) {
          const Autocomplete& ac = *layers[i].ac;
          ranges[i] = ac.range_of(std::string_view(prefix).substr(0, same), 0, ac.entries_.size());
        }
      }
      collect_all(variant, 0.0, limit, &ranges);
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Completion& a, const Completion& b) { return a.score > b.score; });
  // One entry per visible text (a past query and a product may read the same).
  std::vector<Completion> unique;
  std::unordered_set<std::string> shown;
  for (auto& c : out) {
    if (unique.size() >= limit) break;
    if (shown.insert(text::normalize(c.text)).second) unique.push_back(std::move(c));
  }
  return unique;
}

std::vector<Completion> LayeredAutocomplete::complete(std::string_view query, std::size_t limit) const {
  std::vector<Autocomplete::Layer> layers{{shared_.get(), hidden_.empty() ? nullptr : &hidden_}};
  if (delta_) layers.push_back({delta_.get(), nullptr});
  return Autocomplete::complete(layers, query, limit);
}

}  // namespace ayc::search
