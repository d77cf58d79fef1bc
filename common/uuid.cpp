#include "common/uuid.h"

#include <sys/random.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace ayc {

namespace {

// 64 bits from the kernel's cryptographic generator (getrandom), read 512
// bytes at a time per thread so a search costs no system call of its own.
std::uint64_t random_u64() {
  struct Pool {
    std::uint64_t words[64];
    std::size_t next = 64;
  };
  thread_local Pool pool;
  if (pool.next == 64) {
    auto* bytes = reinterpret_cast<unsigned char*>(pool.words);
    std::size_t filled = 0;
    while (filled < sizeof(pool.words)) {
      const ssize_t n = getrandom(bytes + filled, sizeof(pool.words) - filled, 0);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) throw std::runtime_error(std::string("getrandom failed: ") + std::strerror(errno));
      filled += static_cast<std::size_t>(n);
    }
    pool.next = 0;
  }
  const std::uint64_t v = pool.words[pool.next];
  pool.words[pool.next++] = 0;  // a value handed out is not kept around
  return v;
}

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

constexpr std::uint64_t kVariantMask = 0x3FFFFFFFFFFFFFFFull;  // RFC 9562 variant: top bits 10
constexpr std::uint64_t kVariantBits = 0x8000000000000000ull;

}  // namespace

std::string format_uuid(std::uint64_t hi, std::uint64_t lo) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (int i = 0; i < 32; ++i) {
    const std::uint64_t word = i < 16 ? hi : lo;
    const int shift = 60 - 4 * (i % 16);
    out.push_back(kHex[(word >> shift) & 0xF]);
    if (i == 7 || i == 11 || i == 15 || i == 19) out.push_back('-');
  }
  return out;
}

std::string new_uuid_v4() {
  std::uint64_t hi = random_u64();
  std::uint64_t lo = random_u64();
  hi = (hi & 0xFFFFFFFFFFFF0FFFull) | 0x0000000000004000ull;  // version 4
  return format_uuid(hi, (lo & kVariantMask) | kVariantBits);
}

std::string new_uuid_v7(std::chrono::system_clock::time_point at) {
  const auto us = std::chrono::duration_cast<std::chrono::microseconds>(at.time_since_epoch()).count();
  const std::uint64_t micros = us < 0 ? 0 : static_cast<std::uint64_t>(us);
  const std::uint64_t unix_ms = (micros / 1000) & 0xFFFFFFFFFFFFull;  // 48 bits
  const std::uint64_t sub_ms = (micros % 1000) * 4096 / 1000;         // 12 bits: the fraction of the millisecond
  const std::uint64_t hi = (unix_ms << 16) | 0x7000ull | sub_ms;      // version 7
  return format_uuid(hi, (random_u64() & kVariantMask) | kVariantBits);
}

bool is_uuid(std::string_view text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool dash_here = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash_here ? text[i] != '-' : !is_hex(text[i])) return false;
  }
  return true;
}

std::string lowercase_uuid(std::string_view id) {
  std::string out(id);
  for (char& c : out)
    if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace ayc
