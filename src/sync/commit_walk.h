// Finding the commits that reached a default branch: walk from the head back
// to what is already known, instead of trusting date filters (docs/sync.md).
//
// The walk lists GET /repos/{o}/{r}/commits (the default branch, newest
// first) and follows parents: it starts from the head and takes a listed
// commit only when a new commit names it as a parent, so commits reachable
// only through old history are never taken. It stops at a boundary:
//   - a commit the store already holds, or the cursor's head;
//   - on a first sync (no cursor), a commit dated before the window start;
//   - with a cursor, a commit dated before the horizon (the start of the
//     repository's first sync, older than anything stored) that GitHub's
//     compare API shows to be an ancestor of the cursor's head: history the
//     store never held. An old-dated commit that is not (a mirror pushing old
//     work) is new. Compare costs a request, and is asked only for such
//     commits, which a repository that squash-merges never has.
// Pages are read while they still yield new commits; parents the listing
// never showed (a page shifted by a push or a force-push during the walk,
// merged side branches) are then fetched one by one as commit details, which
// the sync needs anyway. Duplicates (a page shifted down) are dropped.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "github/github_client.h"
#include "model/activity.h"
#include "sync/sync_types.h"

namespace infradigest {

// More new commits than this in one walk means rewritten history or a
// misconfigured horizon: the walk stops with an error instead of reporting them.
constexpr size_t kMaxNewCommitsPerWalk = 3000;

using KnownCommit = std::function<Result<bool>(const std::string& sha)>;

struct CommitWalkRequest {
  std::string repo;
  std::optional<BranchCursor> cursor;  // absent: the repository's first sync
  SysSeconds since{};                  // window start: the horizon of a first sync
  std::optional<std::string> etag;     // stored ETag of the first page (sent only with a cursor)
};

struct CommitWalkResult {
  bool unchanged = false;               // the first page was 304: the branch has not moved
  std::optional<std::string> head_sha;  // where the walk started; absent for an empty repository
  std::vector<Commit> commits;          // new commits, head first
  std::vector<bool> detailed;           // detailed[i]: commits[i] came from its detail (files included)
  std::string first_page_url;           // the ETag's key
  std::optional<std::string> etag;      // of the first page
};

// The first page of the default branch's listing: the walk's ETag key.
std::string branch_commits_url(const GithubClient& github, const std::string& repo);

// REQUIRES: `known` is safe to call from this thread.
Result<CommitWalkResult> walk_new_commits(GithubClient& github, const CommitWalkRequest& request,
                                          const KnownCommit& known);

// Backfill: the commits of the default branch with committer dates in
// [since, until) that the store does not hold yet, by the API's date filter
// (for days before the horizon, which no walk covers). No files.
Result<std::vector<Commit>> list_commits_between(GithubClient& github, const std::string& repo, SysSeconds since,
                                                 SysSeconds until, const KnownCommit& known);

// GET /repos/{o}/{r}/commits/{sha}, following rel="next" for the files of
// large commits (300 per page, up to GitHub's 3000).
Result<Commit> fetch_commit_detail(GithubClient& github, const std::string& repo, const std::string& sha);

}  // namespace infradigest
