// Deterministic pseudo-random numbers and identifiers for the data generator.
//
// Everything the generator writes is a function of (seed, stream, index): each
// entity draws from its own Rng, so the output does not depend on the order in
// which entities are generated, and all distributions are implemented here so
// the output does not depend on libstdc++'s <random> distributions either.
// The engine is xoshiro256** seeded through splitmix64.
//
// Thread-safety: Rng and Cdf are plain values; an Rng must not be shared
// between threads, a const Cdf may be.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace ayc::datagen {

// One independent stream per kind of entity; also the namespace of its UUIDs.
enum class Stream : std::uint64_t {
  kCatalog = 1,
  kBrand,
  kCategory,
  kProduct,
  kVariant,
  kImage,
  kCenter,
  kInventory,
  kZone,
  kCustomer,
  kUser,
  kProfile,
  kAddress,
  kOrderPlan,
  kOrder,
  kOrderItem,
  kReview,
  kSearchLog,
  kCoupon,
  kCouponUsage,
};

// Mixes two 64-bit values into one well-distributed value (stateless hash).
std::uint64_t mix64(std::uint64_t a, std::uint64_t b);

class Rng {
 public:
  Rng(std::uint64_t seed, Stream stream, std::uint64_t index = 0);

  std::uint64_t next();
  // Uniform in [0, n); n must be > 0.
  std::uint64_t below(std::uint64_t n);
  // Uniform in [lo, hi], both inclusive; lo <= hi.
  std::int64_t between(std::int64_t lo, std::int64_t hi);
  // Uniform in [0, 1).
  double unit();
  bool chance(double p) { return unit() < p; }
  // Approximately normal (Irwin-Hall sum of 12 uniforms): no libm involved.
  double normal(double mean, double sd);

  template <class T>
  const T& pick(std::span<const T> items) {
    return items[below(items.size())];
  }
  template <class T>
  const T& pick(const std::vector<T>& items) {
    return items[below(items.size())];
  }

 private:
  std::uint64_t s_[4];
};

// A discrete distribution over [0, n) given by non-negative weights, sampled
// by binary search over the cumulative sums.
class Cdf {
 public:
  Cdf() = default;
  explicit Cdf(std::span<const double> weights);
  std::size_t sample(Rng& rng) const;
  std::size_t size() const { return cumulative_.size(); }
  bool empty() const { return cumulative_.empty() || cumulative_.back() <= 0; }
  double total() const { return cumulative_.empty() ? 0 : cumulative_.back(); }

 private:
  std::vector<double> cumulative_;
};

// Zipf weights 1/(rank+1)^s for ranks 0..n-1.
std::vector<double> zipf_weights(std::size_t n, double s);

// A random (version 4, RFC 4122 variant) UUID that is a pure function of its inputs.
struct Uuid {
  std::uint64_t hi = 0;
  std::uint64_t lo = 0;
  void append_to(std::string& out) const;
  std::string str() const;
  bool operator==(const Uuid&) const = default;
};
Uuid make_uuid(std::uint64_t seed, Stream space, std::uint64_t index);

}  // namespace ayc::datagen
