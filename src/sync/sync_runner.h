// `sync` for a window: every watched repository, a few at a time, each
// stored in its own transaction as soon as it is read: the lists read
// completely, and sync_lists says which. A list that fails (404, 401, bad
// pages after retries) is reported and the others go on;
// a rate-limit pause longer than github.max_wait stops everything (stopped),
// leaving unfinished repositories' cursors as they were, ready to resume.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "github/github_client.h"
#include "model/patch_bounds.h"
#include "store/database.h"
#include "sync/sync_store.h"

namespace infradigest {

struct SyncRequest {
  std::vector<std::string> repos;  // the watchlist, in report order
  SysSeconds since{};              // the window [since, until)
  SysSeconds until{};
  SysSeconds now{};     // the logical time of the run (--now): first_seen_at, cursors' synced_at
  int concurrency = 6;  // repositories at once, and commit details at once per repository
  PatchLimits patch_limits{};  // how much of each commit's patch is stored (config github.patch_*)
};

struct RepoOutcome {
  std::string repo;
  std::optional<Error> error;  // absent: stored completely; else every failed list's error, joined
  std::optional<Error> last_error;      // the last of them (what the one-line failure report shows)
  std::vector<SyncList> failed_lists;  // the lists not read (all four when the store failed)
  bool stopped = false;        // the error is the rate-limit stop (SyncReport::stopped), not this repository's
  SyncItemStats items;
  long long commit_details = 0;
};

struct SyncReport {
  std::vector<RepoOutcome> repos;  // in watchlist order
  std::optional<Error> stopped;    // the rate-limit "resume later" error, when it happened
  GithubStats api;
  SyncItemStats items;
  std::chrono::milliseconds elapsed{};

  // Repositories whose data for the window may be missing, in watchlist order.
  std::vector<std::string> incomplete() const;
};

// Observes a sync for progress display. Called from worker threads.
class SyncObserver {
 public:
  virtual ~SyncObserver() = default;
  virtual void repo_started(const std::string& repo) = 0;
  virtual void repo_finished(const RepoOutcome& outcome) = 0;
  virtual void commit_fetched() = 0;
};

// Errors only when the store cannot be read before anything starts.
Result<SyncReport> sync_repositories(SyncStore& store, GithubClient& github, const SyncRequest& request,
                                   SyncObserver* observer = nullptr);

}  // namespace infradigest
