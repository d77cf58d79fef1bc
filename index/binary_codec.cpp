#include "index/binary_codec.h"

#include <cstring>

namespace ayc::codec {

void Writer::varint(std::uint64_t v) {
  while (v >= 0x80) {
    out_.push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out_.push_back(static_cast<char>(v));
}

void Writer::f64(double v) {
  std::uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  for (int i = 0; i < 8; ++i) out_.push_back(static_cast<char>((bits >> (8 * i)) & 0xFF));
}

void Writer::f32(float v) {
  std::uint32_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  for (int i = 0; i < 4; ++i) out_.push_back(static_cast<char>((bits >> (8 * i)) & 0xFF));
}

void Writer::str(std::string_view s) {
  varint(s.size());
  out_.append(s.data(), s.size());
}

std::uint8_t Reader::u8() {
  if (!ok_ || pos_ >= in_.size()) {
    ok_ = false;
    return 0;
  }
  return static_cast<std::uint8_t>(in_[pos_++]);
}

std::uint64_t Reader::varint() {
  std::uint64_t v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (!ok_ || pos_ >= in_.size()) {
      ok_ = false;
      return 0;
    }
    auto byte = static_cast<std::uint8_t>(in_[pos_++]);
    v |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
    if ((byte & 0x80) == 0) return v;
  }
  ok_ = false;
  return 0;
}

double Reader::f64() {
  if (!ok_ || in_.size() - pos_ < 8) {
    ok_ = false;
    return 0;
  }
  std::uint64_t bits = 0;
  for (int i = 0; i < 8; ++i) bits |= static_cast<std::uint64_t>(static_cast<std::uint8_t>(in_[pos_ + i])) << (8 * i);
  pos_ += 8;
  double v;
  std::memcpy(&v, &bits, sizeof v);
  return v;
}

float Reader::f32() {
  if (!ok_ || in_.size() - pos_ < 4) {
    ok_ = false;
    return 0;
  }
  std::uint32_t bits = 0;
  for (int i = 0; i < 4; ++i) bits |= static_cast<std::uint32_t>(static_cast<std::uint8_t>(in_[pos_ + i])) << (8 * i);
  pos_ += 4;
  float v;
  std::memcpy(&v, &bits, sizeof v);
  return v;
}

std::string Reader::str() {
  std::uint64_t n = varint();
  if (!ok_ || n > in_.size() - pos_) {
    ok_ = false;
    return {};
  }
  std::string s(in_.substr(pos_, n));
  pos_ += n;
  return s;
}

}  // namespace ayc::codec
