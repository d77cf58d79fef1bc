// UUIDs as the server uses them: search ids it hands out, ids it accepts.
//
// The random bits come from the kernel's cryptographic generator (getrandom):
// a search id authorises the click reported against it, so it must not be
// guessable from ids seen before.
//
// Thread-safety: every function may be called from any thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace ayc {

// The 128 bits (`hi` the first 64) in canonical lower-case form.
std::string format_uuid(std::uint64_t hi, std::uint64_t lo);

// A random (version 4) UUID in canonical lower-case form.
std::string new_uuid_v4();

// A time-ordered (version 7, RFC 9562) UUID for something created at `at`:
// the Unix time in milliseconds, then the fraction of the millisecond in
// 12 bits, then 62 random bits. Ids made in time order sort in time order
// (as text and as PostgreSQL uuids, to the microsecond), so search_logs'
// primary key grows at its right edge instead of touching a random page of
// a table that outgrows memory.
std::string new_uuid_v7(std::chrono::system_clock::time_point at);

// True for the canonical 8-4-4-4-12 hex form, either case ("{...}" and
// hyphen-less forms are not accepted, so every UUID we store looks the same).
bool is_uuid(std::string_view text);

// A UUID as PostgreSQL prints it and the index stores it: hex digits in
// lower case (anything else unchanged).
std::string lowercase_uuid(std::string_view id);

}  // namespace ayc
