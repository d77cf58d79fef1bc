#include <catch2/catch.hpp>

#include "server/api/search_handlers.h"

namespace ayc::api {
namespace {

search::SearchResult one_hit(double price, double rating) {
  search::SearchResult r;
  r.query = "tulsi \"drops\"";
  r.total = 1234567;
  r.currency = "INR";
  search::SearchHit h;
  h.id = "p1";
  h.slug = "tulsi-drops";
  h.name = "Tulsi Drops";
  h.brand = "Brand";
  h.price = price;
  h.currency = "INR";
  h.rating = rating;
  h.review_count = 42;
  h.in_stock = true;
  h.highlight_name = "<mark>Tulsi</mark> Drops";
  h.highlight_short_description = "";
  r.hits.push_back(h);
  r.facets["brand"] = {{"brand-a", 7}, {"brand-b", 3}};
  return r;
}

TEST_CASE("a search answer's numbers keep at most two decimals and drop trailing zeros") {
  search::SearchRequest req;
  req.limit = 10;
  req.offset = 20;
  std::string body = render_search_json(one_hit(149.999, 4.5), req, "id-1", 0.126);
  CHECK_THAT(body, Catch::Contains("\"price\":{\"amount\":150,\"currency\":\"INR\"}"));
  CHECK_THAT(body, Catch::Contains("\"rating\":4.5,\"review_count\":42,\"in_stock\":true"));
  CHECK_THAT(body, Catch::Contains("\"total\":1234567,\"total_exhaustive\":true,\"facets_exhaustive\":true,"
                                   "\"limit\":10,\"offset\":20,\"took_ms\":0.13"));
  CHECK_THAT(render_search_json(one_hit(0.99, 0), req, "id", 3), Catch::Contains("\"amount\":0.99,"));
  CHECK_THAT(render_search_json(one_hit(1234.5, 0), req, "id", 3), Catch::Contains("\"amount\":1234.5,"));
  CHECK_THAT(render_search_json(one_hit(-0.001, 0), req, "id", 3), Catch::Contains("\"amount\":0,"));
  CHECK_THAT(render_search_json(one_hit(100, 0), req, "id", 3), Catch::Contains("\"rating\":0,"));
}

TEST_CASE("a search answer quotes its strings and lists facets with counts") {
  search::SearchRequest req;
  std::string body = render_search_json(one_hit(10, 4), req, "id-1", 1);
  CHECK_THAT(body, Catch::StartsWith("{\"search_id\":\"id-1\",\"query\":\"tulsi \\\"drops\\\"\",\"corrected_query\":null"));
  CHECK_THAT(body, Catch::Contains("\"highlight\":{\"name\":\"<mark>Tulsi</mark> Drops\",\"short_description\":\"\"}"));
  CHECK_THAT(body, Catch::Contains("\"facets\":{\"brand\":[{\"value\":\"brand-a\",\"count\":7},"
                                   "{\"value\":\"brand-b\",\"count\":3}]},\"next_steps\":null}"));
  // Counts estimated from a sample say so.
  auto sampled = one_hit(10, 4);
  sampled.facets_exhaustive = false;
  CHECK_THAT(render_search_json(sampled, req, "id-1", 1), Catch::Contains("\"facets_exhaustive\":false,"));
}

TEST_CASE("a search answer says how it matched, each hit its matched words, and next steps when none") {
  search::SearchRequest req;
  auto relaxed = one_hit(10, 4);
  relaxed.match = search::MatchKind::kRelaxed;
  relaxed.words = {"tulsi", "zzqx", "drops"};
  relaxed.matched_words = {"tulsi", "drops"};
  relaxed.dropped_words = {"zzqx"};
  relaxed.hits[0].matched = 0b101;
  const std::string body = render_search_json(relaxed, req, "id", 1);
  CHECK_THAT(body, Catch::Contains("\"corrected_query\":null,\"match\":\"relaxed\",\"matched_words\":[\"tulsi\",\"drops\"],"
                                   "\"dropped_words\":[\"zzqx\"],\"total\":"));
  CHECK_THAT(body, Catch::Contains("\"short_description\":\"\"},\"matched_words\":[\"tulsi\",\"drops\"]}"));

  search::SearchResult none;
  none.query = "yoga mat";
  none.currency = "INR";
  none.match = search::MatchKind::kNone;
  none.words = {"yoga", "mat"};
  none.dropped_words = none.words;
  none.next_steps = search::NextSteps{std::nullopt, 12, {{"Classical Medicines", 40}}};
  const std::string empty = render_search_json(none, req, "id", 1);
  CHECK_THAT(empty, Catch::Contains("\"match\":\"none\",\"matched_words\":[],\"dropped_words\":[\"yoga\",\"mat\"]"));
  CHECK_THAT(empty, Catch::EndsWith("\"next_steps\":{\"did_you_mean\":null,\"total_without_filters\":12,"
                                    "\"categories\":[{\"value\":\"Classical Medicines\",\"count\":40}]}}"));
}

TEST_CASE("a hit carries its image and its MRP as compare_at_price, or null for each") {
  search::SearchRequest req;
  auto plain = render_search_json(one_hit(10, 4), req, "id", 1);
  CHECK_THAT(plain, Catch::Contains("\"brand\":\"Brand\",\"image_url\":null,\"price\":{\"amount\":10,\"currency\":\"INR\"},"
                                    "\"compare_at_price\":null,\"rating\":4"));
  auto result = one_hit(150, 4);
  result.hits[0].image_url = "https://cdn.example/t.jpg";
  result.hits[0].compare_at_price = 180;
  auto card = render_search_json(result, req, "id", 1);
  CHECK_THAT(card, Catch::Contains("\"image_url\":\"https://cdn.example/t.jpg\""));
  CHECK_THAT(card, Catch::Contains("\"compare_at_price\":{\"amount\":180,\"currency\":\"INR\"}"));
}

}  // namespace
}  // namespace ayc::api
