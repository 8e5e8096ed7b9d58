// Syncing one repository for a window: its default branch (the walk of
// commit_walk.h, plus a date-filtered backfill for days before the horizon),
// each new commit's detail (once, ever), the pull requests merged, issues
// opened and releases published since the window start (or since the list's
// last successful read, when that is earlier). Reads run in parallel; the
// result is stored by the caller in one transaction: the lists read
// completely, and which ones failed (a failed commit walk leaves the cursor
// as it was; a failed repository request fails every list).
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "core/result.h"
#include "github/github_client.h"
#include "sync/commit_walk.h"
#include "model/patch_bounds.h"
#include "sync/sync_types.h"

namespace infradigest {

struct RepoSyncRequest {
  std::string repo;        // "owner/name" as the watchlist writes it
  SysSeconds since{};      // the window [since, until)
  SysSeconds until{};
  SysSeconds floor{};      // landing_floor(): where late commits land
  RepoState state;         // stored default branch and cursor
  int detail_threads = 4;  // commit details fetched at once (the client bounds the total)
  PatchLimits patch_limits{};  // how much of each commit's patch is stored
};

// Store lookups, thread-safe (SyncStore).
struct RepoSyncLookups {
  KnownCommit known_commit;
  std::function<Result<std::optional<std::string>>(const std::string& key)> etag;
  std::function<void()> on_commit;  // progress: one commit detail done; may be empty
};

// Items newer than the window's end are kept too: they belong to later days'
// reports, and the cursor has moved past them.
RepoSyncOutput sync_repo(GithubClient& github, const RepoSyncRequest& request, const RepoSyncLookups& lookups);

}  // namespace infradigest
