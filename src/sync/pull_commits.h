// Rebase merges: GitHub writes a PR's commits onto the default branch again,
// under new SHAs, and names the last one the PR's merge_commit_sha. Nothing
// in those commits names the PR (their titles are the PR's commits' own), so
// the sync asks GET /repos/{o}/{r}/pulls/{n}/commits and matches that list,
// newest first, against the branch's first-parent chain down from the merge
// commit, by title (model/pull_links.h, PullLink::kPullCommits).
//
// Asked only where needed: for a PR merged in this sync whose merge commit
// is one of this sync's new commits, has one parent that is new too, and
// does not carry "(#N)" in its title (a squash commit does, by GitHub's
// default). At most kMaxPullCommitLookups PRs per repository and sync, and
// at most kMaxPullCommitPages pages each (GitHub lists 250 commits at most).
#pragma once

#include <vector>

#include "core/result.h"
#include "github/github_client.h"
#include "model/activity.h"

namespace infradigest {

constexpr size_t kMaxPullCommitLookups = 30;
constexpr int kMaxPullCommitPages = 3;

struct PullCommitsStats {
  int lookups = 0;  // PRs whose commit list was asked for
  int linked = 0;   // commits linked through one
};

// Sets pr_number/pr_link on the rebased commits of `commits` (this sync's new
// commits, with parents) for the merged PRs in `pulls`. A failed request is
// an error (the sync of the repository is then retried as a whole).
Result<PullCommitsStats> link_rebased_commits(GithubClient& github, const std::string& repo,
                                              const std::vector<PullRequest>& pulls, std::vector<Commit>& commits);

}  // namespace infradigest
