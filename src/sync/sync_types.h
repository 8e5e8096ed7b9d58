// What a sync of one repository reads from the store before it starts and
// hands back to be stored when it is done (docs/sync.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

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

struct RepoState {
  std::optional<std::string> default_branch;  // as stored
  std::optional<BranchCursor> cursor;         // absent before the first complete sync
};

// A validator to send as If-None-Match next time, keyed by the request URL
// plus whatever else decided what was kept from the response (the window start).
struct EtagEntry {
  std::string key;
  std::string etag;
};

// Everything one repository's sync stores, in one transaction, or nothing.
struct RepoSyncOutput {
  std::string repo;
  Activity activity;                   // the repository, new commits with files, merged PRs, issues, releases
  std::optional<BranchCursor> cursor;  // the new cursor
  std::vector<EtagEntry> etags;
  long long commit_details = 0;        // commit detail requests made (files pages not counted)
};

}  // namespace infradigest
