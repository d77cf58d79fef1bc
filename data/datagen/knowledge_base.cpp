#include "data/datagen/knowledge_base.h"

#include <algorithm>

#include "common/text.h"

namespace ayc::datagen {

KnowledgeBase::KnowledgeBase(std::vector<Herb> herbs) : herbs_(std::move(herbs)) {
  std::sort(herbs_.begin(), herbs_.end(),
            [](const Herb& a, const Herb& b) { return a.canonical_name < b.canonical_name; });
  for (std::size_t i = 0; i < herbs_.size(); ++i) {
    names_.push_back(collect_names(i));
    auto entry = static_cast<std::uint32_t>(i);
    for (const std::string& n : names(i)) index_.add(n, entry, n == herbs_[i].canonical_name);
  }
}

std::optional<std::size_t> KnowledgeBase::find(std::string_view name) const {
  std::string key = text::normalize(name);
  if (auto entry = index_.find_normalized(key)) return *entry;
  // "Loha Bhasma" may be listed as "Loha"; "Til Oil" as "Til".
  for (std::string_view suffix : {" bhasma", " oil", " powder"}) {
    if (key.size() > suffix.size() && key.ends_with(suffix)) {
      if (auto entry = index_.find_normalized(key.substr(0, key.size() - suffix.size()))) return *entry;
    }
  }
  return std::nullopt;
}

std::vector<std::string> KnowledgeBase::collect_names(std::size_t i) const {
  const Herb& h = herbs_[i];
  std::vector<std::string> out;
  auto add = [&](const std::string& n) {
    if (n.empty()) return;
    for (const auto& existing : out) {
      if (text::normalize(existing) == text::normalize(n)) return;
    }
    out.push_back(n);
  };
  add(h.canonical_name);
  add(h.sanskrit_name);
  add(h.hindi_name);
  add(h.english_name);
  add(h.botanical_name);
  for (const auto& o : h.other_names) add(o);
  return out;
}

}  // namespace ayc::datagen
