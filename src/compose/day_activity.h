// Selects what a daily report covers: the watched repos' items inside the window.
#pragma once

#include <string>
#include <vector>

#include "core/report_window.h"
#include "model/activity.h"

namespace infradigest {

// Items of `watchlist` repos that fall in `window`: commits by the landing
// time of their change (the last Commit::landing_time of its PR's commits,
// compose/changes.h), so every commit is in exactly one day; issues by creation, releases by publication. Pull
// requests are all kept: they are looked up by number, and merged ones in the
// window are shown when no commit carries them.
Activity select_window(const Activity& all, const ReportWindow& window,
                       const std::vector<std::string>& watchlist);

}  // namespace infradigest
