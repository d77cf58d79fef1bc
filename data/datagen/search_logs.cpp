#include "data/datagen/search_logs.h"

#include <algorithm>
#include <cstring>
#include <map>

#include "common/text.h"
#include "data/datagen/content_text.h"

namespace ayc::datagen {

const TableSpec kSearchLogsTable{"search_logs",
                                 {"id", "user_id", "query", "results_count", "clicked_product_id",
                                  "session_id", "ip_address", "user_agent", "created_at"}};

namespace {

struct Intent {
  std::string query;
  std::vector<int> templates;
  int brand = -1;
  bool finds_nothing = false;
};

// What the catalogue offers, indexed for building queries.
class SearchSpace {
 public:
  explicit SearchSpace(const Catalog& c) : c_(c), herb_templates_(c.ref->kb.size()) {
    std::vector<double> tw, hw(c.ref->kb.size(), 0);
    for (std::size_t t = 0; t < c.templates.size(); ++t) {
      const Template& tp = c.templates[t];
      const double n = static_cast<double>(c.template_products[t].size());
      tw.push_back(n > 0 ? tp.popularity : 0);
      for (const auto& ing : tp.ingredients) {
        if (ing.kb < 0) continue;
        herb_templates_[static_cast<std::size_t>(ing.kb)].push_back(static_cast<int>(t));
        hw[static_cast<std::size_t>(ing.kb)] += n > 0 ? tp.popularity : 0;
      }
      for (const auto& ind : tp.indications) by_indication_[ind].push_back(static_cast<int>(t));
      normalized_names_.push_back(text::normalize(tp.name));
    }
    templates_ = Cdf(tw);
    herbs_ = Cdf(hw);
    brand_counts_.assign(brands().size(), 0);
    for (std::uint32_t p : c.popularity_products) ++brand_counts_[c.products[p].brand];
  }

  Intent herb(Rng& rng) const;
  Intent formulation(Rng& rng) const;
  Intent indication(Rng& rng, std::string ind) const;
  Intent any_indication(Rng& rng) const;
  Intent brand(Rng& rng) const;
  Intent misspelling(Rng& rng) const;
  Intent hinglish(Rng& rng) const;
  Intent for_customer(Rng& rng, const CustomerSpec& s, const Regimens& r) const;

  std::int64_t results(const Intent& in) const;
  std::uint32_t click(const Intent& in, Rng& rng) const;  // a product, or UINT32_MAX

 private:
  const Catalog& c_;
  std::vector<std::vector<int>> herb_templates_;
  std::map<std::string, std::vector<int>> by_indication_;
  Cdf templates_;
  Cdf herbs_;
  std::vector<std::uint32_t> brand_counts_;
  std::vector<std::string> normalized_names_;  // of each template, for matching queries

  std::vector<int> matching(const std::string& words) const;
};

std::string casing(Rng& rng, const std::string& q) { return rng.chance(0.82) ? text::normalize(q) : q; }

Intent SearchSpace::herb(Rng& rng) const {
  Intent in;
  if (herbs_.empty()) return formulation(rng);
  const std::size_t h = herbs_.sample(rng);
  const auto& names = c_.ref->kb.names(h);
  const double u = rng.unit();
  const std::size_t pick = u < 0.5 ? 0 : std::min<std::size_t>(names.size() - 1, 1 + rng.below(names.size()));
  in.query = casing(rng, std::string(names[pick % names.size()]));
  if (rng.chance(0.35)) in.query += " " + std::string(query_modifiers()[rng.below(query_modifiers().size())]);
  in.templates = herb_templates_[h];
  return in;
}

Intent SearchSpace::formulation(Rng& rng) const {
  Intent in;
  const int t = static_cast<int>(templates_.sample(rng));
  const Template& tp = c_.templates[static_cast<std::size_t>(t)];
  std::string name = tp.kind == TemplateKind::kHerb && !tp.title_names.empty() ? tp.title_names[0] : tp.name;
  if (!tp.aliases.empty() && rng.chance(0.3)) name = tp.aliases[rng.below(tp.aliases.size())];
  if (!tp.kerala_name.empty() && rng.chance(0.15)) name = tp.kerala_name;
  in.templates = {t};
  if (rng.chance(0.2)) {
    const auto& list = c_.template_products[static_cast<std::size_t>(t)];
    in.brand = c_.products[list[rng.below(list.size())]].brand;
    name = std::string(brands()[static_cast<std::size_t>(in.brand)].short_name) + " " + name;
  }
  in.query = casing(rng, name);
  return in;
}

Intent SearchSpace::indication(Rng& rng, std::string ind) const {
  Intent in;
  auto templates = indication_query_templates();
  std::string q = templates[rng.below(templates.size())];
  q.replace(q.find("{ind}"), 5, ind);
  in.query = q;
  if (auto it = by_indication_.find(ind); it != by_indication_.end()) in.templates = it->second;
  return in;
}

Intent SearchSpace::any_indication(Rng& rng) const {
  const Template& tp = c_.templates[templates_.sample(rng)];
  if (tp.indications.empty()) return formulation(rng);
  return indication(rng, tp.indications[rng.below(tp.indications.size())]);
}

Intent SearchSpace::brand(Rng& rng) const {
  Intent in;
  in.brand = static_cast<int>(rng.below(brands().size()));
  in.query = casing(rng, brands()[static_cast<std::size_t>(in.brand)].short_name);
  if (rng.chance(0.15)) in.query += " products";
  return in;
}

std::vector<int> SearchSpace::matching(const std::string& words) const {
  std::vector<int> out;
  for (std::size_t t = 0; t < normalized_names_.size(); ++t) {
    if (normalized_names_[t].find(words) != std::string::npos) out.push_back(static_cast<int>(t));
  }
  return out;
}

// A typing slip in a product or herb name: a dropped, doubled or swapped
// letter, or a spelling by sound ("sh" -> "s", "aa" -> "a", "v" -> "w").
std::string typo(std::string q, Rng& rng) {
  static const std::pair<const char*, const char*> kSounds[] = {{"sh", "s"}, {"aa", "a"}, {"v", "w"}, {"w", "v"},
                                                                {"ph", "f"}, {"ee", "i"}, {"dh", "d"}, {"th", "t"}};
  const std::uint64_t kind = rng.below(4);
  if (kind == 3) {
    for (int attempt = 0; attempt < 4; ++attempt) {
      const auto& [from, to] = kSounds[rng.below(std::size(kSounds))];
      if (auto at = q.find(from); at != std::string::npos) return q.replace(at, std::strlen(from), to);
    }
  }
  if (q.size() < 5) return q + q.back();
  const std::size_t at = 1 + rng.below(q.size() - 3);
  if (kind == 0) return q.erase(at, 1);
  if (kind == 1) return q.insert(at, 1, q[at]);
  std::swap(q[at], q[at + 1]);
  return q;
}

Intent SearchSpace::misspelling(Rng& rng) const {
  if (rng.chance(0.5)) {  // a slip in whatever the shopper meant to type
    Intent in = rng.chance(0.5) ? herb(rng) : formulation(rng);
    in.query = typo(text::normalize(in.query), rng);
    if (rng.chance(0.5)) in.finds_nothing = true;
    return in;
  }
  const auto& [typo_text, correct] = query_misspellings()[rng.below(query_misspellings().size())];
  Intent in;
  in.query = typo_text;
  in.finds_nothing = rng.chance(0.5);  // no spelling correction in the old site search
  if (!in.finds_nothing) in.templates = matching(correct);
  return in;
}

Intent SearchSpace::hinglish(Rng& rng) const {
  const auto& [query, ind] = query_hinglish()[rng.below(query_hinglish().size())];
  Intent in = indication(rng, ind);
  in.query = query;
  in.finds_nothing = rng.chance(0.6);
  return in;
}

Intent SearchSpace::for_customer(Rng& rng, const CustomerSpec& s, const Regimens& r) const {
  const auto& slots = r.slots[s.condition];
  if (slots.empty()) return any_indication(rng);
  const auto& slot = slots[rng.below(slots.size())];
  const Template& tp = c_.templates[static_cast<std::size_t>(slot[rng.below(slot.size())])];
  if (!tp.indications.empty() && rng.chance(0.4)) {  // the symptom rather than the product
    return indication(rng, tp.indications[rng.below(std::min<std::size_t>(2, tp.indications.size()))]);
  }
  Intent in;
  in.query = casing(rng, tp.kind == TemplateKind::kHerb && !tp.title_names.empty()
                             ? tp.title_names[0] + " " + group_content(tp.group).key
                             : tp.name);
  in.templates = matching(text::normalize(tp.name));
  return in;
}

std::int64_t SearchSpace::results(const Intent& in) const {
  if (in.finds_nothing) return 0;
  if (in.templates.empty()) return in.brand >= 0 ? brand_counts_[static_cast<std::size_t>(in.brand)] : 0;
  std::int64_t n = 0;
  for (int t : in.templates) {
    const auto& list = c_.template_products[static_cast<std::size_t>(t)];
    if (in.brand < 0) {
      n += static_cast<std::int64_t>(list.size());
      continue;
    }
    for (std::uint32_t p : list) n += c_.products[p].brand == in.brand ? 1 : 0;
  }
  return n;
}

std::uint32_t SearchSpace::click(const Intent& in, Rng& rng) const {
  for (int attempt = 0; attempt < 20; ++attempt) {
    std::uint32_t p = 0;
    if (in.templates.empty()) {
      p = c_.popularity_products[c_.popularity.sample(rng)];
    } else {
      const auto& list = c_.template_products[static_cast<std::size_t>(in.templates[rng.below(in.templates.size())])];
      if (list.empty()) continue;
      std::size_t i = 0;
      while (i + 1 < list.size() && rng.chance(0.5)) ++i;
      p = list[i];
    }
    if (in.brand < 0 || c_.products[p].brand == in.brand) return p;
  }
  return UINT32_MAX;
}

std::string ip_for(Rng& rng, std::string_view country) {
  static const std::pair<const char*, const char*> kPrefixes[] = {
      {"IN", "49.|103.|106.|117.|157."}, {"US", "73.|24.|98.|174."}, {"GB", "81.|86.|90."},
      {"AE", "94.|5.|91."},              {"CA", "99.|142."},          {"AU", "101.|110."},
      {"SG", "116.|175."},               {"DE", "84.|91.|93."}};
  std::string prefix = "1.";
  for (const auto& [code, list] : kPrefixes) {
    if (country == code) {
      auto options = split_list(list);
      prefix = std::string(options[rng.below(options.size())]);
    }
  }
  const auto b = std::to_string(rng.between(0, 255));
  const auto c = std::to_string(rng.between(0, 255));
  return prefix + b + "." + c + "." + std::to_string(rng.between(1, 254));
}

std::string session_id(Rng& rng) {
  static const char kHex[] = "0123456789abcdef";
  std::string s;
  for (int i = 0; i < 32; ++i) s.push_back(kHex[rng.below(16)]);
  return s;
}

}  // namespace

void write_search_logs(const OrderPlanner& planner, std::int64_t count, RowSink& out) {
  const Catalog& c = planner.catalog();
  const Customers& cs = planner.customers();
  const SearchSpace space(c);
  Row row;
  for (std::int64_t i = 0; i < count; ++i) {
    Rng rng(c.seed, Stream::kSearchLog, static_cast<std::uint64_t>(i));
    const bool logged_in = !cs.specs.empty() && rng.chance(0.45);
    const auto customer = static_cast<std::uint32_t>(logged_in ? rng.below(cs.specs.size()) : 0);
    const std::int64_t first_day = logged_in ? cs.specs[customer].signup_day : 0;
    const std::int64_t day = rng.between(std::min(first_day, c.window.days() - 1), c.window.days() - 1);
    const double u = rng.unit();
    Intent in = logged_in && u < 0.3    ? space.for_customer(rng, cs.specs[customer], planner.regimens_resolved())
                : u < 0.25             ? space.herb(rng)
                : u < 0.45             ? space.formulation(rng)
                : u < 0.63             ? space.any_indication(rng)
                : u < 0.71             ? space.brand(rng)
                : u < 0.83             ? space.misspelling(rng)
                : u < 0.88             ? space.hinglish(rng)
                : u < 0.97             ? space.formulation(rng)
                                       : Intent{nonsense_queries()[rng.below(nonsense_queries().size())], {}, -1, true};
    const std::int64_t results = space.results(in);
    const std::uint32_t clicked = results > 0 && rng.chance(0.42) ? space.click(in, rng) : UINT32_MAX;
    const std::string country = logged_in ? country_of(cs.specs[customer]).code : rng.chance(0.75) ? "IN" : "US";
    const std::int64_t hour = std::clamp<std::int64_t>(static_cast<std::int64_t>(rng.normal(15, 5)), 0, 23);
    std::int64_t at = c.window.start_seconds() + day * kSecondsPerDay + hour * 3600;
    at += rng.between(0, 3599);
    if (logged_in) at = std::max(at, customer_created_at(c, cs.specs[customer], customer) + 60);
    at = std::min(at, c.window.end_seconds() - 1);
    row.clear();
    row.uuid(make_uuid(c.seed, Stream::kSearchLog, static_cast<std::uint64_t>(i)));
    if (logged_in) {
      row.uuid(make_uuid(c.seed, Stream::kUser, customer));
    } else {
      row.null();
    }
    row.text(in.query).integer(results);
    if (clicked != UINT32_MAX) {
      row.uuid(make_uuid(c.seed, Stream::kProduct, clicked));
    } else {
      row.null();
    }
    row.text(session_id(rng)).text(ip_for(rng, country)).text(user_agents()[rng.below(user_agents().size())])
        .timestamp(at);
    out.put(row);
  }
}

}  // namespace ayc::datagen
