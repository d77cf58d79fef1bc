#include "recsys/formulation.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "common/text.h"

namespace ayc::recsys {

namespace {

// A text key equal for two products exactly when they are the same
// formulation; empty for a product without any content.
std::string formulation_key(const ItemContent& it) {
  std::string key;
  if (!it.ingredients.empty()) {
    std::vector<std::uint32_t> ids = it.ingredients;
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    key = "i";
    for (auto id : ids) key += ' ' + std::to_string(id);
    return key;
  }
  std::vector<std::string> indications;
  for (const auto& s : it.indications)
    if (std::string n = text::normalize(s); !n.empty()) indications.push_back(std::move(n));
  std::vector<std::uint32_t> categories = it.categories;
  std::string form = text::normalize(it.form);
  if (indications.empty() && categories.empty() && form.empty()) return key;
  std::sort(indications.begin(), indications.end());
  indications.erase(std::unique(indications.begin(), indications.end()), indications.end());
  std::sort(categories.begin(), categories.end());
  categories.erase(std::unique(categories.begin(), categories.end()), categories.end());
  key = "c";
  for (const auto& s : indications) key += '\x1f' + s;
  key += '\x1e';
  for (auto c : categories) key += ' ' + std::to_string(c);
  key += '\x1e' + form;
  return key;
}

}  // namespace

std::vector<std::uint32_t> formulation_groups(std::span<const ItemContent> items) {
  std::vector<std::uint32_t> group(items.size());
  std::unordered_map<std::string, std::uint32_t> ids;
  std::uint32_t next = 0;
  for (std::size_t n = 0; n < items.size(); ++n) {
    std::string key = formulation_key(items[n]);
    if (key.empty()) {
      group[n] = next++;
      continue;
    }
    auto [it, inserted] = ids.try_emplace(std::move(key), next);
    if (inserted) ++next;
    group[n] = it->second;
  }
  return group;
}

}  // namespace ayc::recsys
