// Fuzz target: how search_logs rows are encoded for PostgreSQL, read back
// through a real COPY text decoder (copy_text.h).
//
// server/search_log/store.cpp writes each batch as COPY text: every field
// through text::append_copy_field (common/text.h), the text columns first
// made storable (valid UTF-8 without NUL, to_valid_utf8 otherwise;
// session_id cut to 100 characters), NULL as \N, tab between fields, newline
// after the row. Its multi-row INSERT fallback sends the same storable values
// as libpq text parameters (C strings). That formatting is private to
// store.cpp (CopyRowFormatter, storable_text); this target rebuilds the row
// line from the same public pieces in the same order.
//
// The input: the first byte chooses which optional fields are present, then
// length-prefixed id, user_id, query, session_id, ip_address, user_agent and
// four bytes of results_count; what is left is also encoded alone as one field.
// Invariants:
//   - append_copy_field(x) for any bytes has no raw tab, newline or carriage
//     return, is never \N, and decodes back to exactly x (the escape loses
//     nothing, NUL bytes included);
//   - the row line decodes to exactly 8 fields: the storable texts, NULL
//     where a value is absent, the results_count digits;
//   - the storable texts are what PostgreSQL accepts as text (valid UTF-8,
//     no NUL: as a COPY field and as a C-string INSERT parameter alike), are
//     the input itself when that was acceptable, and session_id has at most
//     100 characters.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/json_text.h"
#include "common/text.h"
#include "common/uuid.h"
#include "tests/fuzz/copy_text.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

using ayc::fuzz::escaped;
namespace text = ayc::text;

constexpr std::size_t kSessionIdChars = 100;  // search_logs.session_id VARCHAR(100), as in store.cpp

// store.cpp's storable_text(), from its documented rule.
std::string storable_text(const std::string& value) {
  if (text::is_valid_utf8(value) && value.find('\0') == std::string::npos) return value;
  return text::to_valid_utf8(value);
}

void check_field_round_trip(const std::string& value) {
  std::string encoded;
  text::append_copy_field(encoded, value);
  AYC_FUZZ_CHECK(encoded.find_first_of("\t\n\r") == std::string::npos,
                 "a raw tab, newline or carriage return survived: " + escaped(encoded));
  const auto decoded = ayc::fuzz::decode_copy_field(encoded);
  AYC_FUZZ_CHECK(decoded.has_value(), "the encoded field is malformed COPY text: " + escaped(encoded));
  AYC_FUZZ_CHECK(decoded->has_value(), "a value was encoded as NULL: " + escaped(value));
  AYC_FUZZ_CHECK(**decoded == value, "COPY round trip changed '" + escaped(value) + "' into '" + escaped(**decoded) +
                                         "' (encoded '" + escaped(encoded) + "')");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ayc::fuzz::ByteReader in(data, size);
  const std::uint8_t present = in.byte();
  const std::string id = in.text(64);
  const std::optional<std::string> user_id = (present & 1) ? std::optional(in.text(64)) : std::nullopt;
  const std::string query = in.text(1024);
  const std::optional<std::string> session_id = (present & 2) ? std::optional(in.text(512)) : std::nullopt;
  const std::optional<std::string> ip_address = (present & 4) ? std::optional(in.text(64)) : std::nullopt;
  const std::optional<std::string> user_agent = (present & 8) ? std::optional(in.text(1024)) : std::nullopt;
  const std::int32_t results_count = in.integer<std::int32_t>();
  const std::string tail = in.rest();

  for (const std::string* v : {&id, &query, &tail}) check_field_round_trip(*v);
  for (const auto* v : {&user_id, &session_id, &ip_address, &user_agent})
    if (*v) check_field_round_trip(**v);

  // The storable values (store.cpp's storable() and CopyRowFormatter::append).
  const bool user_known = user_id && ayc::is_uuid(*user_id);  // the writer also asks PostgreSQL; assume it exists
  const std::string stored_query = storable_text(query);
  std::optional<std::string> stored_session;
  if (session_id) stored_session = std::string(text::truncate_utf8(storable_text(*session_id), kSessionIdChars));
  const bool has_ip = ip_address && !ip_address->empty();
  std::optional<std::string> stored_agent;
  if (user_agent) stored_agent = storable_text(*user_agent);
  const std::string timestamp = "2024-05-01 10:20:30.123456+00";

  AYC_FUZZ_CHECK(ayc::fuzz::copy_text_acceptable(stored_query), "query not storable: " + escaped(stored_query));
  if (ayc::fuzz::copy_text_acceptable(query)) AYC_FUZZ_CHECK(stored_query == query, "acceptable query changed");
  if (stored_session) {
    AYC_FUZZ_CHECK(ayc::fuzz::copy_text_acceptable(*stored_session) && text::utf8_length(*stored_session) <= kSessionIdChars,
                   "session_id not storable: " + escaped(*stored_session));
  }
  if (stored_agent) {
    AYC_FUZZ_CHECK(ayc::fuzz::copy_text_acceptable(*stored_agent), "user_agent not storable: " + escaped(*stored_agent));
    if (ayc::fuzz::copy_text_acceptable(*user_agent)) AYC_FUZZ_CHECK(*stored_agent == *user_agent, "acceptable user_agent changed");
  }

  std::string line;
  text::append_copy_field(line, id);
  line += '\t';
  if (user_known) {
    line += ayc::lowercase_uuid(*user_id);
  } else {
    line += "\\N";
  }
  line += '\t';
  text::append_copy_field(line, stored_query);
  line += '\t';
  line += std::to_string(results_count);
  line += '\t';
  if (stored_session) {
    text::append_copy_field(line, *stored_session);
  } else {
    line += "\\N";
  }
  line += '\t';
  if (has_ip) {
    text::append_copy_field(line, *ip_address);
  } else {
    line += "\\N";
  }
  line += '\t';
  if (stored_agent) {
    text::append_copy_field(line, *stored_agent);
  } else {
    line += "\\N";
  }
  line += '\t';
  line += timestamp;

  const auto fields = ayc::fuzz::decode_copy_line(line);
  AYC_FUZZ_CHECK(fields.has_value(), "the row line is not one COPY row: " + escaped(line));
  AYC_FUZZ_CHECK(fields->size() == 8, "the row line has " + std::to_string(fields->size()) + " fields: " + escaped(line));
  const auto& f = *fields;
  AYC_FUZZ_CHECK(f[0] == id, "id read back as something else");
  AYC_FUZZ_CHECK(user_known ? f[1] == ayc::lowercase_uuid(*user_id) : !f[1].has_value(), "user_id read back wrong");
  AYC_FUZZ_CHECK(f[2] == stored_query, "query read back as '" + escaped(f[2].value_or("NULL")) + "'");
  AYC_FUZZ_CHECK(f[3] == std::to_string(results_count), "results_count read back wrong");
  AYC_FUZZ_CHECK(f[4] == stored_session, "session_id read back wrong");
  AYC_FUZZ_CHECK(has_ip ? f[5] == *ip_address : !f[5].has_value(), "ip_address read back wrong");
  AYC_FUZZ_CHECK(f[6] == stored_agent, "user_agent read back wrong");
  AYC_FUZZ_CHECK(f[7] == timestamp, "created_at read back wrong");
  return 0;
}
