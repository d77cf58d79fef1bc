#include "common/pg.h"

#include <regex>

namespace ayc::pg {

std::string redact(const std::string& url) {
  static const std::regex kUriPassword(R"(://([^:/@]*):[^@]*@)");
  static const std::regex kKeyPassword(R"(password\s*=\s*('[^']*'|\S+))");
  std::string out = std::regex_replace(url, kUriPassword, "://$1:***@");
  return std::regex_replace(out, kKeyPassword, "password=***");
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

}  // namespace ayc::pg
