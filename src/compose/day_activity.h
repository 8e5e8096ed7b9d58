// Selects what a daily report covers: the watched repos' items inside the window.
#pragma once

#include <string>
#include <vector>

#include "core/report_window.h"
#include "model/activity.h"
#include "store/activity_store.h"

namespace infradigest {

// The store query whose result is a superset of any window on `date`, in any
// zone (UTC offsets span -12h..+14h): [D-1, D+2) in canonical time text.
ActivityQuery query_around(SysDays date);

// Items of `watchlist` repos that fall in `window`: commits by landing time
// (Commit::landing_time), issues by creation, releases by publication. Pull
// requests are all kept: they are looked up by number, and merged ones in the
// window are shown when no commit carries them.
Activity select_window(const Activity& all, const ReportWindow& window,
                       const std::vector<std::string>& watchlist);

}  // namespace infradigest
