// Result<T>: a value or an Error carrying human context ("file:line: what").
// The one error type of the project; exceptions are caught only in main.cpp.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace infradigest {

// How a caller may react to an error. Stored nowhere: values may change.
enum class ErrorCode {
  kGeneric,    // fix the cause, then retry
  kTransient,  // may succeed if retried later (timeouts, connection resets, 5xx)
};

// What went wrong, phrased for a user: what, where, and what to do.
struct Error {
  std::string message;
  ErrorCode code = ErrorCode::kGeneric;

  bool transient() const { return code == ErrorCode::kTransient; }
  // Returns a copy with "context: " prepended, so callers add where it happened.
  Error with_context(const std::string& context) const { return Error{context + ": " + message, code}; }
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}  // NOLINT

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  // REQUIRES: ok().
  T& value() & { assert(ok()); return std::get<T>(state_); }
  const T& value() const& { assert(ok()); return std::get<T>(state_); }
  T&& value() && { assert(ok()); return std::get<T>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  // REQUIRES: !ok().
  const Error& error() const { assert(!ok()); return std::get<Error>(state_); }

 private:
  std::variant<T, Error> state_;
};

// Result<void>: success or an Error.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const { assert(!ok_); return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

using Status = Result<void>;

inline Error make_error(std::string message, ErrorCode code = ErrorCode::kGeneric) {
  return Error{std::move(message), code};
}

}  // namespace infradigest

// Propagates an error from an expression returning Result<...>/Status. The
// local is named per line, so a TRY inside a lambda inside a TRY (row loops)
// does not shadow the outer one.
#define INFRADIGEST_TRY_CONCAT_(a, b) a##b
#define INFRADIGEST_TRY_NAME_(line) INFRADIGEST_TRY_CONCAT_(infradigest_try_result_, line)
#define INFRADIGEST_TRY(expr) INFRADIGEST_TRY_IMPL_(expr, INFRADIGEST_TRY_NAME_(__LINE__))
#define INFRADIGEST_TRY_IMPL_(expr, name)    \
  do {                                       \
    auto name = (expr);                      \
    if (!name.ok()) return name.error();     \
  } while (0)
