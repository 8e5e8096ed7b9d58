#include "github/rate_limit.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "core/timestamp.h"

namespace infradigest {

namespace {

std::optional<long long> header_number(const HttpResponse& r, const char* name) {
  auto text = r.header(name);
  if (!text || text->empty()) return std::nullopt;
  try {
    size_t used = 0;
    long long v = std::stoll(*text, &used);
    if (used != text->size() || v < 0) return std::nullopt;
    return v;
  } catch (...) {
    return std::nullopt;
  }
}

bool mentions_secondary_limit(const std::string& body) {
  std::string lower = body.substr(0, 4096);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower.find("secondary rate limit") != std::string::npos;
}

}  // namespace

RateLimitHeaders read_rate_limit_headers(const HttpResponse& r) {
  RateLimitHeaders h;
  h.limit = header_number(r, "x-ratelimit-limit");
  h.remaining = header_number(r, "x-ratelimit-remaining");
  if (auto reset = header_number(r, "x-ratelimit-reset")) h.reset = WallTime(std::chrono::seconds(*reset));
  if (auto after = header_number(r, "retry-after")) h.retry_after = std::chrono::seconds(*after);
  return h;
}

RateLimitKind classify_rate_limit(const HttpResponse& r) {
  if (r.status != 403 && r.status != 429) return RateLimitKind::kNone;
  const RateLimitHeaders h = read_rate_limit_headers(r);
  // Secondary first: GitHub may also report remaining=0 alongside retry-after,
  // and retry-after is then the precise instruction.
  if (h.retry_after || mentions_secondary_limit(r.body)) return RateLimitKind::kSecondary;
  if (h.remaining && *h.remaining == 0) return RateLimitKind::kPrimary;
  if (r.status == 429) return RateLimitKind::kSecondary;  // "too many requests" without details
  return RateLimitKind::kNone;
}

std::chrono::seconds secondary_wait(const RateLimitHeaders& h, int attempt) {
  if (h.retry_after) return *h.retry_after;
  return std::chrono::seconds(60LL << std::clamp(attempt - 1, 0, 10));
}

Status RateLimitGate::wait() {
  for (;;) {
    WallTime until;
    {
      std::lock_guard lock(mutex_);
      if (closed_) return *closed_;
      until = until_;
    }
    const WallTime now = clock_.now();
    if (now >= until) return {};
    clock_.sleep_for(std::chrono::ceil<std::chrono::milliseconds>(until - now));
  }
}

bool RateLimitGate::pause_until(WallTime until, const std::string& why) {
  std::lock_guard lock(mutex_);
  if (closed_) return false;
  const WallTime now = clock_.now();
  if (until - now > max_wait_) {
    const auto wait = std::chrono::ceil<std::chrono::seconds>(until - now);
    closed_ = make_error(fmt::format(
        "{}: GitHub allows the next request at {} (in {} s), later than github.max_wait ({} s); "
        "stopped — run the same command again later to resume",
        why, format_rfc3339_utc(std::chrono::floor<std::chrono::seconds>(until)), wait.count(), max_wait_.count()));
    return false;
  }
  until_ = std::max(until_, until);
  return true;
}

void RateLimitGate::close(Error why) {
  std::lock_guard lock(mutex_);
  if (!closed_) closed_ = std::move(why);
}

bool RateLimitGate::closed() const {
  std::lock_guard lock(mutex_);
  return closed_.has_value();
}

std::optional<Error> RateLimitGate::closed_error() const {
  std::lock_guard lock(mutex_);
  return closed_;
}

}  // namespace infradigest
