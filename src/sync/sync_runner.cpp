#include "sync/sync_runner.h"

#include "sync/landing_rule.h"
#include "core/parallel_for.h"
#include "sync/repo_sync.h"

namespace infradigest {

std::vector<std::string> SyncReport::incomplete() const {
  std::vector<std::string> out;
  for (const auto& r : repos)
    if (r.error) out.push_back(r.repo);
  return out;
}

namespace {

RepoOutcome sync_one(SyncStore& store, GithubClient& github, const SyncRequest& request, SysSeconds floor,
                     const std::string& repo, SyncObserver* observer) {
  RepoOutcome outcome;
  outcome.repo = repo;
  auto state = store.repo_state(repo);
  if (!state) {
    outcome.error = state.error().with_context(repo);
    outcome.last_error = outcome.error;
    outcome.failed_lists.assign(kSyncLists.begin(), kSyncLists.end());
    return outcome;
  }
  RepoSyncRequest repo_request{repo, request.since, request.until, floor, *state, request.concurrency,
                                   request.patch_limits};
  RepoSyncLookups lookups{
      [&](const std::string& sha) { return store.has_commit(repo, sha); },
      [&](const std::string& key) { return store.etag(key); },
      [&] {
        if (observer) observer->commit_fetched();
      }};
  RepoSyncOutput output = sync_repo(github, repo_request, lookups);
  // Stopped by the rate limit: nothing of this repository is kept, to resume whole.
  if (!output.failures.empty() && github.stopped()) {
    outcome.error = output.failures.front().error;
    outcome.stopped = true;
    return outcome;
  }
  for (const auto& f : output.failures) outcome.failed_lists.push_back(f.list);
  if (!output.failures.empty()) {
    std::string message;
    for (size_t i = 0; i < output.failures.size(); ++i) {
      // A failed repository request fails every list with the same error: said once.
      if (i > 0 && output.failures[i].error.message == output.failures[i - 1].error.message) continue;
      message += (message.empty() ? "" : "; ") + output.failures[i].error.message;
    }
    outcome.error = Error{message, output.failures.front().error.code};
    outcome.last_error = output.failures.back().error;
  }
  auto saved = store.save(output, request.now);
  if (!saved) {
    outcome.error = saved.error().with_context(repo + ": storing");
    outcome.last_error = outcome.error;
    outcome.failed_lists.assign(kSyncLists.begin(), kSyncLists.end());
    return outcome;
  }
  outcome.items = *saved;
  outcome.commit_details = output.commit_details;
  return outcome;
}

}  // namespace

Result<SyncReport> sync_repositories(SyncStore& store, GithubClient& github, const SyncRequest& request,
                                   SyncObserver* observer) {
  const auto started = std::chrono::steady_clock::now();
  auto reported = store.reported_through();
  if (!reported) return reported.error();
  const SysSeconds floor = landing_floor(request.since, *reported);

  SyncReport report;
  report.repos.resize(request.repos.size());
  parallel_for(request.repos.size(), static_cast<size_t>(std::max(1, request.concurrency)), [&](size_t i) {
    const std::string& repo = request.repos[i];
    if (observer) observer->repo_started(repo);
    report.repos[i] = sync_one(store, github, request, floor, repo, observer);
    if (observer) observer->repo_finished(report.repos[i]);
  });

  for (const auto& r : report.repos) report.items += r.items;
  report.stopped = github.stop_reason();
  report.api = github.stats();
  report.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  return report;
}

}  // namespace infradigest
