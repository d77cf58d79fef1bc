// An in-memory SearchLogStore for writer and route tests: it can be switched
// "down" (Unavailable, like PostgreSQL gone) and told which rows PostgreSQL
// would reject. Known search ids and product ids decide click outcomes.
#pragma once

#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "server/search_log/store.h"

namespace ayc::testing {

class FakeStore final : public search_log::SearchLogStore {
 public:
  struct State {
    std::mutex mu;
    std::map<std::string, search_log::SearchLogRow> rows;           // by id, like the primary key
    std::map<std::string, std::string> clicked;         // search id -> product id
    std::set<std::string> products;
    std::set<std::string> rejected_ids;                 // rows PostgreSQL would refuse
    std::atomic<bool> up{true};
    std::atomic<int> insert_calls{0};

    std::size_t row_count() {
      std::lock_guard lock(mu);
      return rows.size();
    }
    std::string clicked_product(const std::string& search_id) {
      std::lock_guard lock(mu);
      auto it = clicked.find(search_id);
      return it == clicked.end() ? "" : it->second;
    }
  };

  explicit FakeStore(State& state) : s_(state) {}

  Status ping() override { return s_.up ? Status::Ok() : Status::Unavailable("fake store is down"); }

  Status insert_rows(const std::vector<search_log::SearchLogRow>& rows) override {
    ++s_.insert_calls;
    if (!s_.up) return Status::Unavailable("fake store is down");
    std::lock_guard lock(s_.mu);
    for (const auto& row : rows)
      if (s_.rejected_ids.count(row.id)) return Status::InvalidArgument("rejected row " + row.id);
    for (const auto& row : rows) s_.rows.emplace(row.id, row);
    return Status::Ok();
  }

  Result<std::vector<search_log::ClickOutcome>> apply_clicks(const std::vector<search_log::SearchClick>& clicks) override {
    if (!s_.up) return Status::Unavailable("fake store is down");
    std::lock_guard lock(s_.mu);
    std::vector<search_log::ClickOutcome> out;
    for (const auto& c : clicks) {
      if (!s_.rows.count(c.search_id)) {
        out.push_back(search_log::ClickOutcome::kNoSuchSearch);
      } else if (!s_.products.count(c.product_id)) {
        out.push_back(search_log::ClickOutcome::kNoSuchProduct);
      } else {
        s_.clicked[c.search_id] = c.product_id;
        out.push_back(search_log::ClickOutcome::kApplied);
      }
    }
    return out;
  }

 private:
  State& s_;
};

}  // namespace ayc::testing
