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

class SyncStore {
 public:
  // `db` must outlive the SyncStore. Thread-safe.
  explicit SyncStore(Database& db) : db_(db) {}

  Result<RepoState> repo_state(const std::string& repo);
  // True when the store holds commit `sha` of `repo` (from a sync or an import):
  // commits are immutable, so a stored one is never fetched again.
  Result<bool> has_commit(const std::string& repo, const std::string& sha);
  Result<std::optional<std::string>> etag(const std::string& key);

  // The latest sync of any of `repos` (github_cursors.synced_at); nullopt when
  // none was ever synced (imported data only).
  Result<std::optional<SysSeconds>> last_synced_at(const std::vector<std::string>& repos);

  // The end of the latest report window `run` published, if any.
  Result<std::optional<SysSeconds>> reported_through();
  // Moves the mark forward (never back).
  Status advance_reported_through(SysSeconds end);

  // One BEGIN IMMEDIATE transaction: the items (change-detecting upsert),
  // first_seen_at = `now` for commits seen for the first time, the cursor and
  // the ETags (used_at = `now`; ETags unused for 30 days are dropped).
  Result<SyncItemStats> save(const RepoSyncOutput& output, SysSeconds now);

 private:
  std::mutex mutex_;
  Database& db_;
};

}  // namespace infradigest
