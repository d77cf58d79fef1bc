// Opening PostgreSQL connections with errors people can act on.
//
// This is the only common file that sees libpqxx; components that talk to
// PostgreSQL keep their queries in their own adapter files.
//
// Thread-safety: a pqxx::connection must be used by one thread at a time.
#pragma once

#include <memory>
#include <string>

#include <pqxx/pqxx>

#include "common/status.h"

namespace ayc::pg {

// Connects to `url` (any libpq connection string). On failure returns
// Unavailable with libpq's reason and a hint, never the password.
Result<std::unique_ptr<pqxx::connection>> connect(const std::string& url);

// The URL with any password replaced by "***", for logs and messages.
std::string redact(const std::string& url);

// A failed query as a Status saying what to do, `doing` first ("reading
// reference data: ..."): a missing grant is InvalidArgument (connect as a
// role granted ayurvedacart_indexer or ayurvedacart_server), a missing table
// or column FailedPrecondition (apply data/migrations/), anything else
// (connection lost, server shutting down) Unavailable.
Status query_error(const std::exception& e, const std::string& doing);

}  // namespace ayc::pg
