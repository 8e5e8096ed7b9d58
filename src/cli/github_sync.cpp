#include "cli/github_sync.h"

#include <fmt/format.h>

#include <functional>
#include <mutex>
#include <ostream>

#include "config/config.h"
#include "github/api_url.h"
#include "net/http_client.h"
#include "sync/sync_summary.h"
#include "sync/terminal_progress.h"

namespace infradigest {

namespace {

std::chrono::milliseconds seconds(double s) { return std::chrono::milliseconds(static_cast<long long>(s * 1000)); }

// "2026-02-27T09:00:00Z (in 42 min)", or "at an unknown time".
std::string reset_text(const std::optional<WallTime>& reset, WallTime now) {
  if (!reset) return "at a time GitHub did not say";
  const auto minutes = std::chrono::ceil<std::chrono::minutes>(std::max(*reset - now, WallTime::duration{})).count();
  return "at " + format_rfc3339_utc(std::chrono::floor<std::chrono::seconds>(*reset)) + " (in " +
         (minutes < 120 ? std::to_string(minutes) + " min" : std::to_string((minutes + 59) / 60) + " h") + ")";
}

// The budget of this sync: --budget, and what is left of the hour unless the
// limit resets soon enough to wait for it.
std::optional<long long> sync_budget(GithubClient& github, std::optional<long long> requested,
                                     std::chrono::seconds max_wait, const std::function<void(const std::string&)>& say,
                                     Verbosity verbosity) {
  auto limit = github.rate_limit();
  if (!limit) {
    if (verbosity == Verbosity::kVerbose) say("no rate limit known (" + limit.error().message + ")");
    return requested;
  }
  if (limit->reset - std::chrono::system_clock::now() <= max_wait) return requested;
  return requested ? std::min(*requested, limit->remaining) : limit->remaining;
}

}  // namespace

Result<SyncReport> sync_github(CommandContext& c, SyncStore& store, const SyncWindow& window, Verbosity verbosity,
                               std::optional<long long> budget) {
  const GithubConfig& cfg = c.config.config.github;
  auto api_url = normalize_api_url(cfg.api_url);
  if (!api_url) return api_url.error().with_context("github.api_url");

  std::mutex err_mutex;  // worker threads share the error stream
  auto say = [&](const std::string& line) {
    std::lock_guard lock(err_mutex);
    c.err << "infradigest: " << line << "\n";
  };

  GithubClientOptions options;
  options.api_url = *api_url;
  if (auto token = system_getenv("GITHUB_TOKEN"); token && !token->empty()) options.token = *token;
  options.concurrency = static_cast<int>(cfg.concurrency);
  options.max_wait = std::chrono::seconds(cfg.max_wait);
  options.timeouts = HttpTimeouts{seconds(cfg.connect_timeout), seconds(cfg.timeout), seconds(cfg.stall_timeout), "github."};
  options.notice = say;
  if (verbosity == Verbosity::kVerbose) options.log = say;
  if (!options.token)
    say("GITHUB_TOKEN is not set: unauthenticated requests (GitHub allows 60 an hour; a token gets 5000)");
  else if (verbosity == Verbosity::kVerbose)
    say("authenticating with GITHUB_TOKEN (never shown)");

  HttpClientOptions http_options;
  http_options.ca_file = cfg.ca_file;
  http_options.ca_file_setting = "github.ca_file";
  auto http = make_http_client(http_options);
  GithubClient github(*http, system_clock(), options);
  const auto& repos = c.config.config.repos;
  TerminalProgress progress(c.err, github, repos.size(), stderr_wants_progress());
  SyncRequest request{repos, window.since, window.until, c.now(), options.concurrency,
                      PatchLimits{cfg.patch_max_file_bytes, cfg.patch_max_commit_bytes},
                      sync_budget(github, budget, options.max_wait, say, verbosity)};
  auto report = sync_repositories(store, github, request, &progress);
  progress.clear();
  if (!report) return report.error();
  const HttpStats http_stats = http->stats();
  report->new_connections = http_stats.new_connections;
  if (http_stats.tls_handshakes > 0) report->tls_handshakes = http_stats.tls_handshakes;
  if (request.budget && report->estimated > *request.budget)
    say(fmt::format("about {} requests are needed for {} repositories, more than the budget of {}: the least "
                    "recently synced go first",
                    report->estimated, repos.size(), *request.budget));
  for (const auto& r : report->repos)
    if (r.error && !r.stopped) say("error: " + format_repo_failure(r));
  if (report->budget_spent) {
    const auto left = report->remaining();
    say(fmt::format("error: the request budget of {} is spent: {} of {} repositories remain to be synced{}; the GitHub "
                    "rate limit resets {}; run the same command again to resume",
                    *request.budget, left.size(), repos.size(),
                    left.empty() ? "" : " (" + left.front() + (left.size() > 1 ? ", ..." : "") + ")",
                    reset_text(github.stats().rate_reset, std::chrono::system_clock::now())));
  } else if (report->stopped) {
    say("error: " + report->stopped->message);
  }
  say(format_sync_summary(*report));
  return report;
}

ExitStatus sync_exit_status(const SyncReport& report) {
  if (report.stopped) return ExitStatus::kRateLimited;
  if (!report.incomplete().empty()) return ExitStatus::kFailure;
  return ExitStatus::kOk;
}

}  // namespace infradigest
