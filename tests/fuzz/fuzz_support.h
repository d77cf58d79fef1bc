// Helpers shared by the fuzz targets of tests/fuzz (see README.md there).
//
// AYC_FUZZ_CHECK states an invariant: when it does not hold, the input is
// printed in escaped form with the failed expression, and the process aborts,
// which libFuzzer (and the replay driver) reports as a crash with the input
// saved. ByteReader takes structured values off the front of a fuzz input
// (like LLVM's FuzzedDataProvider, which the replay build with GCC lacks).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

namespace ayc::fuzz {

// "abc\x01" for messages: printable ASCII as it is, everything else as \xNN.
inline std::string escaped(std::string_view in, std::size_t max = 400) {
  std::string out;
  for (std::size_t i = 0; i < in.size() && i < max; ++i) {
    const unsigned char c = static_cast<unsigned char>(in[i]);
    if (c >= 0x20 && c < 0x7F && c != '\\') {
      out += static_cast<char>(c);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    }
  }
  if (in.size() > max) out += "...";
  return out;
}

[[noreturn]] inline void invariant_failed(const char* file, int line, const char* expr, const std::string& detail) {
  std::fprintf(stderr, "\n==ayc-fuzz== invariant failed at %s:%d: %s\n==ayc-fuzz== %s\n", file, line, expr,
               detail.c_str());
  std::fflush(stderr);
  std::abort();
}

}  // namespace ayc::fuzz

#define AYC_FUZZ_CHECK(cond, detail)                                                            \
  do {                                                                                          \
    if (!(cond)) ::ayc::fuzz::invariant_failed(__FILE__, __LINE__, #cond, std::string(detail)); \
  } while (false)

namespace ayc::fuzz {

class ByteReader {
 public:
  ByteReader(const std::uint8_t* data, std::size_t size)
      : p_(reinterpret_cast<const char*>(data)), left_(size) {}

  bool empty() const { return left_ == 0; }
  std::uint8_t byte() {
    if (left_ == 0) return 0;
    --left_;
    return static_cast<std::uint8_t>(*p_++);
  }
  bool flag() { return (byte() & 1) != 0; }
  template <class T>
  T integer() {  // little-endian, zero-filled when the input runs out
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < sizeof(T); ++i) v |= static_cast<std::uint64_t>(byte()) << (8 * i);
    return static_cast<T>(v);
  }
  // A string of up to `max` bytes: one length byte (scaled when max > 255), then the bytes.
  std::string text(std::size_t max = 255) {
    std::size_t n = byte();
    if (max > 255) n = n * max / 255;
    if (n > left_) n = left_;
    if (n > max) n = max;
    std::string out(p_, n);
    p_ += n;
    left_ -= n;
    return out;
  }
  std::string rest() {
    std::string out(p_, left_);
    p_ += left_;
    left_ = 0;
    return out;
  }

 private:
  const char* p_;
  std::size_t left_;
};

// A private scratch directory for this process (under $TMPDIR, else tmpfs
// when there is one, so fsync is cheap); removed when the process exits
// normally (libFuzzer's -max_total_time and -runs end with exit()).
inline std::filesystem::path scratch_dir(const char* name) {
  namespace fs = std::filesystem;
  fs::path base;
  if (const char* t = std::getenv("TMPDIR"); t != nullptr && *t != '\0') {
    base = t;
  } else if (::access("/dev/shm", W_OK) == 0) {
    base = "/dev/shm";
  } else {
    base = fs::temp_directory_path();
  }
  fs::path dir = base / (std::string("ayc-fuzz-") + name + "-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  static std::vector<fs::path> made;
  if (made.empty()) {
    std::atexit([] {
      std::error_code ec;
      for (const auto& d : made) fs::remove_all(d, ec);
    });
  }
  made.push_back(dir);
  return dir;
}

}  // namespace ayc::fuzz
