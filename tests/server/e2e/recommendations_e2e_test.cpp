// Recommendation routes through the real server process: known products and
// users get items (never the product itself), unknown ones a 404 JSON error.
#include <string>

#include <catch2/catch.hpp>

#include "tests/server/e2e/catalog.h"
#include "tests/server/e2e/http.h"
#include "tests/server/e2e/json.h"
#include "tests/support/catalog_fixture.h"

namespace ayc::e2e {
namespace {

using testing::kAshwagandhaChurna;
using testing::kMahanarayanOil;

constexpr const char* kFixtureUser = "40000000-0000-4000-8000-000000000001";

TEST_CASE("related products by slug or id list items but never the product itself and 404 when unknown", "[e2e]") {
  auto& world = shared_server();
  struct Case {
    std::string key;
    std::string id;
    std::string slug;
  };
  const Case cases[] = {{"ashwagandha-churna-100-g", kAshwagandhaChurna, "ashwagandha-churna-100-g"},
                        {kMahanarayanOil, kMahanarayanOil, "mahanarayan-oil-200-ml"},
                        {"00000000-0000-4000-8000-00000000000A", "00000000-0000-4000-8000-00000000000a", ""}};
  for (const auto& c : cases) {
    for (const char* kind : {"", "?kind=similar", "?kind=bought_together&limit=50"}) {
      const std::string target = "/products/" + c.key + "/related" + kind;
      INFO("GET " << target);
      auto r = http_get(world.port(), target);
      REQUIRE(r);
      INFO(r->body);
      if (c.slug.empty()) {  // a well-formed id no product has
        CHECK(r->status == 404);
        CHECK_FALSE(error_message(r->body).empty());
        continue;
      }
      REQUIRE(r->status == 200);
      Json doc(r->body);
      REQUIRE(doc.ok());
      JsonValue product = field(doc.root(), "product");
      CHECK(string_field(product, "id") == c.id);
      CHECK(string_field(product, "slug") == c.slug);
      CHECK_FALSE(string_field(doc.root(), "kind").empty());
      auto items = array_field(doc.root(), "items");
      CHECK(items.size() >= 1);
      for (JsonValue item : items) {
        CHECK(string_field(item, "id") != c.id);
        CHECK_FALSE(string_field(item, "slug").empty());
        CHECK_FALSE(string_field(item, "name").empty());
        CHECK(number_field(item, "score") >= 0);
      }
    }
  }
  for (const char* unknown : {"/products/no-such-product/related", "/products/tulsi-drops-30-mlx/related"}) {
    auto r = http_get(world.port(), unknown);
    REQUIRE(r);
    CHECK(r->status == 404);
    CHECK(error_message(r->body).find("no product") != std::string::npos);
  }
}

TEST_CASE("user recommendations list items for a known user and 404 for an unknown one", "[e2e]") {
  auto& world = shared_server();
  auto r = http_get(world.port(), std::string("/users/") + kFixtureUser + "/recommendations?limit=5");
  REQUIRE(r);
  INFO(r->body);
  REQUIRE(r->status == 200);
  Json doc(r->body);
  REQUIRE(doc.ok());
  CHECK(string_field(doc.root(), "user_id") == kFixtureUser);
  auto items = array_field(doc.root(), "items");
  CHECK(items.size() >= 1);
  CHECK(items.size() <= 5);
  for (JsonValue item : items) {
    CHECK(string_field(item, "id").size() == 36);
    CHECK_FALSE(string_field(item, "name").empty());
  }
  auto unknown = http_get(world.port(), "/users/40000000-0000-4000-8000-0000000000ff/recommendations");
  REQUIRE(unknown);
  CHECK(unknown->status == 404);
  CHECK(error_message(unknown->body).find("no user") != std::string::npos);
}

}  // namespace
}  // namespace ayc::e2e
