// GET /search and GET /autocomplete: parameters in, engine call, JSON out.
//
// Parameter validation turns every malformed value into an InvalidArgument
// naming the parameter (a 400 from the router); the engine lives in
// server/search/. /search hands one row per request to the search log writer.
//
// Thread-safety: handlers are safe to call concurrently.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/status.h"
#include "server/api/answer_cache.h"
#include "server/http/http_message.h"
#include "server/http/router.h"
#include "server/search/search_types.h"
#include "server/search/searcher.h"
#include "server/search/snapshot_holder.h"
#include "server/search_log/writer.h"

namespace ayc::api {

struct SearchServices {
  search::SnapshotHolder* index = nullptr;
  search_log::SearchLogWriter* search_log = nullptr;  // may be null: nothing logged
  const AnswerCache* answers = nullptr;               // may be null: autocomplete answers rendered every time
};

// The parameters of GET /search as an engine request.
Result<search::SearchRequest> parse_search_request(const http::HttpRequest& req);
std::string render_search_json(const search::SearchResult& r, const search::SearchRequest& req,
                               const std::string& search_id, double took_ms);

// Queues the search_logs row of a search answered to `req` (never blocks);
// returns the row's id, the answer's search_id.
std::string log_search(search_log::SearchLogWriter& writer, const http::HttpRequest& req, const std::string& query,
                       std::uint64_t total, std::optional<std::string> user_id, std::optional<std::string> session_id);

http::Handler search_handler(SearchServices services);
http::Handler autocomplete_handler(SearchServices services);

}  // namespace ayc::api
