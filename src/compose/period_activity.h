// A period's activity, gathered from the daily reports of its days (as
// stored: pipeline/period_report.h), so weekly and monthly numbers always add
// up to the daily reports.
#pragma once

#include <string>
#include <vector>

#include <map>

#include "document/period_report.h"

namespace infradigest {

struct RepoPeriodActivity {
  std::string full_name;
  std::vector<PeriodItem> items;  // commits and stand-alone merged PRs, by day
  std::vector<ReportIssue> issues;
  std::vector<PeriodRelease> releases;
  int merged_prs = 0;
};

struct PeriodActivity {
  std::vector<RepoPeriodActivity> repos;  // watchlist order
  int date_only_items = 0;
};

// `days`: the daily report of each day of the period, in any order.
// `merged_prs`: PRs merged in the period per repository (from the store).
PeriodActivity collect_period(const std::vector<Report>& days, const std::vector<std::string>& watchlist,
                              const std::map<std::string, int>& merged_prs);

// The counts of one repository's period activity.
PeriodCounts count_activity(const RepoPeriodActivity& repo);

}  // namespace infradigest
