#include "common/pg.h"


namespace ayc::pg {

std::string redact(const std::string& url) {
  std::string out = url;
  // URI form: scheme://user:password@host
  if (auto scheme = out.find("://"); scheme != std::string::npos) {
    auto at = out.find('@', scheme + 3);
    auto colon = out.find(':', scheme + 3);
    if (at != std::string::npos && colon != std::string::npos && colon < at) {
      out.replace(colon + 1, at - colon - 1, "***");
    }
  }
  // key=value form: password=secret or password='se cret'
  for (auto pos = out.find("password"); pos != std::string::npos; pos = out.find("password", pos + 1)) {
    auto eq = out.find_first_not_of(" ", pos + 8);
    if (eq == std::string::npos || out[eq] != '=') continue;
    auto start = out.find_first_not_of(" ", eq + 1);
    if (start == std::string::npos) break;
    auto end = out[start] == '\'' ? out.find('\'', start + 1) : out.find(' ', start);
    end = end == std::string::npos ? out.size() : end + (out[start] == '\'' ? 1 : 0);
    out.replace(start, end - start, "***");
  }
  return out;
}

Result<std::unique_ptr<pqxx::connection>> connect(const std::string& url) {
  if (url.empty()) {
    return Status::InvalidArgument("no PostgreSQL connection string: pass --pg URL or set AYURVEDACART_PG");
  }
  try {
    auto conn = std::make_unique<pqxx::connection>(url);
    return conn;
  } catch (const std::exception& e) {
    std::string reason = e.what();
    while (!reason.empty() && (reason.back() == '\n' || reason.back() == ' ')) reason.pop_back();
    return Status::Unavailable("cannot connect to PostgreSQL at " + redact(url) + ": " + reason +
                               " (is it running? scripts/pg.sh start brings up the local one)");
  }
}

Status query_error(const std::exception& e, const std::string& doing) {
  const std::string what = doing + ": " + e.what();
  if (dynamic_cast<const pqxx::insufficient_privilege*>(&e) != nullptr) {
    return Status::InvalidArgument(what + " (the role connected lacks a grant: connect as a login role granted "
                                   "ayurvedacart_indexer or ayurvedacart_server, whose grants data/schema.sql and "
                                   "data/migrations/ set)");
  }
  if (dynamic_cast<const pqxx::undefined_table*>(&e) != nullptr ||
      dynamic_cast<const pqxx::undefined_column*>(&e) != nullptr) {
    return Status::FailedPrecondition(what + " (the database's schema is older than this program: apply "
                                      "data/migrations/, which scripts/pg.sh start does)");
  }
  return Status::Unavailable(what);
}

}  // namespace ayc::pg
