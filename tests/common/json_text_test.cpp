#include "common/json_text.h"

#include <cstdio>

#include <catch2/catch.hpp>

#include "common/uuid.h"
#include "tests/support/test_json.h"

namespace ayc::text {
namespace {

TEST_CASE("json_quote escapes and always yields valid JSON") {
  CHECK(json_quote("plain") == "\"plain\"");
  CHECK(json_quote("a\"b\\c\n\x01") == "\"a\\\"b\\\\c\\n\\u0001\"");
  CHECK(json_quote("\xE0\xA4\xA4") == "\"\xE0\xA4\xA4\"");
  for (const char* hostile : {"\xff", "\xC0\xAF", "\xED\xA0\x80", "ab\xE0\xA4", "\x7f"}) {
    CHECK(testing::is_valid_json("[" + json_quote(hostile) + "]"));
  }
}

// Escapes byte by byte: what append_json_quoted must give for valid UTF-8.
std::string reference_quote(std::string_view in) {
  std::string out = "\"";
  for (char ch : in) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c == '"') out += "\\\"";
    else if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20 || c == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

TEST_CASE("escaping is the same wherever the special bytes fall in long texts") {
  const std::string specials[] = {"\"", "\\", "\n", "\t", "\x01", "\x1f", "\x7f", "\xE0\xA4\xA4", " ", "~", "\x20"};
  for (std::size_t len = 0; len < 40; ++len) {
    for (const auto& special : specials) {
      for (std::size_t at = 0; at <= len; ++at) {
        std::string text(len, 'a');
        text.insert(at, special);
        INFO(len << " " << at);
        REQUIRE(json_quote(text) == reference_quote(text));
      }
    }
  }
  CHECK(json_quote("Ashwagandha \"KSM-66\" 500 mg\tcapsules, 60's") ==
        "\"Ashwagandha \\\"KSM-66\\\" 500 mg\\tcapsules, 60's\"");
}

TEST_CASE("to_valid_utf8 replaces bad bytes and drops NULs") {
  CHECK(to_valid_utf8("ok") == "ok");
  CHECK(to_valid_utf8(std::string("a\0b", 3)) == "ab");
  CHECK(to_valid_utf8("a\xff" "b") == "a\xEF\xBF\xBD" "b");
}

TEST_CASE("UTF-8 length and truncation count code points") {
  CHECK(utf8_length("\xE0\xA4\xA4x") == 2);
  CHECK(truncate_utf8("\xE0\xA4\xA4xyz", 2) == "\xE0\xA4\xA4x");
  CHECK(truncate_utf8("abc", 10) == "abc");
}

TEST_CASE("truncate_utf8_bytes cuts at a byte bound, never inside a character") {
  CHECK(text::truncate_utf8_bytes("short", 512) == "short");
  CHECK(text::truncate_utf8_bytes("abcdef", 4) == "abcd");
  // "a" then the two-byte "\u00e9" then "b": a bound of 2 falls inside the second character.
  CHECK(text::truncate_utf8_bytes("a\xc3\xa9" "b", 2) == "a");
  CHECK(text::truncate_utf8_bytes("a\xc3\xa9" "b", 3) == "a\xc3\xa9");
  // Four-byte characters: every cut inside one backs off to its start.
  const std::string emoji = "\xf0\x9f\x8c\xbf\xf0\x9f\x8c\xbf";
  for (std::size_t bound = 4; bound < 8; ++bound) CHECK(text::truncate_utf8_bytes(emoji, bound).size() == 4);
  CHECK(text::truncate_utf8_bytes(emoji, 3).empty());
}

TEST_CASE("new_uuid_v4 makes distinct canonical version-4 UUIDs") {
  const std::string a = new_uuid_v4();
  const std::string b = new_uuid_v4();
  CHECK(a != b);
  CHECK(is_uuid(a));
  CHECK(a[14] == '4');
  CHECK((a[19] == '8' || a[19] == '9' || a[19] == 'a' || a[19] == 'b'));
}

TEST_CASE("new_uuid_v7 carries its time and sorts in time order") {
  using namespace std::chrono;
  const system_clock::time_point t0{milliseconds(1'795'564'800'123) + microseconds(500)};
  const std::string a = new_uuid_v7(t0);
  CHECK(is_uuid(a));
  CHECK(a[14] == '7');
  CHECK((a[19] == '8' || a[19] == '9' || a[19] == 'a' || a[19] == 'b'));
  // 48 bits of Unix milliseconds, then the fraction of the millisecond (500 us -> 2048 of 4096).
  CHECK(std::stoull(a.substr(0, 8) + a.substr(9, 4), nullptr, 16) == 1'795'564'800'123ull);
  CHECK(a.substr(15, 3) == "800");
  CHECK(new_uuid_v7(t0) != a);  // the same instant still gives distinct ids
  std::string previous = new_uuid_v7(t0 - microseconds(1));
  for (int step : {1, 250, 999, 1000, 86'400'000}) {
    const std::string next = new_uuid_v7(t0 + microseconds(step));
    CHECK(previous < next);
    previous = next;
  }
}

TEST_CASE("is_uuid accepts only the canonical form") {
  CHECK(is_uuid("6F1C1A9E-8C1B-4C1E-9F6E-1B2C3D4E5F60"));
  CHECK_FALSE(is_uuid("6f1c1a9e8c1b4c1e9f6e1b2c3d4e5f60"));
  CHECK_FALSE(is_uuid("{6f1c1a9e-8c1b-4c1e-9f6e-1b2c3d4e5f60}"));
  CHECK_FALSE(is_uuid("6f1c1a9e-8c1b-4c1e-9f6e-1b2c3d4e5f6g"));
  CHECK_FALSE(is_uuid(""));
}

TEST_CASE("lowercase_uuid gives the form PostgreSQL prints") {
  CHECK(lowercase_uuid("6F1C1A9E-8C1B-4C1E-9F6E-1B2C3D4E5F60") == "6f1c1a9e-8c1b-4c1e-9f6e-1b2c3d4e5f60");
  CHECK(lowercase_uuid("6f1c1a9e-8c1b-4c1e-9f6e-1b2c3d4e5f60") == "6f1c1a9e-8c1b-4c1e-9f6e-1b2c3d4e5f60");
}

}  // namespace
}  // namespace ayc::text
