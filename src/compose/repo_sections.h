// Builds the per-repository sections of a report (具体内容分析).
#pragma once

#include <string>
#include <vector>

#include "compose/report.h"
#include "model/activity.h"

namespace infradigest {

// One section per watched repo, in watchlist order, even when empty. Items are
// grouped by kind in all_change_kinds() order, most important first; commits
// link to their commit, else their PR; a merged PR in `day` that no commit
// carries is shown as an item of its own.
std::vector<RepoSection> build_repo_sections(const Activity& day, const ReportWindow& window,
                                             const std::vector<std::string>& watchlist);

}  // namespace infradigest
