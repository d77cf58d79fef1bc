#include "data/datagen/rng.h"

#include <algorithm>
#include <cmath>

namespace ayc::datagen {

namespace {
std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
}  // namespace

std::uint64_t mix64(std::uint64_t a, std::uint64_t b) {
  std::uint64_t state = a ^ rotl(b, 17) ^ 0x243f6a8885a308d3ULL;
  splitmix64(state);
  state ^= b;
  return splitmix64(state);
}

Rng::Rng(std::uint64_t seed, Stream stream, std::uint64_t index) {
  std::uint64_t state = mix64(mix64(seed, static_cast<std::uint64_t>(stream)), index);
  for (auto& s : s_) s = splitmix64(state);
}

std::uint64_t Rng::next() {
  const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

std::uint64_t Rng::below(std::uint64_t n) {
  // Lemire's multiply-shift with rejection: unbiased and fast.
  unsigned __int128 m = static_cast<unsigned __int128>(next()) * n;
  auto low = static_cast<std::uint64_t>(m);
  if (low < n) {
    const std::uint64_t threshold = (0 - n) % n;
    while (low < threshold) {
      m = static_cast<unsigned __int128>(next()) * n;
      low = static_cast<std::uint64_t>(m);
    }
  }
  return static_cast<std::uint64_t>(m >> 64);
}

std::int64_t Rng::between(std::int64_t lo, std::int64_t hi) {
  return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
}

double Rng::unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

double Rng::normal(double mean, double sd) {
  double sum = 0;
  for (int i = 0; i < 12; ++i) sum += unit();
  return mean + sd * (sum - 6.0);
}

Cdf::Cdf(std::span<const double> weights) {
  cumulative_.reserve(weights.size());
  double total = 0;
  for (double w : weights) {
    total += w > 0 ? w : 0;
    cumulative_.push_back(total);
  }
}

std::size_t Cdf::sample(Rng& rng) const {
  const double x = rng.unit() * cumulative_.back();
  auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), x);
  if (it == cumulative_.end()) --it;
  return static_cast<std::size_t>(it - cumulative_.begin());
}

std::vector<double> zipf_weights(std::size_t n, double s) {
  std::vector<double> w(n);
  for (std::size_t i = 0; i < n; ++i) w[i] = 1.0 / std::pow(static_cast<double>(i + 1), s);
  return w;
}

void Uuid::append_to(std::string& out) const {
  static const char kHex[] = "0123456789abcdef";
  char buf[36];
  int pos = 0;
  for (int i = 0; i < 32; ++i) {
    if (i == 8 || i == 12 || i == 16 || i == 20) buf[pos++] = '-';
    const std::uint64_t word = i < 16 ? hi : lo;
    const int shift = 60 - 4 * (i % 16);
    buf[pos++] = kHex[(word >> shift) & 0xF];
  }
  out.append(buf, sizeof buf);
}

std::string Uuid::str() const {
  std::string s;
  append_to(s);
  return s;
}

Uuid make_uuid(std::uint64_t seed, Stream space, std::uint64_t index) {
  Rng rng(mix64(seed, 0x75756964ULL), space, index);
  Uuid id{rng.next(), rng.next()};
  id.hi = (id.hi & ~0xF000ULL) | 0x4000ULL;                     // version 4
  id.lo = (id.lo & ~(0xC000000000000000ULL)) | 0x8000000000000000ULL;  // RFC 4122 variant
  return id;
}

}  // namespace ayc::datagen
