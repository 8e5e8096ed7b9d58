#include "llm/retry_policy.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

namespace infradigest {

std::chrono::milliseconds RetryPolicy::backoff(int retry, double jitter) const {
  double step = static_cast<double>(initial_backoff.count()) * std::pow(2.0, std::max(0, retry - 1));
  step = std::min(step, static_cast<double>(max_backoff.count()));
  double scaled = step * (0.75 + 0.25 * std::clamp(jitter, 0.0, 1.0));
  return std::chrono::milliseconds(static_cast<long long>(scaled));
}

bool is_retryable_status(int status) { return status == 408 || status == 409 || status == 429 || status >= 500; }

bool is_endpoint_refusal(int status) { return status == 401 || status == 402 || status == 403; }

namespace {

std::optional<double> parse_number(const std::string& text) {
  std::string t = text;
  t.erase(0, t.find_first_not_of(" \t"));
  t.erase(t.find_last_not_of(" \t") + 1);
  double v = 0;
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (t.empty() || ec != std::errc{} || end != t.data() + t.size() || !std::isfinite(v) || v < 0) return std::nullopt;
  return v;
}

}  // namespace

std::optional<std::chrono::milliseconds> requested_wait(const HttpResponse& response) {
  if (auto ms = response.header("retry-after-ms")) {
    if (auto v = parse_number(*ms)) return std::chrono::milliseconds(static_cast<long long>(std::ceil(*v)));
  }
  if (auto s = response.header("retry-after")) {
    if (auto v = parse_number(*s)) return std::chrono::milliseconds(static_cast<long long>(std::ceil(*v * 1000)));
  }
  return std::nullopt;
}

std::optional<bool> server_retry_hint(const HttpResponse& response) {
  auto h = response.header("x-should-retry");
  if (!h) return std::nullopt;
  if (*h == "true") return true;
  if (*h == "false") return false;
  return std::nullopt;
}

}  // namespace infradigest
