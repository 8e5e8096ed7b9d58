// GithubClient: GET requests to the GitHub REST API the way a trustworthy
// client makes them, on top of the HttpClient seam (one retry layer: here).
//
// - Headers: Accept: application/vnd.github+json, X-GitHub-Api-Version, the
//   User-Agent of the HttpClient, Authorization only towards the API origin.
// - Conditional requests: pass the stored ETag; a 304 comes back as
//   not_modified (an authorized 304 costs no primary rate limit).
// - Rate limits (github/rate_limit.h): primary → every request waits until
//   reset + 1 s; secondary → retry-after, else 60 s doubling, at most
//   max_secondary_attempts; a pause longer than max_wait stops the client for
//   good (stopped(), the error says "resume later").
// - 5xx, timeouts, connection errors and 2xx bodies that are not JSON
//   (truncated, an HTML page from a proxy): at most max_attempts tries with
//   jittered exponential backoff (each retry goes to `log`; the final error
//   says "after 4 attempts, 3 retries"). 4xx other than rate limits: no retry.
// - At most `concurrency` requests in flight, whatever the number of callers.
// - A request budget (limit_requests): at most N answers that count against
//   the rate limit (every one but a 304); then the client stops like a rate
//   limit stop ("resume later").
// - The token never appears in errors or logs: they name METHOD URL, and any
//   text that echoes the token is redacted.
// Thread-safe: one client serves every thread of a sync.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <semaphore>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/result.h"
#include "core/secret_scrubber.h"
#include "github/rate_limit.h"
#include "net/http_client.h"

namespace infradigest {

using LogSink = std::function<void(const std::string& line)>;

struct GithubClientOptions {
  std::string api_url = "https://api.github.com";  // normalized (normalize_api_url)
  std::optional<std::string> token;                // GITHUB_TOKEN; absent: unauthenticated
  HttpTimeouts timeouts;
  int concurrency = 6;  // requests in flight at once (>= 1)
  std::chrono::seconds max_wait{900};
  int max_attempts = 4;            // tries for transient failures
  int max_secondary_attempts = 4;  // secondary-limit waits before giving up on a request
  std::chrono::milliseconds backoff_base{1000};
  std::chrono::milliseconds backoff_cap{30000};
  LogSink log;     // one line per request ("GET URL -> 304") and per retry; empty: quiet. Must be thread-safe.
  LogSink notice;  // rate-limit pauses, always worth telling; empty: quiet.
};

// One page of a GET: a 2xx with its JSON, or a 304.
struct GithubPage {
  bool not_modified = false;
  nlohmann::json body;              // null when not_modified
  std::optional<std::string> etag;  // to store for the next conditional request
  std::optional<std::string> next;  // Link rel="next", exactly as given
};

struct GithubStats {
  long long requests = 0;      // sent, retries included
  long long not_modified = 0;  // 304s
  long long retries = 0;
  std::optional<long long> rate_remaining;  // from the latest response that said
  std::optional<long long> rate_limit;
  std::optional<WallTime> rate_reset;       // when the limit resets, from the latest response that said
  long long charged = 0;                    // answers that count against the rate limit (not 304s)
};

// GET /rate_limit's "core" resource: what is left of the hour.
struct GithubRateLimit {
  long long limit = 0;
  long long remaining = 0;
  WallTime reset{};
};

class GithubClient {
 public:
  // `http` and `clock` must outlive the client.
  GithubClient(HttpClient& http, Clock& clock, GithubClientOptions options);

  // GETs `url`: absolute, on the API origin (a path is joined with api()).
  // Errors name "GET URL" and why ("404 Not Found: Not Found", "502 after 4
  // attempts", the rate-limit "resume later"); they are kTransient when a
  // later retry could succeed.
  Result<GithubPage> get(const std::string& url, const std::optional<std::string>& etag = std::nullopt);

  // The API URL of `path_and_query`, e.g. api("/repos/o/r") → "https://api.github.com/repos/o/r".
  std::string api(std::string_view path_and_query) const { return options_.api_url + std::string(path_and_query); }
  const std::string& api_url() const { return options_.api_url; }
  bool authenticated() const { return options_.token.has_value(); }

  // GET /rate_limit (GitHub does not count it against the limit). An error
  // when the server has no such endpoint (rate limiting disabled on GHES).
  Result<GithubRateLimit> rate_limit();

  // From now on at most `requests` more answers that count against the rate
  // limit; a request that would exceed it fails, and the client stops with a
  // "request budget ... spent" error. Call before the requests start.
  void limit_requests(long long requests);
  // True once a request was refused because the budget was spent (then stopped() too).
  bool budget_spent() const { return budget_spent_; }

  GithubStats stats() const;
  // True once a rate-limit pause exceeded max_wait: every get() fails fast.
  bool stopped() const { return gate_.closed(); }
  // Why it stopped ("... resume later"), once stopped().
  std::optional<Error> stop_reason() const { return gate_.closed_error(); }

  // Replaces the token in `text` by "***" (for messages built from responses).
  std::string redact(std::string text) const;

 private:
  // `charged`: the answer counts against the rate limit (and the budget) unless it is a 304.
  Result<GithubPage> fetch(const std::string& url, const std::optional<std::string>& etag, bool charged);
  Result<HttpResponse> send_once(const HttpRequest& request, bool charged);
  void note_rate_headers(const HttpResponse& response);
  void log(const std::string& line) const;
  void notice(const std::string& line) const;

  HttpClient& http_;
  Clock& clock_;
  GithubClientOptions options_;
  std::string api_origin_;
  RateLimitGate gate_;
  std::counting_semaphore<1024> slots_;
  SecretScrubber secrets_;  // the token (const after construction)
  std::atomic<long long> requests_{0}, not_modified_{0}, retries_{0};
  std::atomic<long long> rate_remaining_{-1}, rate_limit_{-1}, rate_reset_{-1};
  // Answers charged (or reserved for a request in flight) against the budget.
  std::atomic<long long> charged_{0};
  std::atomic<long long> budget_{-1};  // -1: none
  std::atomic<bool> budget_spent_{false};

  // Reserves one charged answer; false (and the client stopped) when the budget is spent.
  bool reserve_charge();
};

}  // namespace infradigest
