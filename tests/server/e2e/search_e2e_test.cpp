// GET /search against the real server process: what shoppers type (names,
// brands, every name of an ingredient, indications, misspellings) finds the
// right products, and every contract field is in the answer.
#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "tests/server/e2e/catalog.h"
#include "tests/server/e2e/http.h"
#include "tests/server/e2e/json.h"
#include "tests/support/catalog_fixture.h"

namespace ayc::e2e {
namespace {

using testing::kAshwagandhaChurna;
using testing::kChyawanprash;
using testing::kMahanarayanOil;
using testing::kTriphalaDiscontinued;
using testing::kTulsiDropsDraft;

std::vector<std::string> hit_ids(JsonValue root) {
  std::vector<std::string> ids;
  for (JsonValue hit : array_field(root, "hits")) ids.push_back(string_field(hit, "id"));
  return ids;
}

bool contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

TEST_CASE("search finds products by name and brand and every ingredient name and indication", "[e2e]") {
  auto& world = shared_server();
  struct Case {
    const char* q;
    const char* expected;
  };
  const Case cases[] = {
      {"ashwagandha churna", kAshwagandhaChurna},
      {"Mahanarayan oil", kMahanarayanOil},
      {"chyawanprash", kChyawanprash},
      {"dabur", kAshwagandhaChurna},             // brand
      {"dabur", kChyawanprash},
      {"kottakkal", kMahanarayanOil},
      {"asgandh", kAshwagandhaChurna},           // the name on the label (Hindi)
      {"ashvagandha", kAshwagandhaChurna},       // Sanskrit
      {"indian ginseng", kAshwagandhaChurna},    // English
      {"Withania somnifera", kAshwagandhaChurna},// botanical
      {"winter cherry", kAshwagandhaChurna},     // another name
      {"asparagus racemosus", kMahanarayanOil},  // Shatavari, listed by its canonical name
      {"country mallow", kMahanarayanOil},       // Bala, listed by its botanical name
      {"indian gooseberry", kChyawanprash},      // Amla
      {"insomnia", kAshwagandhaChurna},          // indication "sleep" through a shopper synonym
      {"stress", kAshwagandhaChurna},
      {"joint pain", kMahanarayanOil},
      {"arthritis", kMahanarayanOil},
      {"AVS-MNO-200", kMahanarayanOil},          // SKU
  };
  for (const auto& c : cases) {
    INFO("q=" << c.q);
    auto r = http_get(world.port(), "/search?limit=100&q=" + url_encode(c.q));
    REQUIRE(r);
    REQUIRE(r->status == 200);
    Json doc(r->body);
    REQUIRE(doc.ok());
    const auto ids = hit_ids(doc.root());
    CHECK(contains(ids, c.expected));
    CHECK_FALSE(contains(ids, kTulsiDropsDraft));       // only active products are searchable
    CHECK_FALSE(contains(ids, kTriphalaDiscontinued));
  }
  // Those searches were answered from posting lists held in memory.
  CHECK(metric_value(world.port(), "ayurvedacart_postings_cache_lists") > 0.0);
  CHECK(metric_value(world.port(), "ayurvedacart_postings_cache_hits_total") > 0.0);
  CHECK(metric_value(world.port(), "ayurvedacart_hit_cards_bytes") > 0.0);
}

TEST_CASE("a misspelt query is corrected and finds the product", "[e2e]") {
  auto& world = shared_server();
  auto r = http_get(world.port(), "/search?q=" + url_encode("mahanarayn oil"));
  REQUIRE(r);
  REQUIRE(r->status == 200);
  Json doc(r->body);
  REQUIRE(doc.ok());
  CHECK(string_field(doc.root(), "query") == "mahanarayn oil");
  CHECK(string_field(doc.root(), "corrected_query") == "mahanarayan oil");
  const auto ids = hit_ids(doc.root());
  REQUIRE_FALSE(ids.empty());
  CHECK(ids.front() == kMahanarayanOil);
}

TEST_CASE("a search answer carries every contract field", "[e2e]") {
  auto& world = shared_server();
  auto r = http_get(world.port(), "/search?q=ashwagandha&limit=5&offset=0");
  REQUIRE(r);
  REQUIRE(r->status == 200);
  CHECK(r->header("content-type").find("application/json") != std::string::npos);
  Json doc(r->body);
  REQUIRE(doc.ok());
  JsonValue root = doc.root();
  CHECK(string_field(root, "search_id").size() == 36);
  CHECK(string_field(root, "query") == "ashwagandha");
  CHECK(is_null_field(root, "corrected_query"));
  CHECK(number_field(root, "total") >= 1);
  CHECK(number_field(root, "limit") == 5);
  CHECK(number_field(root, "offset") == 0);
  CHECK(number_field(root, "took_ms") >= 0);
  auto hits = array_field(root, "hits");
  REQUIRE(hits.size() >= 1);
  JsonValue hit = hits.at(0).value();
  CHECK(string_field(hit, "id") == kAshwagandhaChurna);
  CHECK(string_field(hit, "slug") == "ashwagandha-churna-100-g");
  CHECK(string_field(hit, "name") == "Ashwagandha Churna 100 g");
  CHECK(string_field(hit, "brand") == "Dabur");
  JsonValue price = field(hit, "price");
  CHECK(number_field(price, "amount") == Approx(150));
  CHECK(string_field(price, "currency") == "INR");
  JsonValue mrp = field(hit, "compare_at_price");  // the MRP (base_price 180) above the selling price
  CHECK(number_field(mrp, "amount") == Approx(180));
  CHECK(string_field(mrp, "currency") == "INR");
  CHECK(string_field(hit, "image_url") == "https://cdn.example/ashwagandha-churna.jpg");  // the primary one
  CHECK(number_field(hit, "review_count") >= 0);
  CHECK(number_field(hit, "rating") >= 0);
  CHECK(bool_field(hit, "in_stock"));
  JsonValue highlight = field(hit, "highlight");
  CHECK(highlight.is_object());
  CHECK(string_field(highlight, "name").find("<mark>") != std::string::npos);
  JsonValue facets = field(root, "facets");
  for (const char* name : {"brand", "category", "form", "price"}) {
    INFO("facet " << name);
    for (JsonValue f : array_field(facets, name)) {
      CHECK_FALSE(string_field(f, "value").empty());
      CHECK(number_field(f, "count") >= 1);
    }
  }
}

TEST_CASE("a search in another currency converts prices", "[e2e]") {
  auto& world = shared_server();
  auto r = http_get(world.port(), "/search?q=ashwagandha&currency=usd");
  REQUIRE(r);
  REQUIRE(r->status == 200);
  Json doc(r->body);
  REQUIRE(doc.ok());
  auto hits = array_field(doc.root(), "hits");
  REQUIRE(hits.size() >= 1);
  JsonValue price = field(hits.at(0).value(), "price");
  CHECK(string_field(price, "currency") == "USD");
  CHECK(number_field(price, "amount") > 0);
  CHECK(number_field(price, "amount") < 150);
  JsonValue mrp = field(hits.at(0).value(), "compare_at_price");
  CHECK(string_field(mrp, "currency") == "USD");
  CHECK(number_field(mrp, "amount") > number_field(price, "amount"));
  CHECK(number_field(mrp, "amount") < 180);
}

}  // namespace
}  // namespace ayc::e2e
