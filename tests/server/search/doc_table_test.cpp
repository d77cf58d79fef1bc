#include <catch2/catch.hpp>

#include "index/index_schema.h"
#include "server/search/doc_table.h"
#include "tests/server/search/search_index_fixture.h"

namespace ayc::search {
namespace {

TEST_CASE("a string column gives each docid its value and the docids between them none") {
  StringColumn c;
  c.resize(6);
  c.append(1, "tulsi drops");
  c.append(4, "neem");
  c.finish();
  CHECK(c.at(1) == "tulsi drops");
  CHECK(c.at(2).empty());
  CHECK(c.at(3).empty());
  CHECK(c.at(4) == "neem");
  CHECK(c.at(5).empty());
  CHECK(c.at(6).empty());  // past the end
  CHECK(c.at(100).empty());
}

TEST_CASE("an interned column keeps each distinct value once and gives every docid its own") {
  InternedColumn c;
  c.resize(8);
  c.set(1, "dabur");
  c.set(2, "himalaya wellness");
  c.set(3, "dabur");
  c.set(5, "");  // no brand
  c.set(6, "himalaya wellness");
  c.set(9, "out of range");  // ignored
  c.finish();
  CHECK(c.at(1) == "dabur");
  CHECK(c.at(2) == "himalaya wellness");
  CHECK(c.at(3) == "dabur");
  CHECK(c.at(4).empty());
  CHECK(c.at(5).empty());
  CHECK(c.at(6) == "himalaya wellness");
  CHECK(c.at(9).empty());
  CHECK(c.at(1).data() == c.at(3).data());  // one copy
  CHECK(c.distinct() == 3);                 // with the empty value
}

TEST_CASE("the document table holds every live document's values as the index stores them") {
  ayc::testing::SearchIndexFixture fx;
  const IndexSnapshot& snap = *fx.snapshot;
  const DocTable& docs = snap.docs();
  auto lease = snap.borrow_xapian();
  REQUIRE(lease.ok());
  REQUIRE(docs.live().size() == 3);
  for (Xapian::docid d : docs.live()) {
    const Xapian::Document doc = lease->db().get_document(d);
    INFO("docid " << d);
    CHECK(docs.id(d) == doc.get_value(index::kSlotId));
    CHECK(docs.name(d) == doc.get_value(index::kSlotName));
    CHECK(docs.brand_name(d) == doc.get_value(index::kSlotBrandName));
    CHECK_FALSE(docs.brand_name(d).empty());
  }
  CHECK(docs.brand_name(0).empty());
  CHECK(docs.brand_name(1000000).empty());
}

}  // namespace
}  // namespace ayc::search
