// What a search-log row or click should look like after a trip through the
// spool (server/search_log/spool.cpp): text fields go through json_quote,
// so they come back as text::to_valid_utf8 of what was written (invalid
// UTF-8 replaced by U+FFFD, NUL bytes dropped); created_at is kept in
// microseconds; everything else exactly.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "common/json_text.h"
#include "server/search_log/row.h"
#include "tests/fuzz/fuzz_support.h"

namespace ayc::fuzz {

inline std::optional<std::string> spooled_text(const std::optional<std::string>& v) {
  if (!v) return std::nullopt;
  return text::to_valid_utf8(*v);
}

inline search_log::SearchLogRow spooled(const search_log::SearchLogRow& row) {
  search_log::SearchLogRow out = row;
  out.id = text::to_valid_utf8(row.id);
  out.query = text::to_valid_utf8(row.query);
  out.user_id = spooled_text(row.user_id);
  out.session_id = spooled_text(row.session_id);
  out.ip_address = spooled_text(row.ip_address);
  out.user_agent = spooled_text(row.user_agent);
  out.created_at = std::chrono::system_clock::time_point(
      std::chrono::duration_cast<std::chrono::microseconds>(row.created_at.time_since_epoch()));
  return out;
}

inline std::string describe(const std::optional<std::string>& v) { return v ? "'" + escaped(*v) + "'" : "null"; }

// Empty when equal, otherwise the first field that differs.
inline std::string row_difference(const search_log::SearchLogRow& want, const search_log::SearchLogRow& got) {
  if (want.id != got.id) return "id: want '" + escaped(want.id) + "' got '" + escaped(got.id) + "'";
  if (want.query != got.query) return "query: want '" + escaped(want.query) + "' got '" + escaped(got.query) + "'";
  if (want.results_count != got.results_count) {
    return "results_count: want " + std::to_string(want.results_count) + " got " + std::to_string(got.results_count);
  }
  if (want.user_id != got.user_id) return "user_id: want " + describe(want.user_id) + " got " + describe(got.user_id);
  if (want.session_id != got.session_id) {
    return "session_id: want " + describe(want.session_id) + " got " + describe(got.session_id);
  }
  if (want.ip_address != got.ip_address) {
    return "ip_address: want " + describe(want.ip_address) + " got " + describe(got.ip_address);
  }
  if (want.user_agent != got.user_agent) {
    return "user_agent: want " + describe(want.user_agent) + " got " + describe(got.user_agent);
  }
  if (want.created_at != got.created_at) {
    return "created_at: want " + std::to_string(want.created_at.time_since_epoch().count()) + " got " +
           std::to_string(got.created_at.time_since_epoch().count());
  }
  return {};
}

}  // namespace ayc::fuzz
