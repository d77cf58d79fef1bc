// UUIDs as the server uses them: search ids it hands out, ids it accepts.
//
// Thread-safety: new_uuid_v4() uses a per-thread generator seeded from
// std::random_device; both functions may be called from any thread.
#pragma once

#include <string>
#include <string_view>

namespace ayc::server {

// A random (version 4) UUID in canonical lower-case form.
std::string new_uuid_v4();

// True for the canonical 8-4-4-4-12 hex form, either case ("{...}" and
// hyphen-less forms are not accepted, so every UUID we store looks the same).
bool is_uuid(std::string_view text);

// A UUID as PostgreSQL prints it and the index stores it: hex digits in
// lower case (anything else unchanged).
std::string lowercase_uuid(std::string_view id);

}  // namespace ayc::server
