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
  // At most this many answers that count against the rate limit (every one
  // but a 304). With a budget, repositories are read in budget_order
  // (sync/request_budget.h), and one is started only while its expected cost
  // fits in what is left (with the expected cost of those in flight); from
  // the first that does not fit on, none is started: those that do not
  // cover the window yet stop the sync (SyncReport::stopped, budget_spent)
  // and stay for the next run; those that do are only left unchecked for late
  // changes. A repository that still runs over is dropped whole, as in a
  // rate-limit stop.
  std::optional<long long> budget{};
};

struct RepoOutcome {
  std::string repo;
  std::optional<Error> error;  // absent: stored completely; else every failed list's error, joined
  std::optional<Error> last_error;      // the last of them (what the one-line failure report shows)
  std::vector<SyncList> failed_lists;  // the lists not read (all four when the store failed)
  bool stopped = false;        // the error is the rate-limit or budget stop (SyncReport::stopped), not this repository's
  bool started = true;         // false: the budget stopped the sync before this repository
  SyncItemStats items;
  long long commit_details = 0;
};

struct SyncReport {
  std::vector<RepoOutcome> repos;  // in watchlist order
  std::optional<Error> stopped;    // the rate-limit or budget "resume later" error, when it happened
  bool budget_spent = false;       // stopped because the request budget was spent
  long long estimated = 0;         // expected requests (with a budget; sync/request_budget.h)
  GithubStats api;
  std::optional<long> new_connections;  // connections the HTTP client opened (set by its owner)
  std::optional<long> tls_handshakes;   // of them, over TLS (each a full or resumed handshake)
  SyncItemStats items;
  std::chrono::milliseconds elapsed{};

  // Repositories whose data for the window may be missing, in watchlist order.
  std::vector<std::string> incomplete() const;
  // Repositories the stop left unsynced (not started, or dropped), in watchlist order.
  std::vector<std::string> remaining() const;
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
