// A change: what a report shows as one item — the commits of one pull
// request (its merge commit, the branch commits it brought in, its squash or
// rebased commits), or one commit that belongs to no PR (model/pull_links.h).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "document/report.h"
#include "model/activity.h"

namespace infradigest {

struct Change {
  std::string repo;
  std::optional<int> pr;               // the PR all its commits belong to
  std::vector<const Commit*> commits;  // by landing time; the last landed last
  // The commit that stands for the change: the PR's merge commit when it is
  // one of them, else the last one landed.
  const Commit* main = nullptr;
  // A change lands when its last commit does: one report holds all of it.
  Timestamp landed() const { return commits.back()->landing_time(); }
};

// `commits` grouped into changes: by repository and PR, a commit without a PR
// alone. Changes keep pointers into `commits`. Order: by repository, then landing.
std::vector<Change> group_changes(const std::vector<Commit>& commits);

// A change as a report item: titled by its PR (when `prs` holds it, else its
// main commit, or for a "Merge pull request" merge the last branch commit),
// classified from the PR and all its commits together, sized over its commits
// (a merge commit's own diff repeats what it brought in and is not counted
// again; files are distinct paths), linked to its main commit, or to the PR
// when it has several commits. `shas` lists every commit, the main one first.
// `importance` is left 0 for the caller.
ReportItem item_from_change(const Change& change, const std::map<int, const PullRequest*>& prs);

}  // namespace infradigest
