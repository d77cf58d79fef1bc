// Fuzz target: the body of POST /events/click,
// server/search_log/click_event.h parse_click_event().
//
// The input is the request body. Invariants:
//   - it never crashes or throws, for any bytes;
//   - a parsed click has two canonical lower-case UUIDs (is_uuid, and
//     lowercase_uuid leaves them as they are), and they are what an
//     independent reading of the body (simdjson DOM: an object with exactly
//     one string "search_id" and one string "product_id") finds, lower-cased;
//     its position is the body's one "position" (a whole number 1-10000, or
//     null / absent for none), and a click with another position is refused;
//     a body that is no JSON object is always refused;
//   - a refusal is InvalidArgument, and its 400 answer is valid JSON;
//   - a parsed click survives the spool: encode_spool_click, read back by
//     SearchLogSpool::read from a file, gives the same ids.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>
#include <string_view>

#include <simdjson.h>

#include "common/uuid.h"
#include "server/http/error_response.h"
#include "server/search_log/click_event.h"
#include "server/search_log/spool.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

using ayc::fuzz::escaped;

// The one string value of `name`, when there is exactly one field of that name and it is a string.
std::optional<std::string_view> only_string(simdjson::dom::object obj, std::string_view name) {
  int seen = 0;
  std::string_view value;
  bool is_string = false;
  for (auto field : obj) {
    if (field.key != name) continue;
    ++seen;
    is_string = field.value.get_string().get(value) == simdjson::SUCCESS;
  }
  if (seen != 1 || !is_string) return std::nullopt;
  return value;
}

// The body's position as parse_click_event must read it: nullopt inside for
// none (absent or null), nullopt outside when it is unacceptable.
std::optional<std::optional<int>> expected_position(simdjson::dom::object obj) {
  int seen = 0;
  std::optional<int> position;
  bool acceptable = true;
  for (auto field : obj) {
    if (field.key != "position") continue;
    ++seen;
    std::int64_t v = 0;
    if (field.value.is_null()) {
      position.reset();
    } else if (field.value.get_int64().get(v) == simdjson::SUCCESS && v >= 1 &&
               v <= ayc::search_log::kMaxClickPosition) {
      position = static_cast<int>(v);
    } else {
      acceptable = false;
    }
  }
  if (seen > 1 || !acceptable) return std::nullopt;
  return position;
}

const std::filesystem::path& spool_file() {
  static const std::filesystem::path path = ayc::fuzz::scratch_dir("click") / "click.spool";
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  ayc::Result<ayc::search_log::SearchClick> click = ayc::Status::Internal("not parsed");
  try {
    click = ayc::search_log::parse_click_event(body);
  } catch (const std::exception& e) {
    AYC_FUZZ_CHECK(false, std::string("parse_click_event threw ") + e.what());
  }

  simdjson::dom::parser parser;
  simdjson::dom::object obj;
  const bool is_object = parser.parse(body.data(), body.size(), true).get_object().get(obj) == simdjson::SUCCESS;

  if (!click.ok()) {
    AYC_FUZZ_CHECK(click.status().code() == ayc::StatusCode::kInvalidArgument,
                   "a refused click is not InvalidArgument: " + click.status().to_string());
    const ayc::http::HttpResponse answer = ayc::http::error_response(click.status());
    AYC_FUZZ_CHECK(answer.status == 400, "a refused click is not a 400");
    simdjson::dom::parser answer_parser;
    simdjson::dom::element doc;
    AYC_FUZZ_CHECK(answer_parser.parse(answer.body).get(doc) == simdjson::SUCCESS,
                   "the 400 answer is not JSON: " + escaped(answer.body));
    if (is_object) {
      // Refused although the body is an object: one of the ids must be missing,
      // repeated or malformed, or the position unacceptable.
      const auto search_id = only_string(obj, "search_id");
      const auto product_id = only_string(obj, "product_id");
      AYC_FUZZ_CHECK(!search_id || !product_id || !ayc::is_uuid(*search_id) || !ayc::is_uuid(*product_id) ||
                         !expected_position(obj),
                     "a well-formed click was refused: " + click.status().to_string() + " body " + escaped(body));
    }
    return 0;
  }

  AYC_FUZZ_CHECK(is_object, "a body that is no JSON object was accepted: " + escaped(body));
  const ayc::search_log::SearchClick& c = *click;
  for (const std::string* id : {&c.search_id, &c.product_id}) {
    AYC_FUZZ_CHECK(ayc::is_uuid(*id) && ayc::lowercase_uuid(*id) == *id, "not a canonical lower-case UUID: " + escaped(*id));
  }
  const auto search_id = only_string(obj, "search_id");
  const auto product_id = only_string(obj, "product_id");
  AYC_FUZZ_CHECK(search_id && ayc::lowercase_uuid(*search_id) == c.search_id,
                 "search_id is not the body's: " + escaped(body));
  AYC_FUZZ_CHECK(product_id && ayc::lowercase_uuid(*product_id) == c.product_id,
                 "product_id is not the body's: " + escaped(body));
  const auto position = expected_position(obj);
  AYC_FUZZ_CHECK(position && *position == c.position, "position is not the body's: " + escaped(body));

  // Through the spool and back.
  {
    std::ofstream out(spool_file(), std::ios::binary | std::ios::trunc);
    out << ayc::search_log::encode_spool_click({c, 3}) << '\n';
  }
  auto contents = ayc::search_log::SearchLogSpool::read(spool_file());
  AYC_FUZZ_CHECK(contents.ok() && contents->clicks.size() == 1 && contents->rows.empty() &&
                     contents->malformed_lines == 0,
                 "a spooled click does not read back");
  AYC_FUZZ_CHECK(contents->clicks[0].click.search_id == c.search_id &&
                     contents->clicks[0].click.product_id == c.product_id &&
                     contents->clicks[0].click.position == c.position && contents->clicks[0].attempts == 3,
                 "a spooled click reads back changed");
  return 0;
}
