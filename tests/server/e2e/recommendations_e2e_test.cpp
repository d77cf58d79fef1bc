// Recommendation routes through the real server process: known products and
// users get items (never the product itself), unknown ones a 404 JSON error;
// a user's for_you and buy_again kinds.
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
}

TEST_CASE("related items carry what a tile shows: brand, image, prices in the asked currency, rating, stock", "[e2e]") {
  auto& world = shared_server();
  // Bought together: the fixture's one order has Mahanarayan Oil with Ashwagandha Churna.
  auto r = http_get(world.port(), std::string("/products/") + kMahanarayanOil + "/related?currency=usd");
  REQUIRE(r);
  INFO(r->body);
  REQUIRE(r->status == 200);
  Json doc(r->body);
  REQUIRE(doc.ok());
  auto items = array_field(doc.root(), "items");
  REQUIRE(items.size() >= 1);
  bool saw_ashwagandha = false;
  for (JsonValue item : items) {
    CHECK(has_field(item, "brand"));  // "" for a product without a brand
    CHECK((is_null_field(item, "image_url") || !string_field(item, "image_url").empty()));
    JsonValue price = field(item, "price");
    CHECK(string_field(price, "currency") == "USD");
    CHECK(number_field(price, "amount") > 0);
    CHECK((is_null_field(item, "compare_at_price") ||
           number_field(field(item, "compare_at_price"), "amount") > number_field(price, "amount")));
    CHECK(number_field(item, "rating") >= 0);
    CHECK(number_field(item, "review_count") >= 0);
    CHECK(has_field(item, "in_stock"));
    if (string_field(item, "id") == kAshwagandhaChurna) {
      saw_ashwagandha = true;
      CHECK(string_field(item, "image_url") == "https://cdn.example/ashwagandha-churna.jpg");
      CHECK(number_field(field(item, "compare_at_price"), "amount") < 180);  // 180 INR in USD
      CHECK(bool_field(item, "in_stock"));
    }
  }
  CHECK(saw_ashwagandha);
  auto bad = http_get(world.port(), std::string("/products/") + kMahanarayanOil + "/related?currency=xyz");
  REQUIRE(bad);
  CHECK(bad->status == 400);
  CHECK(error_message(bad->body).find("currency") != std::string::npos);
  CHECK(http_get(world.port(), "/users/40000000-0000-4000-8000-000000000001/recommendations?currency=EUR")->status == 200);
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
  CHECK(string_field(doc.root(), "kind") == "for_you");  // the default
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

TEST_CASE("a user's buy_again is an empty list when there is nothing to rebuy, and an unknown kind a 400", "[e2e]") {
  auto& world = shared_server();
  // The fixture user's one order: nothing bought twice, so nothing to rebuy (and no fallbacks).
  auto r = http_get(world.port(), std::string("/users/") + kFixtureUser + "/recommendations?kind=buy_again");
  REQUIRE(r);
  INFO(r->body);
  REQUIRE(r->status == 200);
  Json doc(r->body);
  REQUIRE(doc.ok());
  CHECK(string_field(doc.root(), "kind") == "buy_again");
  CHECK(array_field(doc.root(), "items").size() == 0);
  auto picks = http_get(world.port(), std::string("/users/") + kFixtureUser + "/recommendations?kind=for_you");
  REQUIRE(picks);
  Json for_you(picks->body);
  REQUIRE(for_you.ok());
  for (JsonValue item : array_field(for_you.root(), "items")) CHECK(string_field(item, "source") != "buy_again");
  auto bad = http_get(world.port(), std::string("/users/") + kFixtureUser + "/recommendations?kind=refills");
  REQUIRE(bad);
  CHECK(bad->status == 400);
  const std::string message = error_message(bad->body);
  CHECK(message.find("'kind'") != std::string::npos);
  CHECK(message.find("for_you") != std::string::npos);
  CHECK(message.find("buy_again") != std::string::npos);
  auto unknown = http_get(world.port(), "/users/40000000-0000-4000-8000-0000000000ff/recommendations?kind=buy_again");
  REQUIRE(unknown);
  CHECK(unknown->status == 404);
}

TEST_CASE("a regular customer's due refill is served as buy_again, and for_you offers only new products", "[e2e]") {
  Catalog catalog(false);
  testing::load_regular_customer(catalog.db().conn());
  catalog.reindex();
  ServerArgs args{catalog.db().server_url(), catalog.index_dir(), catalog.path("spool-buy-again").string(), {}};
  ServerProcess server(args, catalog.path("buy-again.log"));
  const std::string base = std::string("/users/") + testing::kRegularCustomer + "/recommendations";
  auto r = http_get(server.port(), base + "?kind=buy_again&currency=usd");
  REQUIRE(r);
  INFO(r->body);
  REQUIRE(r->status == 200);
  Json doc(r->body);
  REQUIRE(doc.ok());
  CHECK(string_field(doc.root(), "kind") == "buy_again");
  auto items = array_field(doc.root(), "items");
  REQUIRE(items.size() == 1);  // the oil, bought once and by nobody twice, is not a refill
  JsonValue first = items.at(0).value();
  CHECK(string_field(first, "id") == kAshwagandhaChurna);
  CHECK(string_field(first, "source") == "buy_again");
  CHECK(string_field(field(first, "price"), "currency") == "USD");
  auto picks = http_get(server.port(), base);
  REQUIRE(picks);
  INFO(picks->body);
  REQUIRE(picks->status == 200);
  Json for_you(picks->body);
  REQUIRE(for_you.ok());
  CHECK(string_field(for_you.root(), "kind") == "for_you");
  for (JsonValue item : array_field(for_you.root(), "items")) {
    if (string_field(item, "source") != "for_you") continue;  // trending and best sellers may hold anything
    CHECK(string_field(item, "id") != kAshwagandhaChurna);
    CHECK(string_field(item, "id") != kMahanarayanOil);
  }
  CHECK(server.terminate() == 0);
}

TEST_CASE("trending for anonymous visitors: per category, falling back to best sellers, with cards and an ETag", "[e2e]") {
  auto& world = shared_server();
  auto home = http_get(world.port(), "/recommendations/trending?limit=5");
  REQUIRE(home);
  INFO(home->body);
  REQUIRE(home->status == 200);
  CHECK_THAT(home->header("etag"), Catch::StartsWith("W/\"gen-"));
  Json doc(home->body);
  REQUIRE(doc.ok());
  CHECK(is_null_field(doc.root(), "category"));
  auto items = array_field(doc.root(), "items");
  REQUIRE(items.size() >= 2);  // the fixture's one order sold two products: best sellers (nothing trends yet)
  for (JsonValue item : items) {
    CHECK(string_field(item, "source") == "best_sellers");
    CHECK(string_field(field(item, "price"), "currency") == "INR");
  }

  auto churna = http_get(world.port(), "/recommendations/trending?category=churna&currency=usd");
  REQUIRE(churna);
  INFO(churna->body);
  REQUIRE(churna->status == 200);
  Json cat(churna->body);
  REQUIRE(cat.ok());
  CHECK(string_field(cat.root(), "category") == "churna");
  auto first = array_field(cat.root(), "items").at(0).value();
  CHECK(string_field(first, "id") == kAshwagandhaChurna);  // the category's best seller comes first
  CHECK(string_field(first, "source") == "category_best_sellers");
  CHECK(string_field(field(first, "price"), "currency") == "USD");

  auto bad = http_get(world.port(), "/recommendations/trending?category=Churna%20Powders");
  REQUIRE(bad);
  CHECK(bad->status == 400);
  CHECK(error_message(bad->body).find("category") != std::string::npos);
  auto again = http_get(world.port(), "/recommendations/trending?limit=5", "If-None-Match: " + home->header("etag") + "\r\n");
  REQUIRE(again);
  CHECK(again->status == 304);
}

}  // namespace
}  // namespace ayc::e2e
