// What a sync of one repository reads from the store before it starts and
// hands back to be stored when it is done (docs/sync.md).
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/timestamp.h"
#include "model/activity.h"

namespace infradigest {

// Where the last complete walk of a repository's default branch stopped.
struct BranchCursor {
  std::string branch;    // the default branch walked
  std::string head_sha;  // its head then: the next walk stops where it meets this history
  SysSeconds horizon{};  // window start of the repository's first sync: older commits are never walked
  friend bool operator==(const BranchCursor&, const BranchCursor&) = default;
};

// The four lists a repository is read from. A day is complete for a
// repository when each of them was read completely over the day's window.
enum class SyncList { kCommits, kPullRequests, kIssues, kReleases };
inline constexpr std::array<SyncList, 4> kSyncLists = {SyncList::kCommits, SyncList::kPullRequests,
                                                       SyncList::kIssues, SyncList::kReleases};
// As stored (sync_lists.list): "commits", "pull_requests", "issues", "releases".
std::string_view sync_list_key(SyncList list);
// For people: "commits", "pull requests", "issues", "releases".
std::string_view sync_list_label(SyncList list);
std::optional<SyncList> parse_sync_list_key(std::string_view key);

// How far one list of one repository is known complete (sync_lists).
struct ListCoverage {
  SysSeconds from{};                   // start of the first window it was read (or tried) for
  std::optional<SysSeconds> through;   // run time of the latest successful read; none yet
};

struct RepoState {
  std::optional<std::string> default_branch;  // as stored
  std::optional<BranchCursor> cursor;         // absent before the first complete sync
  std::map<SyncList, ListCoverage> lists;     // absent: the list was never read
};

// One list that could not be read; the others may have been.
struct ListFailure {
  SyncList list;
  Error error;  // names the repository, the list and the request
};

// A validator to send as If-None-Match next time, keyed by the request URL of
// the first page (the repository, the branch, each list).
struct EtagEntry {
  std::string key;
  std::string etag;
};

// Everything one repository's sync stores, in one transaction: the lists
// that were read completely, and which ones failed.
struct RepoSyncOutput {
  std::string repo;
  SysSeconds since{};                  // the window start read for
  Activity activity;                   // the repository, new commits with files, merged PRs, issues, releases
  std::optional<BranchCursor> cursor;  // the new cursor (absent when the commits failed)
  std::vector<EtagEntry> etags;        // of the lists read completely only
  std::vector<SyncList> synced;        // lists read completely
  std::vector<ListFailure> failures;   // lists that were not
  long long commit_details = 0;        // commit detail requests made (files pages not counted)
};

}  // namespace infradigest
