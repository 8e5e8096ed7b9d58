// How the LLM client reacts to one failed attempt: which HTTP statuses are
// worth retrying, how long to wait, when to move on to the next model.
// This is the only retry layer between infradigest and an LLM endpoint
// (HttpClient never retries).
#pragma once

#include <chrono>
#include <optional>

#include "net/http_client.h"

namespace infradigest {

struct RetryPolicy {
  int max_attempts = 3;  // per model and request: 1 + 2 retries
  std::chrono::milliseconds initial_backoff{500};
  std::chrono::milliseconds max_backoff{8'000};
  // A server asking for a longer wait than this is not waited for: the model
  // counts as failing and the next one is tried.
  std::chrono::milliseconds max_retry_after{30'000};

  // Exponential backoff before retry number `retry` (1-based), scaled by
  // `jitter` in [0, 1] into [75%, 100%] of the step, capped at max_backoff.
  std::chrono::milliseconds backoff(int retry, double jitter) const;
};

// 408, 409, 429 and 5xx: the same request may succeed later.
bool is_retryable_status(int status);

// 401, 402, 403: the key or the account is refused. No model of this
// endpoint will do better, so the run stops asking.
bool is_endpoint_refusal(int status);

// The wait a response asks for: `retry-after-ms` (milliseconds), else
// `retry-after` in seconds. nullopt when absent, negative or unparsable
// (HTTP-date values are not read: the backoff applies).
std::optional<std::chrono::milliseconds> requested_wait(const HttpResponse& response);

// `x-should-retry: true|false` overrides the status-based decision when present.
std::optional<bool> server_retry_hint(const HttpResponse& response);

}  // namespace infradigest
