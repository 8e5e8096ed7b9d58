#include "github/github_client.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/timestamp.h"
#include "github/api_url.h"
#include "github/backoff.h"
#include "github/link_header.h"
#include "github/text_sanitizer.h"

namespace infradigest {

namespace {

const char* reason_phrase(int status) {
  switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized (GITHUB_TOKEN is missing, wrong or expired)";
    case 403: return "Forbidden (the token cannot see this)";
    case 404: return "Not Found (no such repository, or the token cannot see it)";
    case 409: return "Conflict (empty repository?)";
    case 410: return "Gone";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "";
  }
}

// GitHub's own explanation ("message" of its JSON error body), one short line.
std::string api_message(const std::string& body) {
  auto j = nlohmann::json::parse(body, nullptr, false);
  if (!j.is_object() || !j.contains("message") || !j["message"].is_string()) return "";
  std::string m = sanitize_api_line(j["message"].get<std::string>());
  return m.size() > 200 ? m.substr(0, 200) + "…" : m;
}

std::string status_text(const HttpResponse& r) {
  std::string text = std::to_string(r.status);
  if (const char* phrase = reason_phrase(r.status); *phrase) text += std::string(" ") + phrase;
  if (auto m = api_message(r.body); !m.empty()) text += ": " + m;
  return text;
}

std::string without_prefix(const std::string& text, const std::string& prefix) {
  return text.starts_with(prefix) ? text.substr(prefix.size()) : text;
}

std::string in_seconds(std::chrono::milliseconds d) {
  return fmt::format("{:.1f} s", static_cast<double>(d.count()) / 1000.0);
}

}  // namespace

GithubClient::GithubClient(HttpClient& http, Clock& clock, GithubClientOptions options)
    : http_(http),
      clock_(clock),
      options_(std::move(options)),
      api_origin_(url_origin(options_.api_url)),
      gate_(clock, options_.max_wait),
      slots_(std::clamp(options_.concurrency, 1, 1024)) {
  if (options_.token) secrets_.add_secret(*options_.token);
}

std::string GithubClient::redact(std::string text) const { return secrets_.scrub(text); }

void GithubClient::log(const std::string& line) const {
  if (options_.log) options_.log(redact(line));
}

void GithubClient::notice(const std::string& line) const {
  if (options_.notice) options_.notice(redact(line));
}

GithubStats GithubClient::stats() const {
  GithubStats s;
  s.requests = requests_.load();
  s.not_modified = not_modified_.load();
  s.retries = retries_.load();
  if (long long v = rate_remaining_.load(); v >= 0) s.rate_remaining = v;
  if (long long v = rate_limit_.load(); v >= 0) s.rate_limit = v;
  if (long long v = rate_reset_.load(); v >= 0) s.rate_reset = WallTime{std::chrono::seconds(v)};
  s.charged = charged_.load();
  return s;
}

void GithubClient::limit_requests(long long requests) { budget_ = charged_.load() + std::max(0LL, requests); }

bool GithubClient::reserve_charge() {
  const long long budget = budget_.load();
  long long spent = charged_.load();
  while (budget < 0 || spent < budget)
    if (charged_.compare_exchange_weak(spent, spent + 1)) return true;
  budget_spent_ = true;
  gate_.close(make_error("the request budget is spent; stopped — run the same command again later to resume"));
  return false;
}

Result<GithubRateLimit> GithubClient::rate_limit() {
  auto page = fetch(api("/rate_limit"), std::nullopt, false);
  if (!page) return page.error();
  // {"resources": {"core": {...}}, "rate": {...}}: "rate" is the older name of "core".
  const nlohmann::json& body = page->body;
  const nlohmann::json* core = nullptr;
  if (body.is_object() && body.contains("resources") && body.at("resources").is_object() &&
      body.at("resources").contains("core"))
    core = &body.at("resources").at("core");
  else if (body.is_object() && body.contains("rate"))
    core = &body.at("rate");
  auto number = [&](const char* key) -> std::optional<long long> {
    if (!core || !core->is_object() || !core->contains(key) || !core->at(key).is_number_integer()) return std::nullopt;
    return core->at(key).get<long long>();
  };
  const auto limit_value = number("limit"), remaining = number("remaining"), reset = number("reset");
  if (!limit_value || !remaining || !reset)
    return make_error("GET " + api("/rate_limit") + ": no core limit, remaining and reset in the answer");
  GithubRateLimit limit{*limit_value, *remaining, WallTime{std::chrono::seconds(*reset)}};
  rate_remaining_ = limit.remaining;
  rate_limit_ = limit.limit;
  rate_reset_ = *reset;
  return limit;
}

Result<HttpResponse> GithubClient::send_once(const HttpRequest& request, bool charged) {
  if (charged && !reserve_charge()) return *gate_.closed_error();
  slots_.acquire();
  auto started = std::chrono::steady_clock::now();
  auto response = http_.send(request);
  slots_.release();
  // Only answers GitHub counts stay charged: a 304 (or no answer) is given back.
  if (charged && (!response || response->status == 304)) --charged_;
  ++requests_;
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  if (response)
    log(fmt::format("{} -> {} ({} ms)", request.describe(), response->status, ms.count()));
  else
    log(fmt::format("{} -> failed: {}", request.describe(), response.error().message));
  return response;
}

void GithubClient::note_rate_headers(const HttpResponse& response) {
  const RateLimitHeaders h = read_rate_limit_headers(response);
  if (h.remaining) rate_remaining_ = *h.remaining;
  if (h.limit) rate_limit_ = *h.limit;
  if (h.reset) rate_reset_ = std::chrono::duration_cast<std::chrono::seconds>(h.reset->time_since_epoch()).count();
}

Result<GithubPage> GithubClient::get(const std::string& target, const std::optional<std::string>& etag) {
  return fetch(target, etag, true);
}

Result<GithubPage> GithubClient::fetch(const std::string& target, const std::optional<std::string>& etag, bool charged) {
  const std::string url = target.starts_with("/") ? api(target) : target;
  // The token goes to the API host only; a Link elsewhere is refused rather
  // than followed without it, since its pages would then differ silently.
  if (url_origin(url) != api_origin_)
    return make_error("refusing to request " + url_origin(url) + ": not the GitHub API host " + api_origin_);

  HttpRequest request;
  request.url = url;
  request.timeouts = options_.timeouts;
  request.headers = {{"Accept", "application/vnd.github+json"}, {"X-GitHub-Api-Version", "2022-11-28"}};
  if (options_.token) request.headers.emplace_back("Authorization", "Bearer " + *options_.token);
  if (etag) request.headers.emplace_back("If-None-Match", *etag);

  int failures = 0, secondary_hits = 0, primary_hits = 0;
  // Retries a transient failure after a jittered backoff, or gives up.
  auto retry_or_fail = [&](const std::string& why) -> std::optional<Error> {
    ++failures;
    if (failures >= options_.max_attempts)
      return make_error(
          redact(fmt::format("{}: {} (after {} attempts, {} retries)", request.describe(), why, failures, failures - 1)),
          ErrorCode::kTransient);
    auto delay = backoff_delay(failures, options_.backoff_base, options_.backoff_cap, random_unit());
    // Each retry is a log line, not a notice: without a network every request
    // retries, and the error the last attempt ends in says how many there were.
    log(fmt::format("{}: {}; retrying in {}", request.describe(), why, in_seconds(delay)));
    ++retries_;
    clock_.sleep_for(delay);
    return std::nullopt;
  };

  for (;;) {
    if (Status open = gate_.wait(); !open) return open.error().with_context(request.describe());
    auto response = send_once(request, charged);
    if (!response) {
      if (!response.error().transient()) return make_error(redact(response.error().message));
      if (auto e = retry_or_fail(without_prefix(response.error().message, request.describe() + ": "))) return *e;
      continue;
    }
    note_rate_headers(*response);
    const RateLimitHeaders limits = read_rate_limit_headers(*response);
    const int status = response->status;

    if (status == 304 || (status >= 200 && status < 300)) {
      // The last allowed request of the hour: hold everyone back until the reset.
      if (limits.remaining && *limits.remaining == 0 && limits.reset)
        gate_.pause_until(*limits.reset + std::chrono::seconds(1), "GitHub rate limit used up");
      GithubPage page;
      page.etag = response->header("etag");
      if (auto link = response->header("link")) page.next = find_link(*link, "next");
      if (status == 304) {
        ++not_modified_;
        page.not_modified = true;
        return page;
      }
      page.body = nlohmann::json::parse(response->body, nullptr, false);
      if (page.body.is_discarded()) {
        if (auto e = retry_or_fail(fmt::format("{} with a body that is not JSON ({} bytes; truncated, or an error page?)",
                                               status, response->body.size())))
          return *e;
        continue;
      }
      return page;
    }

    switch (classify_rate_limit(*response)) {
      case RateLimitKind::kPrimary: {
        // A reset in the past (clock skew) still gets a short pause, and a
        // server that keeps refusing is not asked forever.
        if (++primary_hits > options_.max_secondary_attempts)
          return make_error(fmt::format("{}: {} (still rate limited after {} waits)", request.describe(),
                                        status_text(*response), primary_hits - 1), ErrorCode::kTransient);
        WallTime until = std::max(limits.reset.value_or(clock_.now()) + std::chrono::seconds(1),
                                  clock_.now() + std::chrono::seconds(1));
        if (!gate_.pause_until(until, "GitHub primary rate limit")) continue;  // wait() reports the stop
        notice(fmt::format("GitHub rate limit used up ({}); pausing all requests until {}", request.describe(),
                           format_rfc3339_utc(std::chrono::floor<std::chrono::seconds>(until))));
        ++retries_;
        continue;
      }
      case RateLimitKind::kSecondary: {
        if (++secondary_hits > options_.max_secondary_attempts)
          return make_error(fmt::format("{}: {} (still limited after {} waits)", request.describe(),
                                        status_text(*response), secondary_hits - 1), ErrorCode::kTransient);
        auto wait = secondary_wait(limits, secondary_hits);
        if (!gate_.pause_until(clock_.now() + wait, "GitHub secondary rate limit")) continue;
        notice(fmt::format("GitHub secondary rate limit ({}); pausing all requests for {} s", request.describe(),
                           wait.count()));
        ++retries_;
        continue;
      }
      case RateLimitKind::kNone: break;
    }

    if (status >= 500) {
      if (auto e = retry_or_fail(status_text(*response))) return *e;
      continue;
    }
    // 400/401/403/404/410/422 and friends: asking again would not help.
    return make_error(redact(fmt::format("{}: {}", request.describe(), status_text(*response))));
  }
}

}  // namespace infradigest
