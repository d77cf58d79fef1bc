#include "server/search_log/row.h"

namespace ayc::search_log {

std::size_t row_bytes(const SearchLogRow& row) {
  auto optional = [](const std::optional<std::string>& s) { return s ? s->size() : 0; };
  return sizeof(SearchLogRow) + row.id.size() + row.query.size() + optional(row.user_id) + optional(row.session_id) +
         optional(row.ip_address) + optional(row.user_agent);
}

}  // namespace ayc::search_log
