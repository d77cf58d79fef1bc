// What the server records about a search and a click, as plain values.
//
// Thread-safety: plain values.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace ayc::search_log {

// Longest user_agent stored (bytes, cut on a character boundary): a client
// cannot make a queued or spooled row large.
inline constexpr std::size_t kMaxUserAgentBytes = 512;

// One row of search_logs. The handler fills it and hands it to
// SearchLogWriter::enqueue(); the writer normalizes the text (invalid UTF-8
// replaced, session_id cut to 100 characters) before storing it.
struct SearchLogRow {
  std::string id;  // new_uuid_v7(created_at): the search_id returned to the client
  std::string query;
  std::int32_t results_count = 0;
  // As the client sent it; stored as NULL unless it is the id of an existing user.
  std::optional<std::string> user_id;
  std::optional<std::string> session_id;
  std::optional<std::string> ip_address;  // HttpRequest::remote_ip
  std::optional<std::string> user_agent;  // at most kMaxUserAgentBytes
  std::chrono::system_clock::time_point created_at;  // HttpRequest::received_at
};

// POST /events/click: set clicked_product_id (and clicked_position) on search `search_id`.
struct SearchClick {
  std::string search_id;   // canonical UUID text
  std::string product_id;  // canonical UUID text
  std::optional<int> position;  // 1-based place of the hit in the result list, when the page says
};

inline constexpr int kMaxClickPosition = 10000;

// A click waiting for its search row, with the write cycles it has waited
// (kept across spooling, so a click whose search never arrives is given up).
struct PendingClick {
  SearchClick click;
  int attempts = 0;
};

// What a row holds in memory, about: its strings and the struct itself.
std::size_t row_bytes(const SearchLogRow& row);

}  // namespace ayc::search_log
