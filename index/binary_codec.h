// Little binary writer/reader used by the feature store encodings: varints,
// fixed 64-bit doubles and 32-bit floats (little-endian) and length-prefixed strings.
//
// The Reader never reads past its buffer: a truncated or damaged value makes
// ok() false and every later read return a zero value.
//
// Thread-safety: one object per thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ayc::codec {

class Writer {
 public:
  void u8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void varint(std::uint64_t v);
  void f64(double v);
  void f32(float v);
  void str(std::string_view s);
  void reserve(std::size_t bytes) { out_.reserve(bytes); }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  std::uint8_t u8();
  std::uint64_t varint();
  double f64();
  float f32();
  std::string str();
  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == in_.size(); }

 private:
  std::string_view in_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace ayc::codec
