// Polls a condition until it holds or a generous timeout passes; for
// background work (the search log writer, server threads) in tests.
#pragma once

#include <chrono>
#include <thread>

namespace ayc::testing {

template <class Predicate>
bool eventually(Predicate pred, std::chrono::milliseconds timeout = std::chrono::seconds(15)) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (pred()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return pred();
}

}  // namespace ayc::testing
