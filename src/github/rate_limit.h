// GitHub's rate limits, read from responses, and the gate that pauses every
// request of a sync when one is hit.
//
// Primary limit: a 403/429 with `x-ratelimit-remaining: 0` — nothing may be
// sent until `x-ratelimit-reset` (epoch seconds) + 1 s. Secondary limit: a
// 403/429 with `retry-after`, or whose message says "secondary rate limit" —
// wait `retry-after` seconds, else at least 60 s, doubling on repeats.
#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "net/http_client.h"

namespace infradigest {

struct RateLimitHeaders {
  std::optional<long long> limit;      // x-ratelimit-limit
  std::optional<long long> remaining;  // x-ratelimit-remaining
  std::optional<WallTime> reset;       // x-ratelimit-reset
  std::optional<std::chrono::seconds> retry_after;  // retry-after (seconds form)
};

RateLimitHeaders read_rate_limit_headers(const HttpResponse& response);

enum class RateLimitKind { kNone, kPrimary, kSecondary };

// Which limit, if any, refused this response. A 403 that is neither (a token
// without access, a blocked repository) is kNone: it must not be retried.
RateLimitKind classify_rate_limit(const HttpResponse& response);

// How long to wait before retrying after the `attempt`-th (1-based) secondary
// limit: retry-after when given, else 60 s * 2^(attempt-1).
std::chrono::seconds secondary_wait(const RateLimitHeaders& headers, int attempt);

// One pause shared by every thread of a sync ("pause the whole queue, not one
// request"). When a pause longer than `max_wait` is asked for, the gate closes
// for good: wait() then fails at once for everyone, so the run stops and can
// be resumed later. Thread-safe.
class RateLimitGate {
 public:
  RateLimitGate(Clock& clock, std::chrono::seconds max_wait) : clock_(clock), max_wait_(max_wait) {}

  // Returns when no pause is in effect; an error when the gate is closed.
  Status wait();
  // Extends the pause to `until` (never shortens it). Returns false — and
  // closes the gate with a "resume later" error naming `why` — when `until`
  // is further away than max_wait.
  bool pause_until(WallTime until, const std::string& why);
  // Closes the gate for good with `why` (the request budget is spent); a
  // gate already closed keeps its first reason.
  void close(Error why);
  bool closed() const;
  std::optional<Error> closed_error() const;

 private:
  Clock& clock_;
  const std::chrono::seconds max_wait_;
  mutable std::mutex mutex_;
  WallTime until_{};
  std::optional<Error> closed_;
};

}  // namespace infradigest
