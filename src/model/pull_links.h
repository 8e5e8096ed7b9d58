// Which commits of a repository's default branch belong to which pull
// request: one change, one report item (docs/schema.md, "Pull request links").
//
// The links are found, strongest first, from
//   1. the PR's merge_commit_sha (merged PRs only; an open PR's names a test
//      merge): that commit itself — the merge commit, the squash commit or the
//      last rebased commit — and, for a merge commit, the commits it brought
//      in: reachable from its second parent and not from its first;
//   2. the rebased commits matched to the PR's own commits (found by the sync,
//      sync/pull_commits.h, and stored as given);
//   3. "(#N)" at the end of a commit title;
//   4. a merge commit titled "Merge pull request #N from ..." and what it
//      brought in, for a PR the store does not hold.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/activity.h"

namespace infradigest {

// The stored text of a link kind, and back.
std::string_view pull_link_name(PullLink link);
std::optional<PullLink> pull_link_from_name(std::string_view name);

// How the link was found, as a sentence for `explain`: "its title ends with (#N)".
std::string_view pull_link_description(PullLink link);

// "Merge pull request #3126 from keithzzzzz/main" → 3126.
std::optional<int> pr_number_from_merge_title(const std::string& title);

// One commit of the repository's graph, as the linker needs it.
struct CommitNode {
  std::string sha;
  std::vector<std::string> parents;
  std::string title;
};

// A merged pull request and the commit its merge made.
struct MergedPull {
  int number = 0;
  std::string merge_commit_sha;
};

struct FoundLink {
  int pr = 0;
  PullLink how = PullLink::kGiven;
};

// A merge commit bringing in more commits than this is a merge of histories,
// not of a pull request: none of them is linked through it.
constexpr size_t kMaxMergedBranchCommits = 1000;

// The strongest link derivable from the graph for each commit that has one,
// by SHA. Only links that start at a commit of `fresh` (its title, or it
// being a merge commit) are looked for, so a save costs what it brought, not
// the repository's history; nullptr: all. Pure; cost O(graph) per fresh
// merge commit. Commits missing from `graph` (older than the store) end a walk.
std::map<std::string, FoundLink> find_pull_links(const std::vector<CommitNode>& graph,
                                                 const std::vector<MergedPull>& pulls,
                                                 const std::set<std::string>* fresh = nullptr);

// Whether `candidate` should replace the link a commit has.
bool stronger_link(std::optional<PullLink> candidate, std::optional<PullLink> current);

}  // namespace infradigest
