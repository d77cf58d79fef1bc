#include "data/datagen/row.h"

#include <catch2/catch.hpp>

#include "data/datagen/json.h"

namespace ayc::datagen {
namespace {

TEST_CASE("Row escapes text the way COPY's text format needs") {
  Row r;
  r.text("a\tb").text("line1\nline2").text("back\\slash").null().text_or_null("");
  CHECK(r.line() == "a\\tb\tline1\\nline2\tback\\\\slash\t\\N\t\\N");
  CHECK(r.field_count() == 5);
}

TEST_CASE("Row renders numbers, booleans, money and uuids") {
  Row r;
  r.integer(-42).fixed(12345, 2).fixed(-105, 2).fixed(7, 3).money(99).boolean(true).boolean(false);
  CHECK(r.line() == "-42\t123.45\t-1.05\t0.007\t0.99\tt\tf");
  Row u;
  u.uuid(Uuid{0x0123456789abcdefULL, 0xfedcba9876543210ULL});
  CHECK(u.line() == "01234567-89ab-cdef-fedc-ba9876543210");
}

TEST_CASE("MemorySink and CountingSink keep and count rows") {
  MemorySink mem;
  CountingSink counter(mem);
  Row r;
  r.text("x");
  counter.put(r);
  counter.put(r);
  CHECK(counter.count == 2);
  CHECK(mem.lines == std::vector<std::string>{"x", "x"});
}

TEST_CASE("Json builds compact, escaped JSON") {
  Json j;
  j.begin_object().field("name", "Ashwagandha \"KSM-66\"").key("parts").begin_array().string("root").string("leaf")
      .end_array().field_int("mg", 500).key("price").fixed(24900, 2).field_bool("organic", true)
      .field("note", "tab\there\x01").end_object();
  CHECK(j.str() ==
        "{\"name\":\"Ashwagandha \\\"KSM-66\\\"\",\"parts\":[\"root\",\"leaf\"],\"mg\":500,\"price\":249.00,"
        "\"organic\":true,\"note\":\"tab\\there\\u0001\"}");
  CHECK(json_string_array({"stress", "sleep"}) == "[\"stress\",\"sleep\"]");
  CHECK(json_string_array({}) == "[]");
}

}  // namespace
}  // namespace ayc::datagen
