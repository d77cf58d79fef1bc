#include "tests/server/e2e/load.h"

#include "tests/server/e2e/http.h"

namespace ayc::e2e {

namespace {

std::string search_id_of(const std::string& body) {
  static const std::string kKey = "\"search_id\":\"";
  const auto at = body.find(kKey);
  if (at == std::string::npos) return "";
  return body.substr(at + kKey.size(), 36);
}

}  // namespace

LoadGenerator::LoadGenerator(std::uint16_t port, LoadOptions options)
    : port_(port), options_(std::move(options)), tallies_(static_cast<std::size_t>(options_.threads)) {
  running_ = options_.threads;
  for (int i = 0; i < options_.threads; ++i) threads_.emplace_back([this, i] { work(i); });
}

LoadGenerator::~LoadGenerator() { stop(); }

void LoadGenerator::work(int index) {
  LoadTally& tally = tallies_[static_cast<std::size_t>(index)];
  KeepAliveClient client(port_);
  const auto deadline = std::chrono::steady_clock::now() + options_.max_duration;
  std::size_t next = static_cast<std::size_t>(index);
  while (!stop_.load() && std::chrono::steady_clock::now() < deadline) {
    const std::string& target = options_.targets[next++ % options_.targets.size()];
    auto r = client.get(target);
    if (!r) {
      ++tally.unanswered;
      if (tally.failures.size() < 5) tally.failures.push_back("no answer " + target);
      if (options_.stop_when_unanswered) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));  // the server is gone: do not spin
      continue;
    }
    ++tally.answered;
    ++tally.statuses[r->status];
    if (r->status == 200) {
      ok_.fetch_add(1);
      if (target.rfind("/search", 0) == 0) tally.search_ids.push_back(search_id_of(r->body));
    } else if (tally.failures.size() < 5) {
      tally.failures.push_back(std::to_string(r->status) + " " + target + " " + r->body);
    }
  }
  running_.fetch_sub(1);
}

bool LoadGenerator::wait_for_ok(long n, std::chrono::milliseconds timeout) const {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (ok_.load() < n && running_.load() > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return ok_.load() >= n;
}

LoadTally LoadGenerator::join(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (running_.load() > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return stop();
}

LoadTally LoadGenerator::stop() {
  stop_ = true;
  for (auto& t : threads_)
    if (t.joinable()) t.join();
  LoadTally all;
  for (auto& t : tallies_) {
    all.answered += t.answered;
    all.unanswered += t.unanswered;
    for (auto& [status, n] : t.statuses) all.statuses[status] += n;
    all.search_ids.insert(all.search_ids.end(), t.search_ids.begin(), t.search_ids.end());
    all.failures.insert(all.failures.end(), t.failures.begin(), t.failures.end());
  }
  tallies_.assign(tallies_.size(), LoadTally{});
  return all;
}

}  // namespace ayc::e2e
