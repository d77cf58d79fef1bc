#include "server/http/http_server.h"

#include <thread>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include "server/http/http_session.h"

namespace ayc::http {

using namespace detail;

namespace {

struct Worker {
  WorkerState state;  // declared first: destroyed after the io_context and the sessions it may still own
  net::io_context ioc{1};
  net::executor_work_guard<net::io_context::executor_type> guard = net::make_work_guard(ioc);
  std::thread thread;
};

Result<tcp::endpoint> resolve(const std::string& host, std::uint16_t port) {
  beast::error_code ec;
  auto address = net::ip::make_address(host, ec);
  if (!ec) return tcp::endpoint(address, port);
  net::io_context ioc;
  tcp::resolver resolver(ioc);
  auto results = resolver.resolve(host, std::to_string(port), ec);
  if (ec || results.empty()) {
    return Status::InvalidArgument("cannot resolve listen host '" + host + "': " + ec.message());
  }
  return results.begin()->endpoint();
}

bool is_resource_exhaustion(const beast::error_code& ec) {
  return ec == net::error::no_descriptors || ec == net::error::no_buffer_space || ec == net::error::no_memory ||
         ec.value() == ENFILE;
}

}  // namespace

struct HttpServer::Impl {
  SessionContext ctx;
  ConnectionTracker tracker;
  std::atomic<bool> draining{false};
  std::vector<std::unique_ptr<Worker>> workers;
  std::unique_ptr<tcp::acceptor> acceptor;  // on workers[0]
  std::unique_ptr<net::steady_timer> accept_retry;
  std::size_t next_worker = 0;
  std::uint16_t port = 0;
  bool started = false;
  bool stopped = false;

  void do_accept();
  void on_accept(beast::error_code ec, tcp::socket socket, Worker& target);
  void on_all_workers(std::function<void(Worker&)> fn);
};

void HttpServer::Impl::do_accept() {
  Worker& target = *workers[next_worker++ % workers.size()];
  acceptor->async_accept(target.ioc, [this, &target](beast::error_code ec, tcp::socket socket) {
    on_accept(ec, std::move(socket), target);
  });
}

void HttpServer::Impl::on_accept(beast::error_code ec, tcp::socket socket, Worker& target) {
  if (ec == net::error::operation_aborted || !acceptor->is_open()) return;  // stopping
  if (ec) {
    ctx.metrics->accept_errors.inc();
    if (is_resource_exhaustion(ec)) {  // out of file descriptors: back off instead of spinning
      accept_retry->expires_after(std::chrono::milliseconds(50));
      accept_retry->async_wait([this](beast::error_code wait_ec) {
        if (!wait_ec && acceptor->is_open()) do_accept();
      });
      return;
    }
    do_accept();
    return;
  }
  beast::error_code endpoint_ec;
  const auto endpoint = socket.remote_endpoint(endpoint_ec);
  std::string peer = endpoint_ec ? std::string() : endpoint.address().to_string();
  const std::size_t per_client =
      ctx.options.trusted_proxies.contains(peer) ? 0 : ctx.options.max_connections_per_client;
  const auto tracker_answer = tracker.try_open(peer, ctx.options.max_connections, per_client);
  switch (tracker_answer) {
    case ConnectionTracker::Admission::kOpen:
      ctx.metrics->accepted_connections.inc();
      net::post(target.ioc, [this, &target, s = std::move(socket), peer = std::move(peer)]() mutable {
        std::make_shared<HttpSession>(std::move(s), std::move(peer), ctx, target.state)->start();
      });
      break;
    case ConnectionTracker::Admission::kTooMany:
    case ConnectionTracker::Admission::kTooManyFromClient: {
      const bool whole_server = tracker_answer == ConnectionTracker::Admission::kTooMany;
      (whole_server ? ctx.metrics->rejected_connections : ctx.metrics->rejected_client_connections).inc();
      beast::error_code ignored;
      socket.close(ignored);
      break;
    }
  }
  do_accept();
}

void HttpServer::Impl::on_all_workers(std::function<void(Worker&)> fn) {
  for (auto& w : workers) net::post(w->ioc, [fn, &worker = *w] { fn(worker); });
}

HttpServer::HttpServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Result<std::unique_ptr<HttpServer>> HttpServer::create(const HttpServerOptions& options, RequestHandler handler,
                                                       metrics::HttpServerMetrics& metrics, AccessLog* access_log) {
  auto impl = std::make_unique<Impl>();
  impl->ctx.options = options;
  impl->ctx.handler = std::move(handler);
  impl->ctx.metrics = &metrics;
  impl->ctx.access_log = access_log;
  impl->ctx.tracker = &impl->tracker;
  impl->ctx.draining = &impl->draining;
  std::size_t threads = options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  for (std::size_t i = 0; i < threads; ++i) impl->workers.push_back(std::make_unique<Worker>());

  const std::string where = options.host + ":" + std::to_string(options.port);
  AYC_ASSIGN_OR_RETURN(auto endpoint, resolve(options.host, options.port));
  impl->acceptor = std::make_unique<tcp::acceptor>(impl->workers[0]->ioc);
  impl->accept_retry = std::make_unique<net::steady_timer>(impl->workers[0]->ioc);
  beast::error_code ec;
  impl->acceptor->open(endpoint.protocol(), ec);
  if (!ec) impl->acceptor->set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) impl->acceptor->bind(endpoint, ec);
  if (!ec) impl->acceptor->listen(net::socket_base::max_listen_connections, ec);
  if (ec) return Status::Unavailable("cannot listen on " + where + ": " + ec.message());
  impl->port = impl->acceptor->local_endpoint().port();
  return std::unique_ptr<HttpServer>(new HttpServer(std::move(impl)));
}

HttpServer::~HttpServer() { stop(std::chrono::milliseconds(0)); }

std::uint16_t HttpServer::port() const { return impl_->port; }

void HttpServer::start() {
  if (impl_->started || impl_->stopped) return;
  impl_->started = true;
  for (auto& w : impl_->workers) {
    Worker* worker = w.get();
    worker->thread = std::thread([worker, logger = impl_->ctx.options.logger] {
      // A handler that throws past Router::handle is already caught in the
      // session; anything else escaping run() is logged and run() resumed.
      while (true) {
        try {
          worker->ioc.run();
          return;
        } catch (const std::exception& e) {
          logger.error(std::string("worker thread: ") + e.what());
        }
      }
    });
  }
  net::post(impl_->workers[0]->ioc, [impl = impl_.get()] { impl->do_accept(); });
}

void HttpServer::stop(std::chrono::milliseconds grace) {
  Impl& s = *impl_;
  if (s.stopped) return;
  s.stopped = true;
  if (!s.started) {
    beast::error_code ignored;
    s.acceptor->close(ignored);
    return;
  }
  net::post(s.workers[0]->ioc, [&s] {
    beast::error_code ignored;
    s.acceptor->close(ignored);
    s.accept_retry->cancel();
  });
  s.draining.store(true, std::memory_order_release);
  s.on_all_workers([](Worker& w) {
    for (HttpSession* session : w.state.sessions) session->begin_drain();
  });
  const auto now = std::chrono::steady_clock::now();
  if (!s.tracker.wait_all_closed(now + grace)) {
    s.on_all_workers([](Worker& w) {
      for (HttpSession* session : w.state.sessions) session->force_close();
    });
    s.tracker.wait_all_closed(std::chrono::steady_clock::now() + std::chrono::seconds(1));
  }
  for (auto& w : s.workers) {
    w->guard.reset();
    w->ioc.stop();
  }
  for (auto& w : s.workers)
    if (w->thread.joinable()) w->thread.join();
}

}  // namespace ayc::http
