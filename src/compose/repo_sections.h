// Builds the per-repository sections of a report (具体内容分析).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "document/report.h"
#include "model/activity.h"

namespace infradigest {

// One section per watched repo, in watchlist order, even when empty. Items are
// grouped by kind in all_change_kinds() order, most important first; commits
// link to their commit, else their PR; a merged PR in `day` that no commit
// carries is shown as an item of its own.
std::vector<RepoSection> build_repo_sections(const Activity& day, const ReportWindow& window,
                                             const std::vector<std::string>& watchlist);

// A commit as a report item: classified (with the tags of its PR's labels when
// `prs` holds that PR), sized, linked. `importance` is left 0 for the caller.
ReportItem item_from_commit(const Commit& commit, const std::map<int, const PullRequest*>& prs);
// A merged PR that no commit carries, as a report item (importance left 0).
ReportItem item_from_pr(const PullRequest& pr);

}  // namespace infradigest
