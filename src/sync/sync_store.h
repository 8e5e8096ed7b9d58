// The sync's view of the SQLite store: branch cursors, ETags, the
// reported-through mark, and the one-transaction write of a repository's
// results. Shares one Database between the sync's threads behind a mutex
// (SQLite work is tiny next to the network).
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/activity_store.h"
#include "store/database.h"
#include "sync/sync_types.h"

namespace infradigest {

// ImportStats per kind of item, for the summary line.
struct SyncItemStats {
  ImportStats commits, pull_requests, issues, releases;
  int added() const { return commits.added + pull_requests.added + issues.added + releases.added; }
  int updated() const { return commits.updated + pull_requests.updated + issues.updated + releases.updated; }
  SyncItemStats& operator+=(const SyncItemStats& other);
};

// A watched repository whose lists do not cover a day completely.
struct RepoGap {
  std::string repo;
  std::vector<SyncList> lists;  // in kSyncLists order
};

class SyncStore {
 public:
  // `db` must outlive the SyncStore. Thread-safe.
  explicit SyncStore(Database& db) : db_(db) {}

  Result<RepoState> repo_state(const std::string& repo);
  // True when the store holds commit `sha` of `repo` (from a sync or an import):
  // commits are immutable, so a stored one is never fetched again.
  Result<bool> has_commit(const std::string& repo, const std::string& sha);
  Result<std::optional<std::string>> etag(const std::string& key);
  // How many commits of `repo` a sync first saw at or after `since` (the
  // recent rate of new commits, for the request estimate).
  Result<long long> commits_first_seen_since(const std::string& repo, SysSeconds since);

  // The latest sync of any of `repos` (github_cursors.synced_at); nullopt when
  // none was ever synced (imported data only).
  Result<std::optional<SysSeconds>> last_synced_at(const std::vector<std::string>& repos);

  // The repositories of `repos` (in their order) for which the day [start, end)
  // is not complete: some list was never read successfully over it, or its
  // latest read failed after the last success (docs/sync.md, "Complete days").
  // The single source of truth for completeness: `run` publishes no day with
  // gaps (unless told to) and every report names them. A repository the sync
  // never read, and days before its first window, have no gaps (imported data).
  Result<std::vector<RepoGap>> gaps(const std::vector<std::string>& repos, SysSeconds start, SysSeconds end);

  // True when the store holds no trace of a sync or a run: no cursor, no list
  // read, no reported day (a new or lost store).
  Result<bool> never_synced();
  // The end of the latest report window `run` published, if any.
  Result<std::optional<SysSeconds>> reported_through();
  // Moves the mark forward (never back).
  Status advance_reported_through(SysSeconds end);

  // One BEGIN IMMEDIATE transaction: the items (change-detecting upsert),
  // first_seen_at = `now` for commits seen for the first time, the cursor,
  // the ETags (used_at = `now`; ETags unused for 30 days are dropped), and
  // how far each list is covered (sync_lists: read through `now`, or failed).
  Result<SyncItemStats> save(const RepoSyncOutput& output, SysSeconds now);

 private:
  struct ListRow {
    SyncList list;
    ListCoverage coverage;
    SysSeconds attempted_at{};
  };
  Result<std::vector<ListRow>> read_lists(const std::string& repo);  // REQUIRES: mutex_ held
  Status write_reported_through(SysSeconds end);                     // REQUIRES: mutex_ held
  std::mutex mutex_;
  Database& db_;
};

}  // namespace infradigest
