// Diagnostic lines on stderr: "ayurvedacart-server: <message>".
//
// For start-up problems, state changes (PostgreSQL lost/back) and bugs caught
// at the request boundary - not per-request logging (that is the access log).
//
// Thread-safety: each line is one write(2), so lines from threads do not mix.
#pragma once

#include <string_view>

namespace ayc::server {

void log_line(std::string_view message);

}  // namespace ayc::server
