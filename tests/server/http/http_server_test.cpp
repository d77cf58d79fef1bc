// The Beast server in-process on 127.0.0.1:<ephemeral>, driven by a raw
// socket client. Timeouts are short in these configurations; assertions only
// use generous upper bounds.
#include "server/http/http_server.h"

#include <atomic>
#include <future>
#include <stdexcept>
#include <thread>

#include <catch2/catch.hpp>

#include "server/http/router.h"
#include "tests/support/eventually.h"
#include "tests/support/raw_client.h"
#include "tests/support/test_json.h"

namespace ayc::http {
namespace {

using namespace std::chrono_literals;
using testing::eventually;
using testing::get_request;
using testing::RawClient;

HttpServerOptions test_options() {
  HttpServerOptions o;
  o.host = "127.0.0.1";
  o.port = 0;
  o.threads = 2;
  o.read_timeout = 5s;
  o.max_body_bytes = 1024;
  return o;
}

struct TestServer {
  metrics::Metrics metrics;
  Router router{&metrics};
  std::atomic<bool> slow_started{false};
  std::unique_ptr<HttpServer> server;

  explicit TestServer(HttpServerOptions options = test_options()) {
    router.add("GET", "/healthz", [](const HttpRequest&, const PathParams&) -> Result<HttpResponse> {
      return HttpResponse::json(200, "{\"status\":\"ok\"}");
    });
    router.add("GET", "/echo/{n}", [](const HttpRequest&, const PathParams& p) -> Result<HttpResponse> {
      return HttpResponse::text(200, "text/plain", std::string(p.get("n")));
    });
    router.add("POST", "/body", [](const HttpRequest& req, const PathParams&) -> Result<HttpResponse> {
      return HttpResponse::text(200, "text/plain", std::to_string(req.body.size()) + " " + req.remote_ip);
    });
    router.add("GET", "/slow", [this](const HttpRequest&, const PathParams&) -> Result<HttpResponse> {
      slow_started = true;
      std::this_thread::sleep_for(400ms);
      return HttpResponse::text(200, "text/plain", "slow done");
    });
    router.add("GET", "/throw", [](const HttpRequest&, const PathParams&) -> Result<HttpResponse> {
      throw std::logic_error("handler bug");
    });
    auto created = HttpServer::create(options, [this](HttpRequest r) { return router.handle(std::move(r)); },
                                      metrics.http(), nullptr);
    REQUIRE(created.ok());
    server = std::move(*created);
    server->start();
  }
  std::uint16_t port() const { return server->port(); }
};

TEST_CASE("http: keep-alive serves several requests on one connection") {
  TestServer s;
  RawClient c(s.port());
  REQUIRE(c.connected());
  for (int i = 0; i < 3; ++i) {
    REQUIRE(c.send(get_request("/healthz")));
    auto r = c.read_response();
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->body == "{\"status\":\"ok\"}");
    CHECK(r->header("server") == "ayurvedacart");
    CHECK(r->header("content-type") == "application/json; charset=utf-8");
  }
  CHECK(s.metrics.http().accepted_connections.value() == 1);
}

TEST_CASE("http: pipelined requests in one write are answered in order") {
  HttpServerOptions o = test_options();
  o.pipeline_limit = 2;  // reading pauses and resumes; nothing is lost or reordered
  TestServer s(o);
  RawClient c(s.port());
  std::string batch;
  for (int i = 0; i < 40; ++i) batch += get_request("/echo/" + std::to_string(i));
  REQUIRE(c.send(batch));
  for (int i = 0; i < 40; ++i) {
    auto r = c.read_response();
    REQUIRE(r);
    CHECK(r->body == std::to_string(i));
  }
}

TEST_CASE("http: Connection: close and HTTP/1.0 close after the response") {
  TestServer s;
  RawClient c1(s.port());
  REQUIRE(c1.send(get_request("/healthz", "Connection: close\r\n")));
  auto r = c1.read_response();
  REQUIRE(r);
  CHECK(r->header("connection") == "close");
  CHECK(c1.wait_closed(5s));
  RawClient c2(s.port());
  REQUIRE(c2.send("GET /healthz HTTP/1.0\r\n\r\n"));
  REQUIRE(c2.read_response());
  CHECK(c2.wait_closed(5s));
}

TEST_CASE("http: HEAD gets the headers of GET without a body") {
  TestServer s;
  RawClient c(s.port());
  REQUIRE(c.send("HEAD /healthz HTTP/1.1\r\nHost: t\r\n\r\n" + get_request("/echo/after")));
  auto head = c.read_response(5s, true);
  REQUIRE(head);
  CHECK(head->status == 200);
  CHECK(head->header("content-length") == "15");
  auto next = c.read_response();
  REQUIRE(next);
  CHECK(next->body == "after");
}

TEST_CASE("http: an oversized header gets 431 and the connection closes") {
  TestServer s;
  RawClient c(s.port());
  REQUIRE(c.send(get_request("/healthz", "X-Big: " + std::string(10 * 1024, 'a') + "\r\n")));
  auto r = c.read_response();
  REQUIRE(r);
  CHECK(r->status == 431);
  CHECK(testing::json_string(r->body, "error", "code") == "header_too_large");
  CHECK(c.wait_closed(5s));
  CHECK(s.metrics.http().header_too_large.value() == 1);
}

TEST_CASE("http: an oversized body gets 413 - one within the limit is served") {
  TestServer s;
  RawClient ok(s.port());
  REQUIRE(ok.send("POST /body HTTP/1.1\r\nHost: t\r\nContent-Length: 1000\r\n\r\n" + std::string(1000, 'x')));
  auto fine = ok.read_response();
  REQUIRE(fine);
  CHECK(fine->body == "1000 127.0.0.1");

  RawClient c(s.port());
  REQUIRE(c.send("POST /body HTTP/1.1\r\nHost: t\r\nContent-Length: 5000\r\n\r\n"));
  c.send(std::string(5000, 'x'));
  auto r = c.read_response();
  REQUIRE(r);
  CHECK(r->status == 413);
  CHECK(testing::json_string(r->body, "error", "code") == "payload_too_large");
  CHECK(c.wait_closed(5s));
}

TEST_CASE("http: garbage is a 400, and an exception in a handler a 500, both JSON") {
  TestServer s;
  RawClient c(s.port());
  REQUIRE(c.send("NOT AN HTTP REQUEST\r\n\r\n"));
  auto r = c.read_response();
  REQUIRE(r);
  CHECK(r->status == 400);
  CHECK(testing::is_valid_json(r->body));
  RawClient c2(s.port());
  REQUIRE(c2.send(get_request("/throw")));
  auto r2 = c2.read_response();
  REQUIRE(r2);
  CHECK(r2->status == 500);
  CHECK(testing::json_string(r2->body, "error", "code") == "internal");
  REQUIRE(c2.send(get_request("/healthz")));  // the server and the connection carry on
  CHECK(c2.read_response());
}

TEST_CASE("http: a body framed other than by chunked or Content-Length is refused and nothing after it is served") {
  TestServer s;
  for (const char* te : {"gzip", "identity", "chunked, gzip", "xchunked"}) {
    INFO(te);
    RawClient c(s.port());
    // A proxy that honours the Transfer-Encoding would forward all of this as
    // one request; a server reading it as bodiless would see a second one.
    REQUIRE(c.send(std::string("POST /body HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: ") + te +
                   "\r\n\r\nGET /echo/smuggled HTTP/1.1\r\nHost: t\r\n\r\n"));
    auto r = c.read_response();
    REQUIRE(r);
    CHECK(r->status == 400);
    CHECK(testing::json_string(r->body, "error", "code") == "bad_request");
    CHECK(r->body.find("Transfer-Encoding") != std::string::npos);
    CHECK_FALSE(c.read_response(1s));  // no second answer
    CHECK(c.wait_closed(5s));
  }
  RawClient chunked(s.port());  // chunked alone is a body as usual
  REQUIRE(chunked.send("POST /body HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"));
  auto r = chunked.read_response();
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->body.rfind("3 ", 0) == 0);
}

TEST_CASE("http: an HTTP/1.1 request without Host is a 400 and the connection closes") {
  TestServer s;
  RawClient c(s.port());
  REQUIRE(c.send("GET /healthz HTTP/1.1\r\n\r\n"));
  auto r = c.read_response();
  REQUIRE(r);
  CHECK(r->status == 400);
  CHECK(r->header("x-content-type-options") == "nosniff");
  CHECK(r->body.find("Host") != std::string::npos);
  CHECK(c.wait_closed(5s));
}

TEST_CASE("http: slow and idle clients are cut off after the read timeout") {
  HttpServerOptions o = test_options();
  o.read_timeout = 300ms;
  TestServer s(o);

  RawClient half(s.port());
  REQUIRE(half.send("GET /healthz HTTP/1.1\r\nHost: t\r\n"));  // never finished
  CHECK(half.wait_closed(5s));

  RawClient idle(s.port());
  REQUIRE(idle.send(get_request("/healthz")));
  REQUIRE(idle.read_response());
  CHECK(idle.wait_closed(5s));

  // A byte every 50 ms keeps each read alive but not the request: the
  // timeout covers the whole request, so the trickle is cut off too.
  RawClient trickle(s.port());
  REQUIRE(trickle.send("GET /healthz HTTP/1.1\r\nX-Slow: "));
  bool closed = false;
  for (int i = 0; i < 200 && !closed; ++i) closed = !trickle.send("a") || trickle.wait_closed(50ms);
  CHECK(closed);
  CHECK(eventually([&] { return s.metrics.http().read_timeouts.value() == 3; }));
}

TEST_CASE("http: connections over the maximum are accepted and closed, and counted") {
  HttpServerOptions o = test_options();
  o.max_connections = 2;
  TestServer s(o);
  auto c1 = std::make_unique<RawClient>(s.port());
  RawClient c2(s.port());
  for (RawClient* c : {c1.get(), &c2}) {
    REQUIRE(c->send(get_request("/healthz")));
    REQUIRE(c->read_response());
  }
  RawClient c3(s.port());
  CHECK(c3.wait_closed(5s));
  CHECK(s.metrics.http().rejected_connections.value() == 1);
  c1.reset();  // a slot frees up
  CHECK(eventually([&] {
    RawClient c4(s.port());
    return c4.send(get_request("/healthz")) && c4.read_response(1s).has_value();
  }));
}

TEST_CASE("http: one client address may hold at most its share of connections - trusted proxies are exempt") {
  HttpServerOptions o = test_options();
  o.max_connections_per_client = 3;
  TestServer s(o);
  std::vector<std::unique_ptr<RawClient>> mine;
  for (int i = 0; i < 3; ++i) {
    mine.push_back(std::make_unique<RawClient>(s.port()));
    REQUIRE(mine.back()->send(get_request("/healthz")));
    REQUIRE(mine.back()->read_response());
  }
  RawClient fourth(s.port());
  CHECK(fourth.wait_closed(5s));
  CHECK(s.metrics.http().rejected_client_connections.value() == 1);
  CHECK(s.metrics.http().rejected_connections.value() == 0);
  for (auto& c : mine) {  // the three are untouched
    REQUIRE(c->send(get_request("/healthz")));
    CHECK(c->read_response());
  }
  mine.pop_back();  // a slot frees up
  CHECK(eventually([&] {
    RawClient again(s.port());
    return again.send(get_request("/healthz")) && again.read_response(1s).has_value();
  }));

  HttpServerOptions proxied = test_options();
  proxied.max_connections_per_client = 3;
  proxied.trusted_proxies = *TrustedProxies::parse("127.0.0.0/8");
  TestServer behind_proxy(proxied);
  std::vector<std::unique_ptr<RawClient>> many;
  for (int i = 0; i < 6; ++i) {
    many.push_back(std::make_unique<RawClient>(behind_proxy.port()));
    REQUIRE(many.back()->send(get_request("/healthz")));
    CHECK(many.back()->read_response());
  }
  CHECK(behind_proxy.metrics.http().rejected_client_connections.value() == 0);
}

TEST_CASE("http: a new connection that sends nothing is closed after the first-byte timeout, not the read timeout") {
  HttpServerOptions o = test_options();
  o.first_byte_timeout = 300ms;
  o.read_timeout = 5s;
  TestServer s(o);
  const auto opened = std::chrono::steady_clock::now();
  RawClient silent(s.port());
  CHECK(silent.wait_closed(4s));
  CHECK(std::chrono::steady_clock::now() - opened < 4s);
  CHECK(eventually([&] { return s.metrics.http().first_byte_timeouts.value() == 1; }));
  // A request that has begun is given the read timeout, however slow after its first byte.
  RawClient started(s.port());
  REQUIRE(started.send("GET /healthz HTTP/1.1\r\n"));
  std::this_thread::sleep_for(700ms);
  REQUIRE(started.send("Host: t\r\n\r\n"));
  auto r = started.read_response();
  REQUIRE(r);
  CHECK(r->status == 200);
}

TEST_CASE("http: X-Forwarded-For names the client only when a trusted proxy sends it") {
  const std::string request =
      "POST /body HTTP/1.1\r\nHost: t\r\nX-Forwarded-For: 198.51.100.9, 203.0.113.7\r\nContent-Length: 0\r\n\r\n";
  HttpServerOptions trusting = test_options();
  trusting.trusted_proxies = *TrustedProxies::parse("127.0.0.1");
  TestServer proxied(trusting);
  RawClient via_proxy(proxied.port());
  REQUIRE(via_proxy.send(request));
  auto r = via_proxy.read_response();
  REQUIRE(r);
  CHECK(r->body == "0 203.0.113.7");  // the rightmost address the proxy did not add itself

  TestServer direct;
  RawClient c(direct.port());
  REQUIRE(c.send(request));
  auto plain = c.read_response();
  REQUIRE(plain);
  CHECK(plain->body == "0 127.0.0.1");  // anyone can send the header: not believed
}

TEST_CASE("http: graceful stop lets the request in flight finish and closes idle connections") {
  TestServer s;
  RawClient idle(s.port());
  REQUIRE(idle.send(get_request("/healthz")));
  REQUIRE(idle.read_response());
  RawClient busy(s.port());
  REQUIRE(busy.send(get_request("/slow")));
  REQUIRE(eventually([&] { return s.slow_started.load(); }));

  auto stopped = std::async(std::launch::async, [&] { s.server->stop(10s); });
  auto r = busy.read_response();
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->body == "slow done");
  CHECK(r->header("connection") == "close");
  CHECK(idle.wait_closed(5s));
  CHECK(stopped.wait_for(10s) == std::future_status::ready);
  RawClient late(s.port());
  CHECK_FALSE(late.connected());
  CHECK(s.metrics.http().open_connections.value() == 0);
}

TEST_CASE("http: stop closes connections still busy when the grace period ends") {
  TestServer s;
  RawClient stuck(s.port());
  REQUIRE(stuck.send("GET /healthz HTTP/1.1\r\nHost: t\r\n"));  // half a request, read timeout 5 s
  CHECK(eventually([&] { return s.metrics.http().open_connections.value() == 1; }));
  s.server->stop(100ms);
  CHECK(stuck.wait_closed(5s));
}

TEST_CASE("http: a taken port is a clear error") {
  TestServer s;
  HttpServerOptions o = test_options();
  o.port = s.port();
  metrics::Metrics metrics;
  auto second = HttpServer::create(o, [](HttpRequest) { return HttpResponse::no_content(); }, metrics.http(), nullptr);
  REQUIRE_FALSE(second.ok());
  CHECK(second.status().code() == StatusCode::kUnavailable);
  CHECK(second.status().message() ==
        "cannot listen on 127.0.0.1:" + std::to_string(s.port()) + ": Address already in use");
}

}  // namespace
}  // namespace ayc::http
