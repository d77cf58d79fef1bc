#include "server/api/routes.h"

#include <catch2/catch.hpp>

#include "common/uuid.h"
#include "tests/server/search_log/fake_store.h"
#include "tests/support/test_json.h"

namespace ayc::api {
namespace {

using testing::json_string;

struct App {
  metrics::Metrics metrics;
  testing::FakeStore::State store;
  search_log::SearchLogWriter writer{search_log::SearchLogWriter::Options{}, std::make_unique<testing::FakeStore>(store), nullptr,
                         metrics.search_log()};
  bool ready = false;
  http::Router router{&metrics};

  App() {
    AppServices services;
    services.metrics = &metrics;
    services.search_log = &writer;
    services.readiness = [this] { return ready ? Status::Ok() : Status::Unavailable("no index generation is loaded yet"); };
    register_routes(router, services);
  }
};

http::HttpRequest click_request(std::string body, std::string content_type = "application/json") {
  http::HttpRequest req = http::make_request("POST", "/events/click", std::move(body));
  if (!content_type.empty()) req.headers.emplace_back("content-type", std::move(content_type));
  return req;
}

TEST_CASE("GET /healthz answers while the process runs") {
  App app;
  auto r = app.router.handle(http::make_request("GET", "/healthz"));
  CHECK(r.status == 200);
  CHECK(r.body == "{\"status\":\"ok\"}");
  CHECK(r.content_type == "application/json; charset=utf-8");
}

TEST_CASE("GET /readyz follows the readiness callback") {
  App app;
  auto r = app.router.handle(http::make_request("GET", "/readyz"));
  CHECK(r.status == 503);
  CHECK(json_string(r.body, "error", "code") == "unavailable");
  app.ready = true;
  app.metrics.index().set_generation(3, std::chrono::system_clock::now());
  r = app.router.handle(http::make_request("GET", "/readyz"));
  CHECK(r.status == 200);
  CHECK(r.body == "{\"status\":\"ready\",\"generation\":3}");
}

TEST_CASE("GET /readyz gives the reason it is not ready") {
  App app;
  auto r = app.router.handle(http::make_request("GET", "/readyz"));
  CHECK(r.status == 503);
  CHECK(testing::json_string(r.body, "error", "message") == "no index generation is loaded yet");
}

TEST_CASE("with an admin listener /metrics is served there only, health and readiness on both") {
  metrics::Metrics metrics;
  AppServices services;
  services.metrics = &metrics;
  services.readiness = [] { return Status::Ok(); };
  http::Router public_router{&metrics};
  http::Router admin_router{&metrics};
  register_routes(public_router, services, Listener::kPublic);
  register_routes(admin_router, services, Listener::kAdmin);
  CHECK(public_router.handle(http::make_request("GET", "/metrics")).status == 404);
  CHECK(admin_router.handle(http::make_request("GET", "/metrics")).status == 200);
  for (auto* router : {&public_router, &admin_router}) {
    CHECK(router->handle(http::make_request("GET", "/healthz")).status == 200);
    CHECK(router->handle(http::make_request("GET", "/readyz")).status == 200);
  }
  CHECK(admin_router.handle(http::make_request("POST", "/events/click", "{}")).status == 404);
  CHECK(public_router.handle(http::make_request("POST", "/events/click", "{}")).status != 404);
}

TEST_CASE("GET /metrics serves the exposition text") {
  App app;
  app.router.handle(http::make_request("GET", "/healthz"));
  auto r = app.router.handle(http::make_request("GET", "/metrics"));
  CHECK(r.status == 200);
  CHECK(r.content_type == "text/plain; version=0.0.4; charset=utf-8");
  CHECK_THAT(r.body, Catch::Contains("route=\"/healthz\",status_class=\"2xx\"} 1"));
}

TEST_CASE("POST /events/click validates and hands the click to the writer") {
  App app;
  const std::string search_id = new_uuid_v4();
  const std::string product_id = new_uuid_v4();
  const std::string good = "{\"search_id\":\"" + search_id + "\",\"product_id\":\"" + product_id + "\"}";

  CHECK(app.router.handle(click_request(good, "")).status == 415);
  CHECK(app.router.handle(click_request(good, "application/x-www-form-urlencoded")).status == 415);
  CHECK(json_string(app.router.handle(click_request(good, "multipart/form-data; boundary=x")).body, "error",
                    "code") == "unsupported_media_type");
  auto bad = app.router.handle(click_request("{\"search_id\":\"nope\"}"));
  CHECK(bad.status == 400);
  CHECK_THAT(json_string(bad.body, "error", "message"), Catch::Contains("search_id"));

  auto ok = app.router.handle(click_request(good, "Application/JSON; charset=UTF-8"));
  CHECK(ok.status == 204);
  CHECK(ok.body.empty());
  CHECK(app.metrics.search_log().clicks_received.value() == 1);
  CHECK(app.router.handle(http::make_request("GET", "/events/click")).status == 405);
}

TEST_CASE("POST /events/click takes the JSON body navigator.sendBeacon sends as text/plain") {
  App app;
  const std::string good = "{\"search_id\":\"" + new_uuid_v4() + "\",\"product_id\":\"" + new_uuid_v4() + "\"}";
  CHECK(app.router.handle(click_request(good, "text/plain;charset=UTF-8")).status == 204);
  CHECK(app.metrics.search_log().clicks_received.value() == 1);
  auto not_json = app.router.handle(click_request("search_id=1", "text/plain"));
  CHECK(not_json.status == 400);
}

}  // namespace
}  // namespace ayc::api
