#include "cli/github_sync.h"

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

}  // namespace

Result<SyncReport> sync_github(CommandContext& c, SyncStore& store, const SyncWindow& window, Verbosity verbosity) {
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

  auto http = make_http_client();
  GithubClient github(*http, system_clock(), options);
  const auto& repos = c.config.config.repos;
  TerminalProgress progress(c.err, github, repos.size(), stderr_wants_progress());
  SyncRequest request{repos, window.since, window.until, c.now(), options.concurrency,
                      PatchLimits{cfg.patch_max_file_bytes, cfg.patch_max_commit_bytes}};
  auto report = sync_repositories(store, github, request, &progress);
  progress.clear();
  if (!report) return report.error();
  for (const auto& r : report->repos)
    if (r.error && !r.stopped) say("error: " + format_repo_failure(r));
  if (report->stopped) say("error: " + report->stopped->message);
  say(format_sync_summary(*report));
  return report;
}

ExitStatus sync_exit_status(const SyncReport& report) {
  if (report.stopped) return ExitStatus::kRateLimited;
  if (!report.incomplete().empty()) return ExitStatus::kFailure;
  return ExitStatus::kOk;
}

}  // namespace infradigest
