// The project's one error model.
//
// Expected failures travel as values: a Status (code + message) or a
// Result<T> holding either a value or a non-OK Status. Library exceptions
// (libpqxx, Xapian, RocksDB) are caught in the adapter that calls the library
// and converted here; HTTP codes are chosen from Status codes in exactly one
// place in the server.
//
// Thread-safety: plain values; safe to copy between threads.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace ayc {

enum class StatusCode {
  kOk,
  kInvalidArgument,   // the caller's input is wrong (a bad flag, a bad parameter)
  kNotFound,          // the thing asked for does not exist
  kAlreadyExists,     // e.g. a second indexer run while one holds the lock
  kFailedPrecondition,// the system is not in a state to do this (no index yet)
  kUnavailable,       // a dependency (PostgreSQL) cannot be reached; retrying may help
  kDataLoss,          // stored data is damaged
  kInternal,          // a bug or an unexpected library failure
};

const char* status_code_name(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return {}; }
  static Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status AlreadyExists(std::string m) { return {StatusCode::kAlreadyExists, std::move(m)}; }
  static Status FailedPrecondition(std::string m) { return {StatusCode::kFailedPrecondition, std::move(m)}; }
  static Status Unavailable(std::string m) { return {StatusCode::kUnavailable, std::move(m)}; }
  static Status DataLoss(std::string m) { return {StatusCode::kDataLoss, std::move(m)}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "InvalidArgument: --products must be at least 1"
  std::string to_string() const;

  // Returns a copy whose message is prefixed with context: "loading brands: <message>".
  Status with_context(const std::string& context) const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) { assert(!std::get<Status>(v_).ok()); }  // NOLINT

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace ayc

// Returns early from the enclosing function when `expr` yields a non-OK Status.
#define AYC_RETURN_IF_ERROR(expr)            \
  do {                                       \
    ::ayc::Status ayc_status_ = (expr);      \
    if (!ayc_status_.ok()) return ayc_status_; \
  } while (0)

#define AYC_STATUS_CONCAT_INNER_(a, b) a##b
#define AYC_STATUS_CONCAT_(a, b) AYC_STATUS_CONCAT_INNER_(a, b)

// `AYC_ASSIGN_OR_RETURN(auto x, make_x());` declares `x` as the value of the
// Result make_x() yields, or returns that Result's Status from the enclosing
// function (a Status or any Result<U>) when it is not OK.
#define AYC_ASSIGN_OR_RETURN(lhs, expr) \
  AYC_ASSIGN_OR_RETURN_IMPL_(AYC_STATUS_CONCAT_(ayc_result_, __LINE__), lhs, expr)
#define AYC_ASSIGN_OR_RETURN_IMPL_(result, lhs, expr) \
  auto result = (expr);                               \
  if (!result.ok()) return result.status();           \
  lhs = std::move(result).value()
