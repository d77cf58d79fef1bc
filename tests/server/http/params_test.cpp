#include "server/http/params.h"

#include <catch2/catch.hpp>

#include "server/http/router.h"
#include "tests/support/test_json.h"

namespace ayc::http {
namespace {

using testing::json_string;

// A route that validates like a search handler does.
Router make_router() {
  Router router;
  router.add("GET", "/p", [](const HttpRequest& req, const PathParams&) -> Result<HttpResponse> {
    auto limit = param_int(req, "limit", 10, 1, 100);
    if (!limit.ok()) return limit.status();
    auto offset = param_int(req, "offset", 0, 0, 10'000);
    if (!offset.ok()) return offset.status();
    auto min_price = param_optional_double(req, "min_price", 0, 1e9);
    if (!min_price.ok()) return min_price.status();
    auto q = param_string(req, "q", 20);
    if (!q.ok()) return q.status();
    auto sort = param_enum(req, "sort", {"relevance", "price_asc", "price_desc"}, "relevance");
    if (!sort.ok()) return sort.status();
    auto in_stock = param_bool(req, "in_stock", false);
    if (!in_stock.ok()) return in_stock.status();
    return HttpResponse::json(200, "{\"limit\":" + std::to_string(*limit) + ",\"sort\":\"" + *sort + "\",\"q\":\"" +
                                       q->value_or("") + "\",\"in_stock\":" + (*in_stock ? "true" : "false") + "}");
  });
  return router;
}

TEST_CASE("parameter helpers: defaults and valid values") {
  Router router = make_router();
  auto r = router.handle(make_request("GET", "/p"));
  CHECK(r.status == 200);
  CHECK(r.body == R"({"limit":10,"sort":"relevance","q":"","in_stock":false})");
  r = router.handle(make_request("GET", "/p?limit=100&sort=price_asc&q=tulsi+tea&in_stock=1&min_price=9.5"));
  CHECK(r.status == 200);
  CHECK(r.body == R"({"limit":100,"sort":"price_asc","q":"tulsi tea","in_stock":true})");
  // The limit counts characters, not bytes: 20 Devanagari letters (60 bytes) pass, 21 do not.
  std::string devanagari;
  for (int i = 0; i < 20; ++i) devanagari += "%E0%A4%A4";
  CHECK(router.handle(make_request("GET", "/p?q=" + devanagari)).status == 200);
  CHECK(router.handle(make_request("GET", "/p?q=" + devanagari + "%E0%A4%A4")).status == 400);
}

TEST_CASE("nasty parameter values get a 400 JSON error naming the parameter") {
  struct Case {
    const char* target;
    const char* param;
  };
  const Case cases[] = {
      {"/p?limit=abc", "limit"},          {"/p?limit=", "limit"},
      {"/p?limit=101", "limit"},          {"/p?limit=0", "limit"},
      {"/p?limit=-5", "limit"},           {"/p?limit=1.5", "limit"},
      {"/p?limit=+5", "limit"},           {"/p?limit=%205", "limit"},
      {"/p?limit=99999999999999999999999", "limit"},
      {"/p?limit=1&limit=2", "limit"},    {"/p?limit=%zz", "limit"},
      {"/p?offset=-1", "offset"},         {"/p?min_price=nan", "min_price"},
      {"/p?min_price=inf", "min_price"},  {"/p?min_price=1e999", "min_price"},
      {"/p?min_price=-1", "min_price"},   {"/p?min_price=1,5", "min_price"},
      {"/p?q=%ff%fe", "q"},               {"/p?q=%C0%AF", "q"},  // overlong '/'
      {"/p?q=%ED%A0%80", "q"},                                   // UTF-16 surrogate
      {"/p?q=a%00b", "q"},                {"/p?q=a%0Ab", "q"},
      {"/p?q=a%1Bb", "q"},                {"/p?q=a%7Fb", "q"},
      {"/p?q=aaaaaaaaaaaaaaaaaaaaa", "q"},  // 21 characters
      {"/p?q=a&q=b", "q"},                {"/p?q=%", "q"},
      {"/p?sort=cheapest", "sort"},       {"/p?sort=", "sort"},
      {"/p?sort=RELEVANCE", "sort"},      {"/p?in_stock=yes", "in_stock"},
  };
  Router router = make_router();
  for (const auto& c : cases) {
    INFO(c.target);
    auto r = router.handle(make_request("GET", c.target));
    CHECK(r.status == 400);
    CHECK(r.content_type == "application/json; charset=utf-8");
    CHECK(json_string(r.body, "error", "code") == "invalid_argument");
    CHECK_THAT(json_string(r.body, "error", "message"), Catch::Contains("'" + std::string(c.param) + "'"));
  }
}

TEST_CASE("error messages echo at most a short, JSON-safe prefix of the value") {
  Router router = make_router();
  auto r = router.handle(make_request("GET", "/p?limit=" + std::string(5000, '9') + "%22%5C"));
  CHECK(r.status == 400);
  CHECK(testing::is_valid_json(r.body));
  CHECK(r.body.size() < 300);
  r = router.handle(make_request("GET", "/p?sort=%ff%22"));
  CHECK(testing::is_valid_json(r.body));
}

TEST_CASE("check_text is the same rule for path parameters and fields") {
  CHECK(check_text("ashwagandha", "id", 100).ok());
  CHECK(check_text("a\tb", "id", 100).message() == "id must not contain control characters");
  CHECK(check_text("\xff", "id", 100).message() == "id must be valid UTF-8");
  CHECK(check_text("abc", "id", 2).message() == "id must be at most 2 characters long");
}

}  // namespace
}  // namespace ayc::http
