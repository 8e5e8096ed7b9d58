// Composes the weekly / monthly report (document/period_report.h) from the
// same daily windows as the daily report (compose/period_activity.h), so every
// item is counted in the period whose day holds it.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <map>

#include "document/period_report.h"

namespace infradigest {

// What a period report is made of: the daily reports of its days and of the
// previous period's, and the PRs merged per repository in each.
struct PeriodInputs {
  PeriodWindow window;
  PeriodWindow previous;
  std::vector<Report> days;           // one per day of `window`
  std::vector<Report> previous_days;  // one per day of `previous`
  std::map<std::string, int> merged_prs, previous_merged_prs;
};

PeriodReport compose_period_report(const PeriodInputs& inputs, const std::vector<std::string>& watchlist,
                                   Language language);

}  // namespace infradigest
