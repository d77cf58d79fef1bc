#include "server/api/algolia_query.h"

#include <catch2/catch.hpp>

#include "server/api/algolia_handlers.h"

namespace ayc::api {
namespace {

AlgoliaQuery one(const std::string& request) {
  auto parsed = parse_multi_query("{\"requests\":[" + request + "]}");
  INFO(request << " -> " << (parsed.ok() ? "ok" : parsed.status().message()));
  REQUIRE(parsed.ok());
  REQUIRE(parsed->size() == 1);
  return parsed->front();
}

Status refusal(const std::string& request) {
  auto parsed = parse_multi_query("{\"requests\":[" + request + "]}");
  REQUIRE_FALSE(parsed.ok());
  return parsed.status();
}

TEST_CASE("algolia: the v5 clients' JSON fields and the v4 params string read the same") {
  const AlgoliaQuery v5 = one(R"({"indexName":"products_price_asc","query":"tulsi drops","page":2,"hitsPerPage":12,
      "facets":["brand","category","price","rating"],"facetFilters":["form:powder",["brand:dabur","brand:baidyanath"]],
      "numericFilters":["price>=100","price<=500"],"clickAnalytics":true,"userToken":"anon-7",
      "highlightPreTag":"__ais-highlight__","highlightPostTag":"__/ais-highlight__","attributesToRetrieve":["*"]})");
  const AlgoliaQuery v4 = one(R"({"indexName":"products_price_asc","params":"query=tulsi%20drops&page=2&hitsPerPage=12&facets=%5B%22brand%22%2C%22category%22%2C%22price%22%2C%22rating%22%5D&facetFilters=%5B%22form%3Apowder%22%2C%5B%22brand%3Adabur%22%2C%22brand%3Abaidyanath%22%5D%5D&numericFilters=%5B%22price%3E%3D100%22%2C%22price%3C%3D500%22%5D&clickAnalytics=true&userToken=anon-7&highlightPreTag=__ais-highlight__&highlightPostTag=__%2Fais-highlight__"})");
  for (const AlgoliaQuery* q : {&v5, &v4}) {
    CHECK(q->index_name == "products_price_asc");
    CHECK(q->request.sort == search::SortOrder::kPriceAsc);
    CHECK(q->request.q == "tulsi drops");
    CHECK(q->request.typing);
    CHECK(q->page == 2);
    CHECK(q->hits_per_page == 12);
    CHECK(q->request.offset == 24);
    CHECK(q->request.limit == 12);
    CHECK(q->facets == std::vector<std::string>{"brand", "category"});  // rating: not a facet here
    CHECK(q->price_stats);
    CHECK(q->request.forms == std::vector<std::string>{"powder"});
    CHECK(q->request.brands == std::vector<std::string>{"dabur", "baidyanath"});
    CHECK(q->request.min_price == Approx(100));
    CHECK(q->request.max_price == Approx(500));
    CHECK(q->click_analytics);
    CHECK(q->analytics);
    CHECK(q->user_token == "anon-7");
    CHECK(q->pre_tag == "__ais-highlight__");
    CHECK(q->post_tag == "__/ais-highlight__");
  }
}

TEST_CASE("algolia: defaults, facet-only requests, * facets and price ranges") {
  const AlgoliaQuery q = one(R"({"indexName":"products"})");
  CHECK(q.hits_per_page == 20);
  CHECK(q.page == 0);
  CHECK(q.request.q.empty());
  CHECK_FALSE(q.request.want_facets);
  CHECK(q.pre_tag == "<em>");
  const AlgoliaQuery facets_only = one(R"({"indexName":"products","hitsPerPage":0,"facets":"*","analytics":false})");
  CHECK(facets_only.hits_per_page == 0);
  CHECK(facets_only.request.limit == 1);  // the engine needs one; the answer shows none
  CHECK(facets_only.facets == std::vector<std::string>{"brand", "category", "form"});
  CHECK(facets_only.price_stats);
  CHECK_FALSE(facets_only.analytics);
  const AlgoliaQuery range = one(R"({"indexName":"products","numericFilters":"price:120 TO 480"})");
  CHECK(range.request.min_price == Approx(120));
  CHECK(range.request.max_price == Approx(480));
  const AlgoliaQuery exact = one(R"({"indexName":"products","numericFilters":["price=150"],
      "facetFilters":[["in_stock:true"],"prescription_required:false"]})");
  CHECK(exact.request.min_price == Approx(150));
  CHECK(exact.request.max_price == Approx(150));
  CHECK(exact.request.in_stock);
  CHECK(exact.request.prescription_required == false);
}

TEST_CASE("algolia: what is not supported is refused with a message naming it, never read wrongly") {
  CHECK(refusal(R"({"indexName":"articles"})").code() == StatusCode::kNotFound);
  CHECK(refusal(R"({"indexName":"products_cheapest"})").code() == StatusCode::kNotFound);
  CHECK_THAT(refusal(R"({"indexName":"products","filters":"brand:dabur"})").message(), Catch::Contains("filters"));
  CHECK_THAT(refusal(R"({"indexName":"products","facetFilters":["brand:-dabur"]})").message(), Catch::Contains("negated"));
  CHECK_THAT(refusal(R"({"indexName":"products","facetFilters":[["brand:dabur","form:oil"]]})").message(),
             Catch::Contains("different attributes"));
  CHECK_THAT(refusal(R"({"indexName":"products","facetFilters":["category:oils","category:churna"]})").message(),
             Catch::Contains("one group"));
  CHECK_THAT(refusal(R"({"indexName":"products","facetFilters":["colour:red"]})").message(), Catch::Contains("colour"));
  CHECK_THAT(refusal(R"({"indexName":"products","numericFilters":["rating>=4"]})").message(), Catch::Contains("price"));
  CHECK_THAT(refusal(R"({"indexName":"products","numericFilters":[["price<100","price>500"]]})").message(),
             Catch::Contains("OR"));
  CHECK_THAT(refusal(R"({"indexName":"products","numericFilters":["price>=500","price<=100"]})").message(),
             Catch::Contains("above"));
  CHECK_THAT(refusal(R"({"indexName":"products","hitsPerPage":1000})").message(), Catch::Contains("hitsPerPage"));
  CHECK_THAT(refusal(R"({"indexName":"products","page":500,"hitsPerPage":100})").message(), Catch::Contains("10000"));
  CHECK_THAT(refusal(R"({"indexName":"products","query":7})").message(), Catch::Contains("query"));
  CHECK_THAT(refusal(R"({"query":"x"})").message(), Catch::Contains("indexName"));
  CHECK_FALSE(parse_multi_query("not json").ok());
  CHECK_FALSE(parse_multi_query(R"({"requests":"x"})").ok());
}

TEST_CASE("algolia: the single-index route reads the same parameters") {
  auto q = parse_single_query("products_rating", R"({"query":"neem","hitsPerPage":3})");
  REQUIRE(q.ok());
  CHECK(q->request.sort == search::SortOrder::kRating);
  CHECK(q->request.q == "neem");
  CHECK(q->hits_per_page == 3);
  CHECK(parse_single_query("products", "").ok());
}

TEST_CASE("algolia: highlights become plain text with the client's tags and the matched words") {
  auto h = algolia_highlight("<mark>Tulsi</mark> &amp; <mark>Neem</mark> Face Wash &lt;100 ml&gt;", "<em>", "</em>");
  CHECK(h.value == "<em>Tulsi</em> & <em>Neem</em> Face Wash <100 ml>");
  CHECK(h.matched_words == std::vector<std::string>{"tulsi", "neem"});
  auto none = algolia_highlight("Dabur &quot;Chyawanprash&quot;", "__ais-highlight__", "__/ais-highlight__");
  CHECK(none.value == "Dabur \"Chyawanprash\"");
  CHECK(none.matched_words.empty());
}

}  // namespace
}  // namespace ayc::api
